package dev.jconv.augment;

/**
 * Scales each channel's deviation from its mean by a random factor, as Keras's {@code
 * RandomContrast}: {@code (x - mean) * f + mean} with the mean over the image's pixels per channel
 * and {@code f} in {@code [1 - lower, 1 + upper]}, then clipped to the value range.
 */
public final class Contrast extends Photometric<Contrast> {
  private final double factorLo;
  private final double factorHi;

  private Contrast(double factorLo, double factorHi, double p, float lo, float hi) {
    super(p, lo, hi);
    Check.range("contrast factor", factorLo, factorHi, 0, 1e3);
    this.factorLo = factorLo;
    this.factorHi = factorHi;
  }

  /** A factor in {@code [1 - factor, 1 + factor]} ({@code factor} in [0, 1]). */
  public static Contrast of(double factor) {
    return of(factor, factor);
  }

  /** A factor in {@code [1 - lower, 1 + upper]}. */
  public static Contrast of(double lower, double upper) {
    Check.range("lower", 0, lower, 0, 1);
    Check.nonNegative("upper", upper);
    return between(1 - lower, 1 + upper);
  }

  /** A factor {@code f} in {@code [lo, hi]} itself (for example {@code 1.5, 1.5}). */
  public static Contrast between(double lo, double hi) {
    return new Contrast(lo, hi, 1, 0, 1);
  }

  @Override
  Contrast with(double p, float lo, float hi) {
    return new Contrast(factorLo, factorHi, p, lo, hi);
  }

  @Override
  void adjust(Canvas canvas, Rng rng) {
    adjust(canvas, (float) rng.uniform(factorLo, factorHi), lo, hi);
  }

  /**
   * {@code (x - mean) * f + mean} per channel, clipped to {@code [lo, hi]}; nothing at all when
   * {@code f} is 1. Shared with the RandomContrast layer.
   */
  static void adjust(Canvas canvas, float f, float lo, float hi) {
    if (f == 1) {
      return;
    }
    float[] p = canvas.pixels();
    int c = canvas.channels();
    int n = canvas.size();
    for (int ch = 0; ch < c; ch++) {
      double sum = 0;
      for (int i = ch; i < n; i += c) {
        sum += p[i];
      }
      float mean = (float) (sum / (n / c));
      for (int i = ch; i < n; i += c) {
        p[i] = clip((p[i] - mean) * f + mean, lo, hi);
      }
    }
  }
}

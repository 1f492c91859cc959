package dev.jconv.augment;

/**
 * Adds a random offset to every value, as Keras's {@code RandomBrightness}: the offset is the
 * factor times the width of the value range, then values are clipped to the range.
 */
public final class Brightness extends Photometric<Brightness> {
  private final double factorLo;
  private final double factorHi;

  private Brightness(double factorLo, double factorHi, double p, float lo, float hi) {
    super(p, lo, hi);
    Check.range("factor", factorLo, factorHi, -1, 1);
    this.factorLo = factorLo;
    this.factorHi = factorHi;
  }

  /** Brighter or darker by up to {@code factor} of the value range. */
  public static Brightness of(double factor) {
    double f = Math.abs(factor);
    return of(-f, f);
  }

  /** An offset of a fraction in {@code [lo, hi]} of the value range. */
  public static Brightness of(double lo, double hi) {
    return new Brightness(lo, hi, 1, 0, 1);
  }

  @Override
  Brightness with(double p, float lo, float hi) {
    return new Brightness(factorLo, factorHi, p, lo, hi);
  }

  @Override
  void adjust(Canvas canvas, Rng rng) {
    adjust(canvas, rng.uniform(factorLo, factorHi), lo, hi);
  }

  /**
   * Adds {@code factor * (hi - lo)} and clips to {@code [lo, hi]}; nothing at all when the offset
   * is 0. Shared with the RandomBrightness layer.
   */
  static void adjust(Canvas canvas, double factor, float lo, float hi) {
    float delta = (float) (factor * ((double) hi - lo));
    if (delta == 0) {
      return;
    }
    float[] p = canvas.pixels();
    for (int i = 0, n = canvas.size(); i < n; i++) {
      p[i] = clip(p[i] + delta, lo, hi);
    }
  }
}

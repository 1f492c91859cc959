package dev.jconv.augment;

/**
 * Blends RGB images with their grey version by a random factor, as torchvision's {@code
 * ColorJitter(saturation=)}: {@code grey + s * (x - grey)} with {@code s} in {@code [max(0, 1 -
 * factor), 1 + factor]} (0 gives grey, above 1 more saturated) and grey the BT.601 luma.
 */
public final class Saturation extends Photometric<Saturation> {
  private final double factorLo;
  private final double factorHi;

  private Saturation(double factorLo, double factorHi, double p, float lo, float hi) {
    super(p, lo, hi);
    Check.range("saturation factor", factorLo, factorHi, 0, 1e3);
    this.factorLo = factorLo;
    this.factorHi = factorHi;
  }

  /** A saturation factor in {@code [max(0, 1 - factor), 1 + factor]}. */
  public static Saturation of(double factor) {
    Check.nonNegative("factor", factor);
    return between(Math.max(0, 1 - factor), 1 + factor);
  }

  /** A saturation factor {@code s} in {@code [lo, hi]} itself (0: grey, 1: unchanged). */
  public static Saturation between(double lo, double hi) {
    return new Saturation(lo, hi, 1, 0, 1);
  }

  @Override
  Saturation with(double p, float lo, float hi) {
    return new Saturation(factorLo, factorHi, p, lo, hi);
  }

  @Override
  public void check(int h, int w, int c) {
    checkColour("Saturation", h, w, c);
  }

  @Override
  void adjust(Canvas canvas, Rng rng) {
    float s = (float) rng.uniform(factorLo, factorHi);
    if (s == 1) {
      return;
    }
    float[] p = canvas.pixels();
    for (int i = 0, n = canvas.size(); i < n; i += 3) {
      float grey = 0.2989f * p[i] + 0.587f * p[i + 1] + 0.114f * p[i + 2];
      p[i] = clip(grey + s * (p[i] - grey));
      p[i + 1] = clip(grey + s * (p[i + 1] - grey));
      p[i + 2] = clip(grey + s * (p[i + 2] - grey));
    }
  }
}

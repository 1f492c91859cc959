package dev.jconv.augment;

/**
 * Blends RGB images with their grey version by a random factor, as torchvision's {@code
 * ColorJitter(saturation=)}: {@code grey + s * (x - grey)} with {@code s} in {@code [max(0, 1 -
 * factor), 1 + factor]} (0 gives grey, above 1 more saturated) and grey the BT.601 luma.
 */
public final class Saturation extends Photometric<Saturation> {
  private final double factor;

  private Saturation(double factor, double p, float lo, float hi) {
    super(p, lo, hi);
    this.factor = Check.nonNegative("factor", factor);
  }

  /** A saturation factor in {@code [max(0, 1 - factor), 1 + factor]}. */
  public static Saturation of(double factor) {
    return new Saturation(factor, 1, 0, 1);
  }

  @Override
  Saturation with(double p, float lo, float hi) {
    return new Saturation(factor, p, lo, hi);
  }

  @Override
  public void check(int h, int w, int c) {
    checkColour("Saturation", h, w, c);
  }

  @Override
  void adjust(Canvas canvas, Rng rng) {
    float s = (float) rng.uniform(Math.max(0, 1 - factor), 1 + factor);
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

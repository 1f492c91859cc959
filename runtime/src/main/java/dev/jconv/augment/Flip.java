package dev.jconv.augment;

/**
 * Mirrors images left-right and/or top-bottom, as Keras's {@code RandomFlip}: each enabled axis is
 * flipped independently with probability 0.5 (by default). Pixels are moved, never resampled.
 */
public final class Flip implements Transform {
  private final boolean horizontal;
  private final boolean vertical;
  private final double probability;

  private Flip(boolean horizontal, boolean vertical, double probability) {
    this.horizontal = horizontal;
    this.vertical = vertical;
    this.probability = Check.probability(probability);
  }

  /** Left-right mirroring ({@code mode = "horizontal"}). */
  public static Flip horizontal() {
    return new Flip(true, false, 0.5);
  }

  /** Top-bottom mirroring ({@code mode = "vertical"}). */
  public static Flip vertical() {
    return new Flip(false, true, 0.5);
  }

  /** Both axes, independently ({@code mode = "horizontal_and_vertical"}). */
  public static Flip both() {
    return new Flip(true, true, 0.5);
  }

  /** The same flip with probability {@code p} per axis (1 always flips). */
  public Flip probability(double p) {
    return new Flip(horizontal, vertical, p);
  }

  @Override
  public void apply(Canvas canvas, Rng rng) {
    apply(canvas, rng, horizontal, vertical, probability);
  }

  /** Flips each enabled axis with probability {@code p}; shared with the RandomFlip layer. */
  static void apply(Canvas canvas, Rng rng, boolean horizontal, boolean vertical, double p) {
    boolean h = rng.nextDouble() < p && horizontal;
    boolean v = rng.nextDouble() < p && vertical;
    if (h) {
      flipColumns(canvas.pixels(), canvas.height(), canvas.width(), canvas.channels());
    }
    if (v) {
      flipRows(canvas.pixels(), canvas.height(), canvas.width(), canvas.channels());
    }
  }

  /** Mirrors every row in place. */
  static void flipColumns(float[] p, int h, int w, int c) {
    for (int y = 0; y < h; y++) {
      int row = y * w * c;
      for (int x = 0, mx = w - 1; x < mx; x++, mx--) {
        for (int ch = 0; ch < c; ch++) {
          int a = row + x * c + ch;
          int b = row + mx * c + ch;
          float t = p[a];
          p[a] = p[b];
          p[b] = t;
        }
      }
    }
  }

  /** Swaps row {@code y} with row {@code h - 1 - y}, in place. */
  static void flipRows(float[] p, int h, int w, int c) {
    int stride = w * c;
    for (int y = 0, my = h - 1; y < my; y++, my--) {
      int a = y * stride;
      int b = my * stride;
      for (int i = 0; i < stride; i++) {
        float t = p[a + i];
        p[a + i] = p[b + i];
        p[b + i] = t;
      }
    }
  }
}

package dev.jconv.augment;

import java.util.SplittableRandom;

/** Small synthetic HWC images and helpers for the augmentation tests. */
final class Images {
  private Images() {}

  /** Seeded uniform values in [0, 1). */
  static float[] random(int h, int w, int c, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[h * w * c];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextDouble();
    }
    return x;
  }

  /** Applies {@code t} once to a copy of {@code x}, seeded {@code seed}. */
  static float[] apply(Transform t, float[] x, int h, int w, int c, long seed) {
    return Pipeline.of(t).apply(x, new int[] {h, w, c}, seed);
  }

  /** Value at row {@code y}, column {@code x}, channel {@code ch}. */
  static float at(float[] img, int w, int c, int y, int x, int ch) {
    return img[(y * w + x) * c + ch];
  }

  /** np.rot90: the image turned a quarter counter-clockwise (transpose, then flip rows). */
  static float[] rot90(float[] img, int n, int c) {
    float[] t = new float[img.length];
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        for (int ch = 0; ch < c; ch++) {
          t[(y * n + x) * c + ch] = img[(x * n + y) * c + ch]; // transpose
        }
      }
    }
    Flip.flipRows(t, n, n, c);
    return t;
  }
}

package dev.jconv.kernels;

/** The scalar twin of {@link VectorBlas}. */
final class ScalarBlas {
  private ScalarBlas() {}

  static void axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
    for (int i = 0; i < n; i++) {
      y[yo + i] += a * x[xo + i];
    }
  }

  static float dot(float[] x, int xo, float[] y, int yo, int n) {
    float s0 = 0f;
    float s1 = 0f;
    int i = 0;
    for (; i + 1 < n; i += 2) {
      s0 += x[xo + i] * y[yo + i];
      s1 += x[xo + i + 1] * y[yo + i + 1];
    }
    if (i < n) {
      s0 += x[xo + i] * y[yo + i];
    }
    return s0 + s1;
  }

  /** x - x is 0 for finite x and NaN for NaN and the infinities; a NaN stays in the sum. */
  static boolean allFinite(float[] a, int from, int to) {
    float s = 0f;
    for (int i = from; i < to; i++) {
      s += a[i] - a[i];
    }
    return s == 0f;
  }
}

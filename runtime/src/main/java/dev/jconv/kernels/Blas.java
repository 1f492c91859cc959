package dev.jconv.kernels;

/**
 * The two vector primitives the generated backward pass is made of, {@code y += a * x} and {@code x
 * . y} over contiguous ranges, dispatched once to SIMD ({@link VectorBlas}) or scalar code ({@link
 * ScalarBlas}) by {@link VectorSupport}; the JIT folds the choice and inlines the kernel.
 */
public final class Blas {
  private static final boolean SIMD = VectorSupport.enabled();

  private Blas() {}

  /** {@code y[yo + i] += a * x[xo + i]} for {@code i < n}. */
  public static void axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
    if (SIMD) {
      VectorBlas.axpy(a, x, xo, y, yo, n);
    } else {
      ScalarBlas.axpy(a, x, xo, y, yo, n);
    }
  }

  /** {@code sum x[xo + i] * y[yo + i]} for {@code i < n}. */
  public static float dot(float[] x, int xo, float[] y, int yo, int n) {
    return SIMD ? VectorBlas.dot(x, xo, y, yo, n) : ScalarBlas.dot(x, xo, y, yo, n);
  }

  /** Whether {@code a[from...to)} holds only finite values (no NaN, no infinity). */
  public static boolean allFinite(float[] a, int from, int to) {
    return SIMD ? VectorBlas.allFinite(a, from, to) : ScalarBlas.allFinite(a, from, to);
  }
}

package dev.jconv.kernels;

/**
 * The scalar twin of {@link VectorMatMul}, and its column tails: the same products in plain loops
 * whose inner loop runs along contiguous rows of W so that the JIT can unroll it.
 */
final class ScalarMatMul {
  private ScalarMatMul() {}

  /** Columns {@code [j0, out)} of {@code Y = X W + b}. */
  static void forwardColumns(
      MatMul.Dims d,
      float[] x,
      int xo,
      float[] w,
      int wo,
      float[] b,
      int bo,
      float[] y,
      int yo,
      int j0) {
    if (d.out() - j0 <= NARROW) {
      narrowColumns(d, x, xo, w, wo, b, bo, y, yo, j0);
      return;
    }
    for (int i = 0; i < d.n(); i++) {
      int yr = yo + i * d.ldy();
      for (int j = j0; j < d.out(); j++) {
        y[yr + j] = b == null ? 0f : b[bo + j];
      }
      int xr = xo + i * d.ldx();
      for (int k = 0; k < d.in(); k++) {
        float a = x[xr + k];
        int wk = wo + k * d.out();
        for (int j = j0; j < d.out(); j++) {
          y[yr + j] += a * w[wk + j];
        }
      }
    }
  }

  /** Column tails up to this width are summed in a register, not in Y. */
  static final int NARROW = 16;

  // A few columns: each one's sum stays in a register (added to in Y, every term would wait for the
  // previous store); the same terms in the same order, so the same bits.
  private static void narrowColumns(
      MatMul.Dims d,
      float[] x,
      int xo,
      float[] w,
      int wo,
      float[] b,
      int bo,
      float[] y,
      int yo,
      int j0) {
    for (int i = 0; i < d.n(); i++) {
      int xr = xo + i * d.ldx();
      for (int j = j0; j < d.out(); j++) {
        float s = b == null ? 0f : b[bo + j];
        for (int k = 0, wk = wo + j; k < d.in(); k++, wk += d.out()) {
          s += x[xr + k] * w[wk];
        }
        y[yo + i * d.ldy() + j] = s;
      }
    }
  }

  static void backwardInput(
      MatMul.Dims d, float[] dy, int dyo, float[] w, int wo, float[] dx, int dxo) {
    for (int i = 0; i < d.n(); i++) {
      int r = dyo + i * d.ldy();
      for (int k = 0; k < d.in(); k++) {
        dx[dxo + i * d.ldx() + k] += ScalarBlas.dot(dy, r, w, wo + k * d.out(), d.out());
      }
    }
  }

  /** Columns {@code [j0, out)} of {@code dW += X^T dY}. */
  static void weightColumns(
      MatMul.Dims d, float[] x, int xo, float[] dy, int dyo, float[] dw, int dwo, int j0) {
    weightColumns(d, 0, d.in(), x, xo, dy, dyo, dw, dwo, j0, true);
  }

  /**
   * Rows {@code [k0, k1)} and columns {@code [j0, out)} of {@code dW = X^T dY} ({@code add}: {@code
   * dW += X^T dY}), the examples summed in order.
   */
  static void weightColumns(
      MatMul.Dims d,
      int k0,
      int k1,
      float[] x,
      int xo,
      float[] dy,
      int dyo,
      float[] dw,
      int dwo,
      int j0,
      boolean add) {
    if (j0 >= d.out()) {
      return;
    }
    if (!add) {
      for (int k = k0; k < k1; k++) {
        int wk = dwo + k * d.out();
        java.util.Arrays.fill(dw, wk + j0, wk + d.out(), 0f);
      }
    }
    for (int i = 0; i < d.n(); i++) {
      int g = dyo + i * d.ldy();
      for (int k = k0; k < k1; k++) {
        float a = x[xo + i * d.ldx() + k];
        int wk = dwo + k * d.out();
        for (int j = j0; j < d.out(); j++) {
          dw[wk + j] += a * dy[g + j];
        }
      }
    }
  }

  static void biasGrad(int n, int out, float[] dy, int dyo, int ldy, float[] db, int dbo) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < out; j++) {
        db[dbo + j] += dy[dyo + i * ldy + j];
      }
    }
  }
}

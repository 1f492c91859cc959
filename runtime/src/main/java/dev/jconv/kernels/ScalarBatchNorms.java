package dev.jconv.kernels;

/**
 * {@link BatchNorms} in plain loops, for channels {@code [from, c)}: the scalar twin of {@link
 * VectorBatchNorms} and its tail for channels that do not fill a vector. Every channel sums in the
 * same order, with the same fused multiply-adds, as a lane of the SIMD kernels, so both paths give
 * the same bits.
 */
final class ScalarBatchNorms {
  private ScalarBatchNorms() {}

  /**
   * The forward sums of one example's run of {@code count} positions for channels {@code [from,
   * c)}: {@code out[o + ch] = sum(x - k)}, {@code out[o + c + ch] = sum((x - k)^2)}.
   */
  static void forwardSums(
      float[] x, int xi, int count, int c, float[] st, int k, float[] out, int o, int from) {
    for (int ch = from; ch < c; ch++) {
      float kc = st[k + ch];
      float s1 = 0f;
      float s2 = 0f;
      for (int p = 0, i = xi + ch; p < count; p++, i += c) {
        float v = x[i] - kc;
        s1 += v;
        s2 = Math.fma(v, v, s2);
      }
      out[o + ch] = s1;
      out[o + c + ch] = s2;
    }
  }

  /** {@code y = x * st[scale + c] + st[shift + c]}. */
  static void affine(
      float[] x,
      int xo,
      int xs,
      float[] y,
      int yo,
      int ys,
      int n,
      int positions,
      int c,
      float[] st,
      int scale,
      int shift,
      int from) {
    for (int e = 0; e < n; e++) {
      int xe = xo + e * xs;
      int ye = yo + e * ys;
      for (int p = 0; p < positions * c; p += c) {
        for (int ch = from; ch < c; ch++) {
          y[ye + p + ch] = Math.fma(x[xe + p + ch], st[scale + ch], st[shift + ch]);
        }
      }
    }
  }

  /**
   * The backward sums of one example's run of {@code count} positions for channels {@code [from,
   * c)}: {@code out[o + ch] = sum(dy)}, {@code out[o + c + ch] = sum(dy * (x - mean))}.
   */
  static void backwardSums(
      float[] x,
      int xi,
      float[] dy,
      int di,
      int count,
      int c,
      float[] st,
      int mean,
      float[] out,
      int o,
      int from) {
    for (int ch = from; ch < c; ch++) {
      float m = st[mean + ch];
      float s1 = 0f;
      float s2 = 0f;
      for (int p = 0, i = xi + ch, j = di + ch; p < count; p++, i += c, j += c) {
        float d = dy[j];
        s1 += d;
        s2 = Math.fma(d, x[i] - m, s2);
      }
      out[o + ch] = s1;
      out[o + c + ch] = s2;
    }
  }

  /** {@code dx += k1 * dy + (k2 * x + k3)} with the coefficients at {@code st[k1...]}. */
  static void inputGrad(
      float[] x,
      int xo,
      int xs,
      float[] dy,
      int dyo,
      int dys,
      float[] dx,
      int dxo,
      int dxs,
      int n,
      int positions,
      int c,
      float[] st,
      int k1,
      int from) {
    int k2 = k1 + c;
    int k3 = k1 + 2 * c;
    for (int e = 0; e < n; e++) {
      int xe = xo + e * xs;
      int de = dyo + e * dys;
      int dxe = dxo + e * dxs;
      for (int p = 0; p < positions * c; p += c) {
        for (int ch = from; ch < c; ch++) {
          float lin = Math.fma(x[xe + p + ch], st[k2 + ch], st[k3 + ch]);
          dx[dxe + p + ch] += Math.fma(dy[de + p + ch], st[k1 + ch], lin);
        }
      }
    }
  }
}

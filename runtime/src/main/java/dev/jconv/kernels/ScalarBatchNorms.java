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
   * Adds {@code sum(x - k)} and {@code sum((x - k)^2)} per channel of {@code [from, to)} to {@code
   * st[so + 4c...]} and {@code st[so + 5c...]}.
   */
  static void forwardSums(
      float[] x,
      int xo,
      int xs,
      int n,
      int positions,
      int c,
      float[] st,
      int so,
      int from,
      int to) {
    int t1 = so + 4 * c;
    int t2 = so + 5 * c;
    int k = so + 7 * c;
    for (int ch = from; ch < to; ch++) {
      float kc = st[k + ch];
      for (int e = 0; e < n; e++) {
        for (int p0 = 0; p0 < positions; p0 += BatchNorms.CHUNK) {
          int count = Math.min(BatchNorms.CHUNK, positions - p0);
          int xi = xo + e * xs + p0 * c + ch;
          float s1 = 0f;
          float s2 = 0f;
          for (int p = 0; p < count; p++, xi += c) {
            float v = x[xi] - kc;
            s1 += v;
            s2 = Math.fma(v, v, s2);
          }
          st[t1 + ch] += s1;
          st[t2 + ch] += s2;
        }
      }
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
   * Adds {@code sum(dy)} and {@code sum(dy * (x - mean))} per channel of {@code [from, to)} to
   * {@code st[so + 4c...]} and {@code st[so + 5c...]}.
   */
  static void backwardSums(
      float[] x,
      int xo,
      int xs,
      float[] dy,
      int dyo,
      int dys,
      int n,
      int positions,
      int c,
      float[] st,
      int so,
      int from,
      int to) {
    int t1 = so + 4 * c;
    int t2 = so + 5 * c;
    for (int ch = from; ch < to; ch++) {
      float mean = st[so + ch];
      for (int e = 0; e < n; e++) {
        for (int p0 = 0; p0 < positions; p0 += BatchNorms.CHUNK) {
          int count = Math.min(BatchNorms.CHUNK, positions - p0);
          int xi = xo + e * xs + p0 * c + ch;
          int di = dyo + e * dys + p0 * c + ch;
          float s1 = 0f;
          float s2 = 0f;
          for (int p = 0; p < count; p++, xi += c, di += c) {
            float d = dy[di];
            s1 += d;
            s2 = Math.fma(d, x[xi] - mean, s2);
          }
          st[t1 + ch] += s1;
          st[t2 + ch] += s2;
        }
      }
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

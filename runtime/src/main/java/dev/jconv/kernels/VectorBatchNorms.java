package dev.jconv.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BatchNorms} on {@code FloatVector} lanes over the channels. The sums run per block of two
 * channel vectors (one cache line at 256 bits) down the positions of one example, at most {@link
 * BatchNorms#CHUNK} of them, in registers, and store that run's partial sums, which {@link
 * BatchNorms} adds up in a fixed order; one loop per call, so JDK 17's C2 keeps the accumulators in
 * registers. The elementwise passes go along each position's channels. Channels that do not fill a
 * vector run in {@link ScalarBatchNorms}, which computes a lane's bits exactly. Loaded only when
 * {@link VectorSupport#enabled()}.
 */
final class VectorBatchNorms {
  private static final VectorSpecies<Float> S = Lanes.SPECIES;
  private static final int L = S.length();

  private VectorBatchNorms() {}

  /** The channels from which {@link ScalarBatchNorms} takes over. */
  private static int vectorChannels(int c) {
    return c - c % L;
  }

  /**
   * The forward sums of one example's run of {@code count} positions at {@code x[xi...]}: {@code
   * out[o + ch] = sum(x - k)}, {@code out[o + c + ch] = sum((x - k)^2)}, the shift k at {@code
   * st[k...]}.
   */
  static void forwardSums(
      float[] x, int xi, int count, int c, float[] st, int k, float[] out, int o) {
    int cv = vectorChannels(c);
    int ch = 0;
    for (; ch + 2 * L <= cv; ch += 2 * L) {
      sums2(x, xi + ch, count, c, st, k + ch, out, o + ch, o + c + ch);
    }
    for (; ch < cv; ch += L) {
      sums1(x, xi + ch, count, c, st, k + ch, out, o + ch, o + c + ch);
    }
    ScalarBatchNorms.forwardSums(x, xi, count, c, st, k, out, o, cv);
  }

  /** Two vectors of channels: {@code out[t1] = sum(x - k)}, {@code out[t2] = sum((x - k)^2)}. */
  private static void sums2(
      float[] x, int xi, int count, int stride, float[] st, int k, float[] out, int t1, int t2) {
    FloatVector k0 = FloatVector.fromArray(S, st, k);
    FloatVector k1 = FloatVector.fromArray(S, st, k + L);
    FloatVector a0 = FloatVector.zero(S);
    FloatVector a1 = FloatVector.zero(S);
    FloatVector q0 = FloatVector.zero(S);
    FloatVector q1 = FloatVector.zero(S);
    for (int p = 0; p < count; p++, xi += stride) {
      FloatVector v0 = FloatVector.fromArray(S, x, xi).sub(k0);
      FloatVector v1 = FloatVector.fromArray(S, x, xi + L).sub(k1);
      a0 = a0.add(v0);
      a1 = a1.add(v1);
      q0 = v0.fma(v0, q0);
      q1 = v1.fma(v1, q1);
    }
    a0.intoArray(out, t1);
    a1.intoArray(out, t1 + L);
    q0.intoArray(out, t2);
    q1.intoArray(out, t2 + L);
  }

  /** {@link #sums2} for one vector of channels. */
  private static void sums1(
      float[] x, int xi, int count, int stride, float[] st, int k, float[] out, int t1, int t2) {
    FloatVector k0 = FloatVector.fromArray(S, st, k);
    FloatVector a0 = FloatVector.zero(S);
    FloatVector q0 = FloatVector.zero(S);
    for (int p = 0; p < count; p++, xi += stride) {
      FloatVector v0 = FloatVector.fromArray(S, x, xi).sub(k0);
      a0 = a0.add(v0);
      q0 = v0.fma(v0, q0);
    }
    a0.intoArray(out, t1);
    q0.intoArray(out, t2);
  }

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
      int shift) {
    int cv = vectorChannels(c);
    if (cv == 0) {
      ScalarBatchNorms.affine(x, xo, xs, y, yo, ys, n, positions, c, st, scale, shift, 0);
      return;
    }
    for (int e = 0; e < n; e++) {
      int xe = xo + e * xs;
      int ye = yo + e * ys;
      for (int p = 0; p < positions * c; p += c) {
        for (int ch = 0; ch < cv; ch += L) {
          FloatVector.fromArray(S, x, xe + p + ch)
              .fma(
                  FloatVector.fromArray(S, st, scale + ch),
                  FloatVector.fromArray(S, st, shift + ch))
              .intoArray(y, ye + p + ch);
        }
      }
    }
    if (cv < c) {
      ScalarBatchNorms.affine(x, xo, xs, y, yo, ys, n, positions, c, st, scale, shift, cv);
    }
  }

  /**
   * The backward sums of one example's run of {@code count} positions: {@code out[o + ch] =
   * sum(dy)}, {@code out[o + c + ch] = sum(dy * (x - mean))}, the mean at {@code st[mean...]}.
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
      int o) {
    int cv = vectorChannels(c);
    int ch = 0;
    for (; ch + 2 * L <= cv; ch += 2 * L) {
      gradSums2(x, xi + ch, dy, di + ch, count, c, st, mean + ch, out, o + ch, o + c + ch);
    }
    for (; ch < cv; ch += L) {
      gradSums1(x, xi + ch, dy, di + ch, count, c, st, mean + ch, out, o + ch, o + c + ch);
    }
    ScalarBatchNorms.backwardSums(x, xi, dy, di, count, c, st, mean, out, o, cv);
  }

  /** Two vectors: {@code out[t1] = sum(dy)}, {@code out[t2] = sum(dy * (x - st[mean]))}. */
  private static void gradSums2(
      float[] x,
      int xi,
      float[] dy,
      int di,
      int count,
      int stride,
      float[] st,
      int mean,
      float[] out,
      int t1,
      int t2) {
    FloatVector m0 = FloatVector.fromArray(S, st, mean);
    FloatVector m1 = FloatVector.fromArray(S, st, mean + L);
    FloatVector a0 = FloatVector.zero(S);
    FloatVector a1 = FloatVector.zero(S);
    FloatVector q0 = FloatVector.zero(S);
    FloatVector q1 = FloatVector.zero(S);
    for (int p = 0; p < count; p++, xi += stride, di += stride) {
      FloatVector d0 = FloatVector.fromArray(S, dy, di);
      FloatVector d1 = FloatVector.fromArray(S, dy, di + L);
      a0 = a0.add(d0);
      a1 = a1.add(d1);
      q0 = d0.fma(FloatVector.fromArray(S, x, xi).sub(m0), q0);
      q1 = d1.fma(FloatVector.fromArray(S, x, xi + L).sub(m1), q1);
    }
    a0.intoArray(out, t1);
    a1.intoArray(out, t1 + L);
    q0.intoArray(out, t2);
    q1.intoArray(out, t2 + L);
  }

  /** {@link #gradSums2} for one vector of channels. */
  private static void gradSums1(
      float[] x,
      int xi,
      float[] dy,
      int di,
      int count,
      int stride,
      float[] st,
      int mean,
      float[] out,
      int t1,
      int t2) {
    FloatVector m0 = FloatVector.fromArray(S, st, mean);
    FloatVector a0 = FloatVector.zero(S);
    FloatVector q0 = FloatVector.zero(S);
    for (int p = 0; p < count; p++, xi += stride, di += stride) {
      FloatVector d0 = FloatVector.fromArray(S, dy, di);
      a0 = a0.add(d0);
      q0 = d0.fma(FloatVector.fromArray(S, x, xi).sub(m0), q0);
    }
    a0.intoArray(out, t1);
    q0.intoArray(out, t2);
  }

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
      int k1) {
    int k2 = k1 + c;
    int k3 = k1 + 2 * c;
    int cv = vectorChannels(c);
    if (cv > 0) {
      for (int e = 0; e < n; e++) {
        int xe = xo + e * xs;
        int de = dyo + e * dys;
        int dxe = dxo + e * dxs;
        for (int p = 0; p < positions * c; p += c) {
          for (int ch = 0; ch < cv; ch += L) {
            FloatVector lin =
                FloatVector.fromArray(S, x, xe + p + ch)
                    .fma(
                        FloatVector.fromArray(S, st, k2 + ch),
                        FloatVector.fromArray(S, st, k3 + ch));
            FloatVector.fromArray(S, dx, dxe + p + ch)
                .add(
                    FloatVector.fromArray(S, dy, de + p + ch)
                        .fma(FloatVector.fromArray(S, st, k1 + ch), lin))
                .intoArray(dx, dxe + p + ch);
          }
        }
      }
    }
    if (cv < c) {
      ScalarBatchNorms.inputGrad(
          x, xo, xs, dy, dyo, dys, dx, dxo, dxs, n, positions, c, st, k1, cv);
    }
  }
}

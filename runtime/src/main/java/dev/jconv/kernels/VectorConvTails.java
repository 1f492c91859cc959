package dev.jconv.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The channel tails of {@link VectorConvBackward}: the output channels (weight gradient) or input
 * channels (input gradient) left over after the whole vectors, on vector lanes without masks.
 *
 * <p>With at least {@code L} channels, the tail takes one more whole vector ending at the last
 * channel, and the channels the whole vectors already did are multiplied by a constant 0 (a 0/1
 * vector loaded from a static array), so their lanes add exactly 0. With fewer channels than lanes
 * (8 at 16 lanes), a vector holds one pixel's channels in its first lanes and what the other lanes
 * read is multiplied by 0: the weight gradient's {@code dy} vector reads the next pixels, its
 * accumulators overlap the next rows of {@code dw} and are written back whole in ascending order;
 * the input gradient's weight vectors read the next weight rows, its accumulators are written back
 * whole inside the input row (near the row's ends, the live lanes only), and the last weight rows
 * are read from a vector ending at the row into a vector ending at the pixel. Every load that is
 * multiplied by 0 stays inside its region (0 times a NaN read elsewhere would not be 0). JDK 17
 * boxes masked stores, and masked code once fell to the boxed fallback in a JVM that had run other
 * networks, hence no masks at all.
 */
final class VectorConvTails {
  private static final VectorSpecies<Float> S = Lanes.SPECIES;
  private static final int L = S.length();

  /** {@code L} zeros then {@code L} ones: loaded at {@code k}, lanes {@code >= L - k} are 1. */
  private static final float[] ZERO_ONE = steps(0f, 1f);

  /** {@code L} ones then {@code L} zeros: loaded at {@code L - k}, lanes {@code < k} are 1. */
  private static final float[] ONE_ZERO = steps(1f, 0f);

  private VectorConvTails() {}

  private static float[] steps(float first, float second) {
    float[] a = new float[2 * L];
    for (int i = 0; i < L; i++) {
      a[i] = first;
      a[L + i] = second;
    }
    return a;
  }

  // ---------------------------------------------------------------- weight gradient

  /** {@code dw += } the kernel gradient of one tap for output channels {@code co0..cout}. */
  static void weightGrad(
      ConvShape s,
      float[] x,
      int xo,
      float[] dy,
      int dyo,
      float[] dw,
      int tap,
      int kh,
      int kw,
      int co0) {
    if (s.cout() >= L) {
      overlapWeightGrad(s, x, xo, dy, dyo, dw, tap, kh, kw, co0);
    } else {
      narrowWeightGrad(s, x, xo, dy, dyo, dw, tap, kh, kw);
    }
  }

  /** A vector ending at the last output channel; lanes below {@code co0} get {@code dy * 0}. */
  private static void overlapWeightGrad(
      ConvShape s,
      float[] x,
      int xo,
      float[] dy,
      int dyo,
      float[] dw,
      int tap,
      int kh,
      int kw,
      int co0) {
    int cin = s.cin();
    int cout = s.cout();
    int cb = cout - L;
    int r = cout - co0;
    int ci = 0;
    for (; ci + 8 <= cin; ci += 8) {
      grad8(s, x, xo + ci, dy, dyo + cb, dw, tap + ci * cout + cb, kh, kw, r);
    }
    for (; ci + 4 <= cin; ci += 4) {
      grad4(s, x, xo + ci, dy, dyo + cb, dw, tap + ci * cout + cb, kh, kw, r);
    }
    if (cin - ci == 3) {
      grad3(s, x, xo + ci, dy, dyo + cb, dw, tap + ci * cout + cb, kh, kw, r);
      ci += 3;
    }
    for (; ci < cin; ci++) {
      grad1(s, x, xo + ci, dy, dyo + cb, dw, tap + ci * cout + cb, kh, kw, r);
    }
  }

  /**
   * {@link #grad4} for 8 input channels: 8 independent FMA chains per pixel (4 wait on the FMA
   * latency).
   */
  private static void grad8(
      ConvShape s,
      float[] x,
      int xc,
      float[] dy,
      int gc,
      float[] dw,
      int at,
      int kh,
      int kw,
      int r) {
    int cin = s.cin();
    int cout = s.cout();
    FloatVector m = FloatVector.fromArray(S, ZERO_ONE, r);
    FloatVector c0 = FloatVector.fromArray(S, dw, at);
    FloatVector c1 = FloatVector.fromArray(S, dw, at + cout);
    FloatVector c2 = FloatVector.fromArray(S, dw, at + 2 * cout);
    FloatVector c3 = FloatVector.fromArray(S, dw, at + 3 * cout);
    FloatVector c4 = FloatVector.fromArray(S, dw, at + 4 * cout);
    FloatVector c5 = FloatVector.fromArray(S, dw, at + 5 * cout);
    FloatVector c6 = FloatVector.fromArray(S, dw, at + 6 * cout);
    FloatVector c7 = FloatVector.fromArray(S, dw, at + 7 * cout);
    int clo = s.colLo(kw);
    int xstep = s.sw() * cin;
    int cols = s.colHi(kw) - clo;
    int oh = s.rowLo(kh);
    int count = Math.max(0, s.rowHi(kh) - oh) * Math.max(0, cols);
    int xi = xIndex(s, xc, oh, clo, kh, kw);
    int g = gc + (oh * s.ow() + clo) * cout;
    for (int p = 0, ow = 0; p < count; p++) {
      FloatVector g0 = FloatVector.fromArray(S, dy, g).mul(m);
      c0 = FloatVector.broadcast(S, x[xi]).fma(g0, c0);
      c1 = FloatVector.broadcast(S, x[xi + 1]).fma(g0, c1);
      c2 = FloatVector.broadcast(S, x[xi + 2]).fma(g0, c2);
      c3 = FloatVector.broadcast(S, x[xi + 3]).fma(g0, c3);
      c4 = FloatVector.broadcast(S, x[xi + 4]).fma(g0, c4);
      c5 = FloatVector.broadcast(S, x[xi + 5]).fma(g0, c5);
      c6 = FloatVector.broadcast(S, x[xi + 6]).fma(g0, c6);
      c7 = FloatVector.broadcast(S, x[xi + 7]).fma(g0, c7);
      xi += xstep;
      g += cout;
      if (++ow == cols) {
        ow = 0;
        oh++;
        xi = xIndex(s, xc, oh, clo, kh, kw);
        g = gc + (oh * s.ow() + clo) * cout;
      }
    }
    c0.intoArray(dw, at);
    c1.intoArray(dw, at + cout);
    c2.intoArray(dw, at + 2 * cout);
    c3.intoArray(dw, at + 3 * cout);
    c4.intoArray(dw, at + 4 * cout);
    c5.intoArray(dw, at + 5 * cout);
    c6.intoArray(dw, at + 6 * cout);
    c7.intoArray(dw, at + 7 * cout);
  }

  /**
   * 4 input channels x the last vector of output channels, lanes {@code < L - r} multiplied by 0.
   */
  private static void grad4(
      ConvShape s,
      float[] x,
      int xc,
      float[] dy,
      int gc,
      float[] dw,
      int at,
      int kh,
      int kw,
      int r) {
    int cin = s.cin();
    int cout = s.cout();
    FloatVector m = FloatVector.fromArray(S, ZERO_ONE, r);
    FloatVector c0 = FloatVector.fromArray(S, dw, at);
    FloatVector c1 = FloatVector.fromArray(S, dw, at + cout);
    FloatVector c2 = FloatVector.fromArray(S, dw, at + 2 * cout);
    FloatVector c3 = FloatVector.fromArray(S, dw, at + 3 * cout);
    int clo = s.colLo(kw);
    int xstep = s.sw() * cin;
    int cols = s.colHi(kw) - clo;
    int oh = s.rowLo(kh);
    int count = Math.max(0, s.rowHi(kh) - oh) * Math.max(0, cols);
    int xi = xIndex(s, xc, oh, clo, kh, kw);
    int g = gc + (oh * s.ow() + clo) * cout;
    // One flat loop over the tap's pixels, as VectorConvBackward.grad4x3 (JDK 17 boxes vectors
    // carried through nested loops with variable trip counts).
    for (int p = 0, ow = 0; p < count; p++) {
      FloatVector g0 = FloatVector.fromArray(S, dy, g).mul(m);
      c0 = FloatVector.broadcast(S, x[xi]).fma(g0, c0);
      c1 = FloatVector.broadcast(S, x[xi + 1]).fma(g0, c1);
      c2 = FloatVector.broadcast(S, x[xi + 2]).fma(g0, c2);
      c3 = FloatVector.broadcast(S, x[xi + 3]).fma(g0, c3);
      xi += xstep;
      g += cout;
      if (++ow == cols) {
        ow = 0;
        oh++;
        xi = xIndex(s, xc, oh, clo, kh, kw);
        g = gc + (oh * s.ow() + clo) * cout;
      }
    }
    c0.intoArray(dw, at);
    c1.intoArray(dw, at + cout);
    c2.intoArray(dw, at + 2 * cout);
    c3.intoArray(dw, at + 3 * cout);
  }

  /** {@link #grad4} for 3 input channels (an RGB input). */
  private static void grad3(
      ConvShape s,
      float[] x,
      int xc,
      float[] dy,
      int gc,
      float[] dw,
      int at,
      int kh,
      int kw,
      int r) {
    int cin = s.cin();
    int cout = s.cout();
    FloatVector m = FloatVector.fromArray(S, ZERO_ONE, r);
    FloatVector c0 = FloatVector.fromArray(S, dw, at);
    FloatVector c1 = FloatVector.fromArray(S, dw, at + cout);
    FloatVector c2 = FloatVector.fromArray(S, dw, at + 2 * cout);
    int clo = s.colLo(kw);
    int xstep = s.sw() * cin;
    int cols = s.colHi(kw) - clo;
    int oh = s.rowLo(kh);
    int count = Math.max(0, s.rowHi(kh) - oh) * Math.max(0, cols);
    int xi = xIndex(s, xc, oh, clo, kh, kw);
    int g = gc + (oh * s.ow() + clo) * cout;
    for (int p = 0, ow = 0; p < count; p++) {
      FloatVector g0 = FloatVector.fromArray(S, dy, g).mul(m);
      c0 = FloatVector.broadcast(S, x[xi]).fma(g0, c0);
      c1 = FloatVector.broadcast(S, x[xi + 1]).fma(g0, c1);
      c2 = FloatVector.broadcast(S, x[xi + 2]).fma(g0, c2);
      xi += xstep;
      g += cout;
      if (++ow == cols) {
        ow = 0;
        oh++;
        xi = xIndex(s, xc, oh, clo, kh, kw);
        g = gc + (oh * s.ow() + clo) * cout;
      }
    }
    c0.intoArray(dw, at);
    c1.intoArray(dw, at + cout);
    c2.intoArray(dw, at + 2 * cout);
  }

  /** {@link #grad4} for one input channel. */
  private static void grad1(
      ConvShape s,
      float[] x,
      int xc,
      float[] dy,
      int gc,
      float[] dw,
      int at,
      int kh,
      int kw,
      int r) {
    int cin = s.cin();
    int cout = s.cout();
    FloatVector m = FloatVector.fromArray(S, ZERO_ONE, r);
    FloatVector c0 = FloatVector.fromArray(S, dw, at);
    int clo = s.colLo(kw);
    int xstep = s.sw() * cin;
    int cols = s.colHi(kw) - clo;
    int oh = s.rowLo(kh);
    int count = Math.max(0, s.rowHi(kh) - oh) * Math.max(0, cols);
    int xi = xIndex(s, xc, oh, clo, kh, kw);
    int g = gc + (oh * s.ow() + clo) * cout;
    for (int p = 0, ow = 0; p < count; p++) {
      c0 = FloatVector.broadcast(S, x[xi]).fma(FloatVector.fromArray(S, dy, g).mul(m), c0);
      xi += xstep;
      g += cout;
      if (++ow == cols) {
        ow = 0;
        oh++;
        xi = xIndex(s, xc, oh, clo, kh, kw);
        g = gc + (oh * s.ow() + clo) * cout;
      }
    }
    c0.intoArray(dw, at);
  }

  /**
   * Fewer output channels than lanes: one pixel's {@code dy} in the first {@code cout} lanes,
   * multiplied by a 0/1 vector (the other lanes read the next pixels and add 0). The accumulators
   * overlap the next rows of {@code dw} and are stored in ascending order, each row's new value
   * last; a vector that would pass the end of the kernel gradient stores its live lanes (a separate
   * method: the {@code lane(k)} switch in the hot one pushed JDK 17's C2 past its inlining budget
   * and the loop ran on the Vector API's Java fallback). Pixels whose {@code dy} vector would pass
   * the end of the example's {@code dy} run in scalar code.
   */
  private static void narrowWeightGrad(
      ConvShape s, float[] x, int xo, float[] dy, int dyo, float[] dw, int tap, int kh, int kw) {
    int cin = s.cin();
    int cout = s.cout();
    int oh0 = s.rowLo(kh);
    int clo = s.colLo(kw);
    int cols = s.colHi(kw) - clo;
    int count = Math.max(0, s.rowHi(kh) - oh0) * Math.max(0, cols);
    int dyEnd = dyo + s.pixels() * cout;
    int dwEnd = tap + (s.kh() * s.kw() - kh * s.kw() - kw) * cin * cout;
    // Pixels are in ascending order of dy: the ones whose vector stays in dy form a prefix.
    int n = count;
    while (n > 0
        && dyo + ((oh0 + (n - 1) / cols) * s.ow() + clo + (n - 1) % cols) * cout + L > dyEnd) {
      n--;
    }
    int ci = 0;
    for (; ci + 4 <= cin && tap + (ci + 3) * cout + L <= dwEnd; ci += 4) {
      narrow4(s, x, xo + ci, dy, dyo, dw, tap + ci * cout, kh, kw, n);
    }
    if (cin - ci == 3 && tap + (ci + 2) * cout + L <= dwEnd) {
      narrow3(s, x, xo + ci, dy, dyo, dw, tap + ci * cout, kh, kw, n);
      ci += 3;
    }
    for (; ci < cin && tap + ci * cout + L <= dwEnd; ci++) {
      narrow1(s, x, xo + ci, dy, dyo, dw, tap + ci * cout, kh, kw, n);
    }
    for (; ci < cin && tap + ci * cout + L <= dw.length; ci++) {
      narrowLanes(s, x, xo + ci, dy, dyo, dw, tap + ci * cout, kh, kw, n);
    }
    scalarWeightGrad(s, x, xo, dy, dyo, dw, tap, kh, kw, 0, ci, n);
    scalarWeightGrad(s, x, xo, dy, dyo, dw, tap, kh, kw, ci, cin, 0);
  }

  /**
   * 4 input channels x {@code cout < L} output channels over the tap's first {@code n} pixels; the
   * vectors overlap the next rows (plus 0), so they are stored in ascending order.
   */
  private static void narrow4(
      ConvShape s,
      float[] x,
      int xc,
      float[] dy,
      int gc,
      float[] dw,
      int at,
      int kh,
      int kw,
      int n) {
    int cin = s.cin();
    int cout = s.cout();
    FloatVector m = FloatVector.fromArray(S, ONE_ZERO, L - cout);
    FloatVector c0 = FloatVector.fromArray(S, dw, at);
    FloatVector c1 = FloatVector.fromArray(S, dw, at + cout);
    FloatVector c2 = FloatVector.fromArray(S, dw, at + 2 * cout);
    FloatVector c3 = FloatVector.fromArray(S, dw, at + 3 * cout);
    int clo = s.colLo(kw);
    int xstep = s.sw() * cin;
    int cols = s.colHi(kw) - clo;
    int oh = s.rowLo(kh);
    int xi = xIndex(s, xc, oh, clo, kh, kw);
    int g = gc + (oh * s.ow() + clo) * cout;
    for (int p = 0, ow = 0; p < n; p++) {
      FloatVector g0 = FloatVector.fromArray(S, dy, g).mul(m);
      c0 = FloatVector.broadcast(S, x[xi]).fma(g0, c0);
      c1 = FloatVector.broadcast(S, x[xi + 1]).fma(g0, c1);
      c2 = FloatVector.broadcast(S, x[xi + 2]).fma(g0, c2);
      c3 = FloatVector.broadcast(S, x[xi + 3]).fma(g0, c3);
      xi += xstep;
      g += cout;
      if (++ow == cols) {
        ow = 0;
        oh++;
        xi = xIndex(s, xc, oh, clo, kh, kw);
        g = gc + (oh * s.ow() + clo) * cout;
      }
    }
    c0.intoArray(dw, at);
    c1.intoArray(dw, at + cout);
    c2.intoArray(dw, at + 2 * cout);
    c3.intoArray(dw, at + 3 * cout);
  }

  /** {@link #narrow4} for 3 input channels (an RGB input). */
  private static void narrow3(
      ConvShape s,
      float[] x,
      int xc,
      float[] dy,
      int gc,
      float[] dw,
      int at,
      int kh,
      int kw,
      int n) {
    int cin = s.cin();
    int cout = s.cout();
    FloatVector m = FloatVector.fromArray(S, ONE_ZERO, L - cout);
    FloatVector c0 = FloatVector.fromArray(S, dw, at);
    FloatVector c1 = FloatVector.fromArray(S, dw, at + cout);
    FloatVector c2 = FloatVector.fromArray(S, dw, at + 2 * cout);
    FloatVector d0 = FloatVector.zero(S);
    FloatVector d1 = FloatVector.zero(S);
    FloatVector d2 = FloatVector.zero(S);
    int clo = s.colLo(kw);
    int xstep = s.sw() * cin;
    int cols = s.colHi(kw) - clo;
    int oh = s.rowLo(kh);
    int xi = xIndex(s, xc, oh, clo, kh, kw);
    int g = gc + (oh * s.ow() + clo) * cout;
    // Two pixels per iteration into two sets of chains: 3 chains alone wait on the FMA latency.
    int ow = 0;
    for (int p = 0; p + 2 <= n; p += 2) {
      FloatVector g0 = FloatVector.fromArray(S, dy, g).mul(m);
      c0 = FloatVector.broadcast(S, x[xi]).fma(g0, c0);
      c1 = FloatVector.broadcast(S, x[xi + 1]).fma(g0, c1);
      c2 = FloatVector.broadcast(S, x[xi + 2]).fma(g0, c2);
      xi += xstep;
      g += cout;
      if (++ow == cols) {
        ow = 0;
        oh++;
        xi = xIndex(s, xc, oh, clo, kh, kw);
        g = gc + (oh * s.ow() + clo) * cout;
      }
      FloatVector g1 = FloatVector.fromArray(S, dy, g).mul(m);
      d0 = FloatVector.broadcast(S, x[xi]).fma(g1, d0);
      d1 = FloatVector.broadcast(S, x[xi + 1]).fma(g1, d1);
      d2 = FloatVector.broadcast(S, x[xi + 2]).fma(g1, d2);
      xi += xstep;
      g += cout;
      if (++ow == cols) {
        ow = 0;
        oh++;
        xi = xIndex(s, xc, oh, clo, kh, kw);
        g = gc + (oh * s.ow() + clo) * cout;
      }
    }
    if ((n & 1) != 0) {
      FloatVector g0 = FloatVector.fromArray(S, dy, g).mul(m);
      c0 = FloatVector.broadcast(S, x[xi]).fma(g0, c0);
      c1 = FloatVector.broadcast(S, x[xi + 1]).fma(g0, c1);
      c2 = FloatVector.broadcast(S, x[xi + 2]).fma(g0, c2);
    }
    c0.add(d0).intoArray(dw, at);
    c1.add(d1).intoArray(dw, at + cout);
    c2.add(d2).intoArray(dw, at + 2 * cout);
  }

  /** {@link #narrow4} for one input channel. */
  private static void narrow1(
      ConvShape s,
      float[] x,
      int xc,
      float[] dy,
      int gc,
      float[] dw,
      int at,
      int kh,
      int kw,
      int n) {
    int cin = s.cin();
    int cout = s.cout();
    FloatVector m = FloatVector.fromArray(S, ONE_ZERO, L - cout);
    FloatVector c0 = FloatVector.fromArray(S, dw, at);
    int clo = s.colLo(kw);
    int xstep = s.sw() * cin;
    int cols = s.colHi(kw) - clo;
    int oh = s.rowLo(kh);
    int xi = xIndex(s, xc, oh, clo, kh, kw);
    int g = gc + (oh * s.ow() + clo) * cout;
    for (int p = 0, ow = 0; p < n; p++) {
      FloatVector g0 = FloatVector.fromArray(S, dy, g).mul(m);
      c0 = FloatVector.broadcast(S, x[xi]).fma(g0, c0);
      xi += xstep;
      g += cout;
      if (++ow == cols) {
        ow = 0;
        oh++;
        xi = xIndex(s, xc, oh, clo, kh, kw);
        g = gc + (oh * s.ow() + clo) * cout;
      }
    }
    c0.intoArray(dw, at);
  }

  /** {@link #narrow1} storing only the live lanes: its vector would pass the kernel gradient. */
  private static void narrowLanes(
      ConvShape s,
      float[] x,
      int xc,
      float[] dy,
      int gc,
      float[] dw,
      int at,
      int kh,
      int kw,
      int n) {
    int cin = s.cin();
    int cout = s.cout();
    FloatVector m = FloatVector.fromArray(S, ONE_ZERO, L - cout);
    FloatVector c0 = FloatVector.fromArray(S, dw, at);
    int clo = s.colLo(kw);
    int xstep = s.sw() * cin;
    int cols = s.colHi(kw) - clo;
    int oh = s.rowLo(kh);
    int xi = xIndex(s, xc, oh, clo, kh, kw);
    int g = gc + (oh * s.ow() + clo) * cout;
    for (int p = 0, ow = 0; p < n; p++) {
      FloatVector g0 = FloatVector.fromArray(S, dy, g).mul(m);
      c0 = FloatVector.broadcast(S, x[xi]).fma(g0, c0);
      xi += xstep;
      g += cout;
      if (++ow == cols) {
        ow = 0;
        oh++;
        xi = xIndex(s, xc, oh, clo, kh, kw);
        g = gc + (oh * s.ow() + clo) * cout;
      }
    }
    for (int k = 0; k < cout; k++) {
      dw[at + k] = c0.lane(k);
    }
  }

  // ---------------------------------------------------------------- input gradient

  /**
   * {@code dx += } the input gradient of one tap and output row for input channels {@code c..cin}
   * (the channels {@link VectorConvBackward}'s whole vectors left).
   */
  static void inputGrad(
      ConvShape s,
      float[] wt,
      int tap,
      float[] dy,
      int dyRow,
      float[] dx,
      int dxRow,
      int kw,
      int c) {
    int cin = s.cin();
    if (c >= cin) {
      return;
    }
    if (cin >= L) {
      overlapInputGrad(s, wt, tap, dy, dyRow, dx, dxRow, kw, c);
    } else {
      narrowInputGrad(s, wt, tap, dy, dyRow, dx, dxRow, kw);
    }
  }

  /** A vector ending at the last input channel; lanes below {@code c} get weights times 0. */
  private static void overlapInputGrad(
      ConvShape s,
      float[] wt,
      int tap,
      float[] dy,
      int dyRow,
      float[] dx,
      int dxRow,
      int kw,
      int c) {
    int cin = s.cin();
    int cout = s.cout();
    int cb = cin - L;
    int r = cin - c;
    int xstep = s.sw() * cin;
    int hi = s.colHi(kw);
    int ow = s.colLo(kw);
    for (; ow + 8 <= hi; ow += 8) {
      int x0 = dxRow + (ow * s.sw() - s.padLeft() + kw * s.dw()) * cin + cb;
      in8(cout, cin, wt, tap + cb, dy, dyRow + ow * cout, dx, x0, xstep, r);
    }
    for (; ow + 4 <= hi; ow += 4) {
      int x0 = dxRow + (ow * s.sw() - s.padLeft() + kw * s.dw()) * cin + cb;
      in4(cout, cin, wt, tap + cb, dy, dyRow + ow * cout, dx, x0, xstep, r);
    }
    for (; ow < hi; ow++) {
      int x0 = dxRow + (ow * s.sw() - s.padLeft() + kw * s.dw()) * cin + cb;
      in1(cout, cin, wt, tap + cb, dy, dyRow + ow * cout, dx, x0, r);
    }
  }

  /** {@link #in4} for 8 output pixels: 8 independent FMA chains. */
  private static void in8(
      int cout,
      int cin,
      float[] wt,
      int wc,
      float[] dy,
      int g0,
      float[] dx,
      int x0,
      int xstep,
      int r) {
    FloatVector m = FloatVector.fromArray(S, ZERO_ONE, r);
    FloatVector c0 = FloatVector.fromArray(S, dx, x0);
    FloatVector c1 = FloatVector.fromArray(S, dx, x0 + xstep);
    FloatVector c2 = FloatVector.fromArray(S, dx, x0 + 2 * xstep);
    FloatVector c3 = FloatVector.fromArray(S, dx, x0 + 3 * xstep);
    FloatVector c4 = FloatVector.fromArray(S, dx, x0 + 4 * xstep);
    FloatVector c5 = FloatVector.fromArray(S, dx, x0 + 5 * xstep);
    FloatVector c6 = FloatVector.fromArray(S, dx, x0 + 6 * xstep);
    FloatVector c7 = FloatVector.fromArray(S, dx, x0 + 7 * xstep);
    for (int co = 0; co < cout; co++) {
      FloatVector w0 = FloatVector.fromArray(S, wt, wc + co * cin).mul(m);
      c0 = FloatVector.broadcast(S, dy[g0 + co]).fma(w0, c0);
      c1 = FloatVector.broadcast(S, dy[g0 + cout + co]).fma(w0, c1);
      c2 = FloatVector.broadcast(S, dy[g0 + 2 * cout + co]).fma(w0, c2);
      c3 = FloatVector.broadcast(S, dy[g0 + 3 * cout + co]).fma(w0, c3);
      c4 = FloatVector.broadcast(S, dy[g0 + 4 * cout + co]).fma(w0, c4);
      c5 = FloatVector.broadcast(S, dy[g0 + 5 * cout + co]).fma(w0, c5);
      c6 = FloatVector.broadcast(S, dy[g0 + 6 * cout + co]).fma(w0, c6);
      c7 = FloatVector.broadcast(S, dy[g0 + 7 * cout + co]).fma(w0, c7);
    }
    c0.intoArray(dx, x0);
    c1.intoArray(dx, x0 + xstep);
    c2.intoArray(dx, x0 + 2 * xstep);
    c3.intoArray(dx, x0 + 3 * xstep);
    c4.intoArray(dx, x0 + 4 * xstep);
    c5.intoArray(dx, x0 + 5 * xstep);
    c6.intoArray(dx, x0 + 6 * xstep);
    c7.intoArray(dx, x0 + 7 * xstep);
  }

  /** dx of 4 output pixels for the last vector of input channels, lanes {@code < L - r} + 0. */
  private static void in4(
      int cout,
      int cin,
      float[] wt,
      int wc,
      float[] dy,
      int g0,
      float[] dx,
      int x0,
      int xstep,
      int r) {
    FloatVector m = FloatVector.fromArray(S, ZERO_ONE, r);
    FloatVector c0 = FloatVector.fromArray(S, dx, x0);
    FloatVector c1 = FloatVector.fromArray(S, dx, x0 + xstep);
    FloatVector c2 = FloatVector.fromArray(S, dx, x0 + 2 * xstep);
    FloatVector c3 = FloatVector.fromArray(S, dx, x0 + 3 * xstep);
    for (int co = 0; co < cout; co++) {
      FloatVector w0 = FloatVector.fromArray(S, wt, wc + co * cin).mul(m);
      c0 = FloatVector.broadcast(S, dy[g0 + co]).fma(w0, c0);
      c1 = FloatVector.broadcast(S, dy[g0 + cout + co]).fma(w0, c1);
      c2 = FloatVector.broadcast(S, dy[g0 + 2 * cout + co]).fma(w0, c2);
      c3 = FloatVector.broadcast(S, dy[g0 + 3 * cout + co]).fma(w0, c3);
    }
    c0.intoArray(dx, x0);
    c1.intoArray(dx, x0 + xstep);
    c2.intoArray(dx, x0 + 2 * xstep);
    c3.intoArray(dx, x0 + 3 * xstep);
  }

  /** {@link #in4} for one output pixel. */
  private static void in1(
      int cout, int cin, float[] wt, int wc, float[] dy, int g0, float[] dx, int x0, int r) {
    FloatVector m = FloatVector.fromArray(S, ZERO_ONE, r);
    FloatVector c0 = FloatVector.fromArray(S, dx, x0);
    for (int co = 0; co < cout; co++) {
      FloatVector w0 = FloatVector.fromArray(S, wt, wc + co * cin).mul(m);
      c0 = FloatVector.broadcast(S, dy[g0 + co]).fma(w0, c0);
    }
    c0.intoArray(dx, x0);
  }

  /**
   * Fewer input channels than lanes: a pixel's channels in the first {@code cin} lanes of a vector
   * starting at the pixel, for the weight rows {@code co < coF} whose vector stays inside the tap's
   * block; the last rows {@code co >= coB} in the last {@code cin} lanes of a vector ending at the
   * pixel, with weights from a vector ending at the row. Whole vectors are written back inside the
   * input row (ascending for the first kind, descending for the second, so each pixel's new value
   * is the last write), pixels near the row's ends store their live lanes, and rows between {@code
   * coF} and {@code coB} (tiny layers) run in scalar code.
   */
  private static void narrowInputGrad(
      ConvShape s, float[] wt, int tap, float[] dy, int dyRow, float[] dx, int dxRow, int kw) {
    int cin = s.cin();
    int cout = s.cout();
    int coF = cin * cout >= L ? Math.min(cout, (cin * cout - L) / cin + 1) : 0;
    int coB = Math.min(cout, Math.max(coF, (L + cin - 1) / cin - 1));
    int rowEnd = dxRow + s.w() * cin;
    int xstep = s.sw() * cin;
    int hi = s.colHi(kw);
    int ow = s.colLo(kw);
    while (ow < hi) {
      int x0 = dxRow + (ow * s.sw() - s.padLeft() + kw * s.dw()) * cin;
      int g = dyRow + ow * cout;
      // Pixels whose vectors (the forward one, the backward one if any) stay inside the row.
      boolean first = coB == cout || x0 + cin - L >= dxRow;
      if (ow + 8 <= hi && first && x0 + 7 * xstep + L <= rowEnd) {
        if (coF > 0) {
          forward8(cout, cin, wt, tap, dy, g, dx, x0, xstep, coF);
        }
        for (int p = 0; p < 8; p++) {
          scalarRows(cout, cin, wt, tap, dy, g + p * cout, dx, x0 + p * xstep, coF, coB);
        }
        if (coB < cout) {
          backward4(cout, cin, wt, tap, dy, g, dx, x0, xstep, coB);
          backward4(cout, cin, wt, tap, dy, g + 4 * cout, dx, x0 + 4 * xstep, xstep, coB);
        }
        ow += 8;
        continue;
      }
      if (ow + 4 <= hi && first && x0 + 3 * xstep + L <= rowEnd) {
        if (coF > 0) {
          forward4(cout, cin, wt, tap, dy, g, dx, x0, xstep, coF);
        }
        for (int p = 0; p < 4; p++) {
          scalarRows(cout, cin, wt, tap, dy, g + p * cout, dx, x0 + p * xstep, coF, coB);
        }
        if (coB < cout) {
          backward4(cout, cin, wt, tap, dy, g, dx, x0, xstep, coB);
        }
        ow += 4;
        continue;
      }
      boolean fits = x0 + L <= rowEnd;
      if (coF > 0) {
        if (fits) {
          forward1(cout, cin, wt, tap, dy, g, dx, x0, coF);
        } else if (x0 + L <= dx.length) {
          forward1Lanes(cout, cin, wt, tap, dy, g, dx, x0, coF);
        } else {
          scalarRows(cout, cin, wt, tap, dy, g, dx, x0, 0, coF);
        }
      }
      scalarRows(cout, cin, wt, tap, dy, g, dx, x0, coF, coB);
      if (coB < cout) {
        if (first) {
          backward1(cout, cin, wt, tap, dy, g, dx, x0, coB);
        } else if (x0 + cin - L >= 0) {
          backward1Lanes(cout, cin, wt, tap, dy, g, dx, x0, coB);
        } else {
          scalarRows(cout, cin, wt, tap, dy, g, dx, x0, coB, cout);
        }
      }
      ow++;
    }
  }

  /** {@link #forward4} for 8 pixels: 8 independent FMA chains. */
  private static void forward8(
      int cout,
      int cin,
      float[] wt,
      int tap,
      float[] dy,
      int g0,
      float[] dx,
      int x0,
      int xstep,
      int coF) {
    FloatVector m = FloatVector.fromArray(S, ONE_ZERO, L - cin);
    FloatVector c0 = FloatVector.fromArray(S, dx, x0);
    FloatVector c1 = FloatVector.fromArray(S, dx, x0 + xstep);
    FloatVector c2 = FloatVector.fromArray(S, dx, x0 + 2 * xstep);
    FloatVector c3 = FloatVector.fromArray(S, dx, x0 + 3 * xstep);
    FloatVector c4 = FloatVector.fromArray(S, dx, x0 + 4 * xstep);
    FloatVector c5 = FloatVector.fromArray(S, dx, x0 + 5 * xstep);
    FloatVector c6 = FloatVector.fromArray(S, dx, x0 + 6 * xstep);
    FloatVector c7 = FloatVector.fromArray(S, dx, x0 + 7 * xstep);
    for (int co = 0; co < coF; co++) {
      FloatVector w0 = FloatVector.fromArray(S, wt, tap + co * cin).mul(m);
      c0 = FloatVector.broadcast(S, dy[g0 + co]).fma(w0, c0);
      c1 = FloatVector.broadcast(S, dy[g0 + cout + co]).fma(w0, c1);
      c2 = FloatVector.broadcast(S, dy[g0 + 2 * cout + co]).fma(w0, c2);
      c3 = FloatVector.broadcast(S, dy[g0 + 3 * cout + co]).fma(w0, c3);
      c4 = FloatVector.broadcast(S, dy[g0 + 4 * cout + co]).fma(w0, c4);
      c5 = FloatVector.broadcast(S, dy[g0 + 5 * cout + co]).fma(w0, c5);
      c6 = FloatVector.broadcast(S, dy[g0 + 6 * cout + co]).fma(w0, c6);
      c7 = FloatVector.broadcast(S, dy[g0 + 7 * cout + co]).fma(w0, c7);
    }
    c0.intoArray(dx, x0);
    c1.intoArray(dx, x0 + xstep);
    c2.intoArray(dx, x0 + 2 * xstep);
    c3.intoArray(dx, x0 + 3 * xstep);
    c4.intoArray(dx, x0 + 4 * xstep);
    c5.intoArray(dx, x0 + 5 * xstep);
    c6.intoArray(dx, x0 + 6 * xstep);
    c7.intoArray(dx, x0 + 7 * xstep);
  }

  /** 4 pixels, weight rows {@code [0, coF)}, vectors starting at each pixel, stored ascending. */
  private static void forward4(
      int cout,
      int cin,
      float[] wt,
      int tap,
      float[] dy,
      int g0,
      float[] dx,
      int x0,
      int xstep,
      int coF) {
    FloatVector m = FloatVector.fromArray(S, ONE_ZERO, L - cin);
    FloatVector c0 = FloatVector.fromArray(S, dx, x0);
    FloatVector c1 = FloatVector.fromArray(S, dx, x0 + xstep);
    FloatVector c2 = FloatVector.fromArray(S, dx, x0 + 2 * xstep);
    FloatVector c3 = FloatVector.fromArray(S, dx, x0 + 3 * xstep);
    for (int co = 0; co < coF; co++) {
      FloatVector w0 = FloatVector.fromArray(S, wt, tap + co * cin).mul(m);
      c0 = FloatVector.broadcast(S, dy[g0 + co]).fma(w0, c0);
      c1 = FloatVector.broadcast(S, dy[g0 + cout + co]).fma(w0, c1);
      c2 = FloatVector.broadcast(S, dy[g0 + 2 * cout + co]).fma(w0, c2);
      c3 = FloatVector.broadcast(S, dy[g0 + 3 * cout + co]).fma(w0, c3);
    }
    // Each vector also covers the next pixels (plus 0): ascending, so they are rewritten after.
    c0.intoArray(dx, x0);
    c1.intoArray(dx, x0 + xstep);
    c2.intoArray(dx, x0 + 2 * xstep);
    c3.intoArray(dx, x0 + 3 * xstep);
  }

  /** 4 pixels, weight rows {@code [coB, cout)}, vectors ending at each pixel, stored descending. */
  private static void backward4(
      int cout,
      int cin,
      float[] wt,
      int tap,
      float[] dy,
      int g0,
      float[] dx,
      int x0,
      int xstep,
      int coB) {
    FloatVector m = FloatVector.fromArray(S, ZERO_ONE, cin);
    int xb = x0 + cin - L;
    FloatVector c0 = FloatVector.fromArray(S, dx, xb);
    FloatVector c1 = FloatVector.fromArray(S, dx, xb + xstep);
    FloatVector c2 = FloatVector.fromArray(S, dx, xb + 2 * xstep);
    FloatVector c3 = FloatVector.fromArray(S, dx, xb + 3 * xstep);
    for (int co = coB; co < cout; co++) {
      FloatVector w0 = FloatVector.fromArray(S, wt, tap + (co + 1) * cin - L).mul(m);
      c0 = FloatVector.broadcast(S, dy[g0 + co]).fma(w0, c0);
      c1 = FloatVector.broadcast(S, dy[g0 + cout + co]).fma(w0, c1);
      c2 = FloatVector.broadcast(S, dy[g0 + 2 * cout + co]).fma(w0, c2);
      c3 = FloatVector.broadcast(S, dy[g0 + 3 * cout + co]).fma(w0, c3);
    }
    // Each vector also covers the previous pixels (plus 0): descending, so they are rewritten
    // after.
    c3.intoArray(dx, xb + 3 * xstep);
    c2.intoArray(dx, xb + 2 * xstep);
    c1.intoArray(dx, xb + xstep);
    c0.intoArray(dx, xb);
  }

  /** {@link #forward4} for one pixel. */
  private static void forward1(
      int cout, int cin, float[] wt, int tap, float[] dy, int g0, float[] dx, int x0, int coF) {
    FloatVector m = FloatVector.fromArray(S, ONE_ZERO, L - cin);
    int xb = x0;
    FloatVector c0 = FloatVector.fromArray(S, dx, xb);
    for (int co = 0; co < coF; co++) {
      FloatVector w0 = FloatVector.fromArray(S, wt, tap + co * cin).mul(m);
      c0 = FloatVector.broadcast(S, dy[g0 + co]).fma(w0, c0);
    }
    c0.intoArray(dx, xb);
  }

  /** {@link #forward1} storing the first {@code cin} lanes: the vector passes the row. */
  private static void forward1Lanes(
      int cout, int cin, float[] wt, int tap, float[] dy, int g0, float[] dx, int x0, int coF) {
    FloatVector m = FloatVector.fromArray(S, ONE_ZERO, L - cin);
    int xb = x0;
    FloatVector c0 = FloatVector.fromArray(S, dx, xb);
    for (int co = 0; co < coF; co++) {
      FloatVector w0 = FloatVector.fromArray(S, wt, tap + co * cin).mul(m);
      c0 = FloatVector.broadcast(S, dy[g0 + co]).fma(w0, c0);
    }
    for (int k = 0; k < cin; k++) {
      dx[xb + k] = c0.lane(k);
    }
  }

  /** {@link #backward4} for one pixel. */
  private static void backward1(
      int cout, int cin, float[] wt, int tap, float[] dy, int g0, float[] dx, int x0, int coB) {
    FloatVector m = FloatVector.fromArray(S, ZERO_ONE, cin);
    int xb = x0 + cin - L;
    FloatVector c0 = FloatVector.fromArray(S, dx, xb);
    for (int co = coB; co < cout; co++) {
      FloatVector w0 = FloatVector.fromArray(S, wt, tap + (co + 1) * cin - L).mul(m);
      c0 = FloatVector.broadcast(S, dy[g0 + co]).fma(w0, c0);
    }
    c0.intoArray(dx, xb);
  }

  /** {@link #backward1} storing the last {@code cin} lanes: the vector starts before the row. */
  private static void backward1Lanes(
      int cout, int cin, float[] wt, int tap, float[] dy, int g0, float[] dx, int x0, int coB) {
    FloatVector m = FloatVector.fromArray(S, ZERO_ONE, cin);
    int xb = x0 + cin - L;
    FloatVector c0 = FloatVector.fromArray(S, dx, xb);
    for (int co = coB; co < cout; co++) {
      FloatVector w0 = FloatVector.fromArray(S, wt, tap + (co + 1) * cin - L).mul(m);
      c0 = FloatVector.broadcast(S, dy[g0 + co]).fma(w0, c0);
    }
    for (int k = L - cin; k < L; k++) {
      dx[xb + k] = c0.lane(k);
    }
  }

  /** One pixel, weight rows {@code [co0, co1)}, in scalar code. */
  private static void scalarRows(
      int cout,
      int cin,
      float[] wt,
      int tap,
      float[] dy,
      int g0,
      float[] dx,
      int x0,
      int co0,
      int co1) {
    for (int co = co0; co < co1; co++) {
      float gv = dy[g0 + co];
      int wr = tap + co * cin;
      for (int ci = 0; ci < cin; ci++) {
        dx[x0 + ci] += gv * wt[wr + ci];
      }
    }
  }

  /** Input channels {@code [ci0, ci1)}, all output channels, the tap's pixels from {@code p0}. */
  private static void scalarWeightGrad(
      ConvShape s,
      float[] x,
      int xo,
      float[] dy,
      int dyo,
      float[] dw,
      int tap,
      int kh,
      int kw,
      int ci0,
      int ci1,
      int p0) {
    int cout = s.cout();
    int clo = s.colLo(kw);
    int cols = s.colHi(kw) - clo;
    int oh0 = s.rowLo(kh);
    int count = Math.max(0, s.rowHi(kh) - oh0) * Math.max(0, cols);
    for (int p = p0; ci0 < ci1 && p < count; p++) {
      int oh = oh0 + p / cols;
      int ow = clo + p % cols;
      int xi = xIndex(s, xo, oh, ow, kh, kw);
      int g = dyo + (oh * s.ow() + ow) * cout;
      for (int ci = ci0; ci < ci1; ci++) {
        float xv = x[xi + ci];
        int at = tap + ci * cout;
        for (int co = 0; co < cout; co++) {
          dw[at + co] += xv * dy[g + co];
        }
      }
    }
  }

  private static int xIndex(ConvShape s, int xc, int oh, int ow, int kh, int kw) {
    int ih = oh * s.sh() - s.padTop() + kh * s.dh();
    int iw = ow * s.sw() - s.padLeft() + kw * s.dw();
    return xc + (ih * s.w() + iw) * s.cin();
  }
}

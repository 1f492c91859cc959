package dev.jconv.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ConvBackward} on {@code FloatVector} lanes. Input gradient: per tap and output row, tiles
 * of 4 output pixels x 3 input-channel vectors (12 accumulators) sum over the output channels with
 * the transposed kernel, then add into the 4 input pixels the tap reaches. Weight gradient: per
 * tap, 4 input channels x 3 output-channel vectors accumulate over every output pixel in registers
 * and are added to the kernel gradient once. Channels that do not fill 3 vectors run in masked
 * single-vector groups (4 pixels or 4 input channels each), never in scalar code. Loaded only when
 * {@link VectorSupport#enabled()}.
 */
final class VectorConvBackward {
  private static final VectorSpecies<Float> S = Lanes.SPECIES;
  private static final int L = S.length();

  private VectorConvBackward() {}

  static void inputGrad(
      ConvShape s, float[] wt, int wto, float[] dy, int dyo, float[] dx, int dxo) {
    int cin = s.cin();
    for (int kh = 0; kh < s.kh(); kh++) {
      for (int kw = 0; kw < s.kw(); kw++) {
        int tap = wto + (kh * s.kw() + kw) * cin * s.cout();
        for (int oh = s.rowLo(kh); oh < s.rowHi(kh); oh++) {
          int ih = oh * s.sh() - s.padTop() + kh * s.dh();
          int dyRow = dyo + oh * s.ow() * s.cout();
          int dxRow = dxo + ih * s.w() * cin;
          inputGradRow(s, wt, tap, dy, dyRow, dx, dxRow, kw);
        }
      }
    }
  }

  private static void inputGradRow(
      ConvShape s, float[] wt, int tap, float[] dy, int dyRow, float[] dx, int dxRow, int kw) {
    int cin = s.cin();
    int cout = s.cout();
    int xstep = s.sw() * cin;
    int lo = s.colLo(kw);
    int hi = s.colHi(kw);
    int c = 0;
    for (; c + 3 * L <= cin; c += 3 * L) {
      int ow = lo;
      for (; ow + 4 <= hi; ow += 4) {
        int x0 = dxRow + (ow * s.sw() - s.padLeft() + kw * s.dw()) * cin + c;
        in4x3(cout, cin, wt, tap + c, dy, dyRow + ow * cout, dx, x0, xstep);
      }
      for (; ow < hi; ow++) {
        int x0 = dxRow + (ow * s.sw() - s.padLeft() + kw * s.dw()) * cin + c;
        in1x3(cout, cin, wt, tap + c, dy, dyRow + ow * cout, dx, x0);
      }
    }
    for (; c < cin; c += L) {
      // The last group is masked: channel counts that do not fill a vector stay on vector code.
      VectorMask<Float> m = S.indexInRange(c, cin);
      int ow = lo;
      for (; ow + 4 <= hi; ow += 4) {
        int x0 = dxRow + (ow * s.sw() - s.padLeft() + kw * s.dw()) * cin + c;
        in4x1(cout, cin, wt, tap + c, dy, dyRow + ow * cout, dx, x0, xstep, m);
      }
      for (; ow < hi; ow++) {
        int x0 = dxRow + (ow * s.sw() - s.padLeft() + kw * s.dw()) * cin + c;
        in1x1(cout, cin, wt, tap + c, dy, dyRow + ow * cout, dx, x0, m);
      }
    }
  }

  private static void in4x3(
      int cout, int cin, float[] wt, int wc, float[] dy, int g0, float[] dx, int x0, int xstep) {
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = FloatVector.zero(S);
    FloatVector c02 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c11 = FloatVector.zero(S);
    FloatVector c12 = FloatVector.zero(S);
    FloatVector c20 = FloatVector.zero(S);
    FloatVector c21 = FloatVector.zero(S);
    FloatVector c22 = FloatVector.zero(S);
    FloatVector c30 = FloatVector.zero(S);
    FloatVector c31 = FloatVector.zero(S);
    FloatVector c32 = FloatVector.zero(S);
    for (int co = 0; co < cout; co++) {
      int wr = wc + co * cin;
      FloatVector w0 = FloatVector.fromArray(S, wt, wr);
      FloatVector w1 = FloatVector.fromArray(S, wt, wr + L);
      FloatVector w2 = FloatVector.fromArray(S, wt, wr + 2 * L);
      FloatVector a = FloatVector.broadcast(S, dy[g0 + co]);
      c00 = a.fma(w0, c00);
      c01 = a.fma(w1, c01);
      c02 = a.fma(w2, c02);
      a = FloatVector.broadcast(S, dy[g0 + cout + co]);
      c10 = a.fma(w0, c10);
      c11 = a.fma(w1, c11);
      c12 = a.fma(w2, c12);
      a = FloatVector.broadcast(S, dy[g0 + 2 * cout + co]);
      c20 = a.fma(w0, c20);
      c21 = a.fma(w1, c21);
      c22 = a.fma(w2, c22);
      a = FloatVector.broadcast(S, dy[g0 + 3 * cout + co]);
      c30 = a.fma(w0, c30);
      c31 = a.fma(w1, c31);
      c32 = a.fma(w2, c32);
    }
    add3(dx, x0, c00, c01, c02);
    add3(dx, x0 + xstep, c10, c11, c12);
    add3(dx, x0 + 2 * xstep, c20, c21, c22);
    add3(dx, x0 + 3 * xstep, c30, c31, c32);
  }

  private static void in1x3(
      int cout, int cin, float[] wt, int wc, float[] dy, int g0, float[] dx, int x0) {
    FloatVector c0 = FloatVector.zero(S);
    FloatVector c1 = FloatVector.zero(S);
    FloatVector c2 = FloatVector.zero(S);
    for (int co = 0; co < cout; co++) {
      int wr = wc + co * cin;
      FloatVector a = FloatVector.broadcast(S, dy[g0 + co]);
      c0 = a.fma(FloatVector.fromArray(S, wt, wr), c0);
      c1 = a.fma(FloatVector.fromArray(S, wt, wr + L), c1);
      c2 = a.fma(FloatVector.fromArray(S, wt, wr + 2 * L), c2);
    }
    add3(dx, x0, c0, c1, c2);
  }

  private static void in4x1(
      int cout,
      int cin,
      float[] wt,
      int wc,
      float[] dy,
      int g0,
      float[] dx,
      int x0,
      int xstep,
      VectorMask<Float> m) {
    FloatVector c0 = FloatVector.zero(S);
    FloatVector c1 = FloatVector.zero(S);
    FloatVector c2 = FloatVector.zero(S);
    FloatVector c3 = FloatVector.zero(S);
    for (int co = 0; co < cout; co++) {
      FloatVector w0 = FloatVector.fromArray(S, wt, wc + co * cin, m);
      c0 = FloatVector.broadcast(S, dy[g0 + co]).fma(w0, c0);
      c1 = FloatVector.broadcast(S, dy[g0 + cout + co]).fma(w0, c1);
      c2 = FloatVector.broadcast(S, dy[g0 + 2 * cout + co]).fma(w0, c2);
      c3 = FloatVector.broadcast(S, dy[g0 + 3 * cout + co]).fma(w0, c3);
    }
    addMasked(dx, x0, c0, m);
    addMasked(dx, x0 + xstep, c1, m);
    addMasked(dx, x0 + 2 * xstep, c2, m);
    addMasked(dx, x0 + 3 * xstep, c3, m);
  }

  private static void in1x1(
      int cout,
      int cin,
      float[] wt,
      int wc,
      float[] dy,
      int g0,
      float[] dx,
      int x0,
      VectorMask<Float> m) {
    FloatVector c0 = FloatVector.zero(S);
    FloatVector c1 = FloatVector.zero(S);
    int co = 0;
    for (; co + 2 <= cout; co += 2) {
      int wr = wc + co * cin;
      c0 = FloatVector.broadcast(S, dy[g0 + co]).fma(FloatVector.fromArray(S, wt, wr, m), c0);
      c1 =
          FloatVector.broadcast(S, dy[g0 + co + 1])
              .fma(FloatVector.fromArray(S, wt, wr + cin, m), c1);
    }
    if (co < cout) {
      c0 =
          FloatVector.broadcast(S, dy[g0 + co])
              .fma(FloatVector.fromArray(S, wt, wc + co * cin, m), c0);
    }
    addMasked(dx, x0, c0.add(c1), m);
  }

  private static void addMasked(float[] a, int i, FloatVector v, VectorMask<Float> m) {
    FloatVector.fromArray(S, a, i, m).add(v).intoArray(a, i, m);
  }

  private static void add3(float[] a, int i, FloatVector v0, FloatVector v1, FloatVector v2) {
    FloatVector.fromArray(S, a, i).add(v0).intoArray(a, i);
    FloatVector.fromArray(S, a, i + L).add(v1).intoArray(a, i + L);
    FloatVector.fromArray(S, a, i + 2 * L).add(v2).intoArray(a, i + 2 * L);
  }

  static void weightGrad(ConvShape s, float[] x, int xo, float[] dy, int dyo, float[] dw, int dwo) {
    int cin = s.cin();
    int cout = s.cout();
    for (int kh = 0; kh < s.kh(); kh++) {
      for (int kw = 0; kw < s.kw(); kw++) {
        int tap = dwo + (kh * s.kw() + kw) * cin * cout;
        int co = 0;
        for (; co + 3 * L <= cout; co += 3 * L) {
          int ci = 0;
          for (; ci + 4 <= cin; ci += 4) {
            grad4x3(s, x, xo + ci, dy, dyo + co, dw, tap + ci * cout + co, kh, kw);
          }
          for (; ci < cin; ci++) {
            grad1x3(s, x, xo + ci, dy, dyo + co, dw, tap + ci * cout + co, kh, kw);
          }
        }
        for (; co < cout; co += L) {
          VectorMask<Float> m = S.indexInRange(co, cout);
          int ci = 0;
          for (; ci + 4 <= cin; ci += 4) {
            grad4x1(s, x, xo + ci, dy, dyo + co, dw, tap + ci * cout + co, kh, kw, m);
          }
          for (; ci < cin; ci++) {
            grad1x1(s, x, xo + ci, dy, dyo + co, dw, tap + ci * cout + co, kh, kw, m);
          }
        }
      }
    }
  }

  private static void grad4x3(
      ConvShape s, float[] x, int xc, float[] dy, int gc, float[] dw, int at, int kh, int kw) {
    int cin = s.cin();
    int cout = s.cout();
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = FloatVector.zero(S);
    FloatVector c02 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c11 = FloatVector.zero(S);
    FloatVector c12 = FloatVector.zero(S);
    FloatVector c20 = FloatVector.zero(S);
    FloatVector c21 = FloatVector.zero(S);
    FloatVector c22 = FloatVector.zero(S);
    FloatVector c30 = FloatVector.zero(S);
    FloatVector c31 = FloatVector.zero(S);
    FloatVector c32 = FloatVector.zero(S);
    int clo = s.colLo(kw);
    int chi = s.colHi(kw);
    int xstep = s.sw() * cin;
    int cols = chi - clo;
    int oh = s.rowLo(kh);
    int count = Math.max(0, s.rowHi(kh) - oh) * Math.max(0, cols);
    int xi = xIndex(s, xc, oh, clo, kh, kw);
    int g = gc + (oh * s.ow() + clo) * cout;
    // One flat loop over the tap's pixels: vector accumulators carried through nested loops with
    // variable trip counts are boxed by JDK 17's C2.
    for (int p = 0, ow = 0; p < count; p++) {
      FloatVector g0 = FloatVector.fromArray(S, dy, g);
      FloatVector g1 = FloatVector.fromArray(S, dy, g + L);
      FloatVector g2 = FloatVector.fromArray(S, dy, g + 2 * L);
      FloatVector a = FloatVector.broadcast(S, x[xi]);
      c00 = a.fma(g0, c00);
      c01 = a.fma(g1, c01);
      c02 = a.fma(g2, c02);
      a = FloatVector.broadcast(S, x[xi + 1]);
      c10 = a.fma(g0, c10);
      c11 = a.fma(g1, c11);
      c12 = a.fma(g2, c12);
      a = FloatVector.broadcast(S, x[xi + 2]);
      c20 = a.fma(g0, c20);
      c21 = a.fma(g1, c21);
      c22 = a.fma(g2, c22);
      a = FloatVector.broadcast(S, x[xi + 3]);
      c30 = a.fma(g0, c30);
      c31 = a.fma(g1, c31);
      c32 = a.fma(g2, c32);
      xi += xstep;
      g += cout;
      if (++ow == cols) {
        ow = 0;
        oh++;
        xi = xIndex(s, xc, oh, clo, kh, kw);
        g = gc + (oh * s.ow() + clo) * cout;
      }
    }
    add3(dw, at, c00, c01, c02);
    add3(dw, at + cout, c10, c11, c12);
    add3(dw, at + 2 * cout, c20, c21, c22);
    add3(dw, at + 3 * cout, c30, c31, c32);
  }

  private static void grad1x3(
      ConvShape s, float[] x, int xc, float[] dy, int gc, float[] dw, int at, int kh, int kw) {
    int cin = s.cin();
    int cout = s.cout();
    FloatVector c0 = FloatVector.zero(S);
    FloatVector c1 = FloatVector.zero(S);
    FloatVector c2 = FloatVector.zero(S);
    int clo = s.colLo(kw);
    int chi = s.colHi(kw);
    int xstep = s.sw() * cin;
    int cols = chi - clo;
    int oh = s.rowLo(kh);
    int count = Math.max(0, s.rowHi(kh) - oh) * Math.max(0, cols);
    int xi = xIndex(s, xc, oh, clo, kh, kw);
    int g = gc + (oh * s.ow() + clo) * cout;
    // One flat loop over the tap's pixels: vector accumulators carried through nested loops with
    // variable trip counts are boxed by JDK 17's C2.
    for (int p = 0, ow = 0; p < count; p++) {
      FloatVector a = FloatVector.broadcast(S, x[xi]);
      c0 = a.fma(FloatVector.fromArray(S, dy, g), c0);
      c1 = a.fma(FloatVector.fromArray(S, dy, g + L), c1);
      c2 = a.fma(FloatVector.fromArray(S, dy, g + 2 * L), c2);
      xi += xstep;
      g += cout;
      if (++ow == cols) {
        ow = 0;
        oh++;
        xi = xIndex(s, xc, oh, clo, kh, kw);
        g = gc + (oh * s.ow() + clo) * cout;
      }
    }
    add3(dw, at, c0, c1, c2);
  }

  private static void grad4x1(
      ConvShape s,
      float[] x,
      int xc,
      float[] dy,
      int gc,
      float[] dw,
      int at,
      int kh,
      int kw,
      VectorMask<Float> m) {
    int cin = s.cin();
    int cout = s.cout();
    FloatVector c0 = FloatVector.zero(S);
    FloatVector c1 = FloatVector.zero(S);
    FloatVector c2 = FloatVector.zero(S);
    FloatVector c3 = FloatVector.zero(S);
    int clo = s.colLo(kw);
    int chi = s.colHi(kw);
    int xstep = s.sw() * cin;
    int cols = chi - clo;
    int oh = s.rowLo(kh);
    int count = Math.max(0, s.rowHi(kh) - oh) * Math.max(0, cols);
    int xi = xIndex(s, xc, oh, clo, kh, kw);
    int g = gc + (oh * s.ow() + clo) * cout;
    // One flat loop over the tap's pixels: vector accumulators carried through nested loops with
    // variable trip counts are boxed by JDK 17's C2.
    for (int p = 0, ow = 0; p < count; p++) {
      FloatVector g0 = FloatVector.fromArray(S, dy, g, m);
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
    addMasked(dw, at, c0, m);
    addMasked(dw, at + cout, c1, m);
    addMasked(dw, at + 2 * cout, c2, m);
    addMasked(dw, at + 3 * cout, c3, m);
  }

  private static void grad1x1(
      ConvShape s,
      float[] x,
      int xc,
      float[] dy,
      int gc,
      float[] dw,
      int at,
      int kh,
      int kw,
      VectorMask<Float> m) {
    int cin = s.cin();
    int cout = s.cout();
    FloatVector c0 = FloatVector.zero(S);
    int clo = s.colLo(kw);
    int chi = s.colHi(kw);
    int xstep = s.sw() * cin;
    int cols = chi - clo;
    int oh = s.rowLo(kh);
    int count = Math.max(0, s.rowHi(kh) - oh) * Math.max(0, cols);
    int xi = xIndex(s, xc, oh, clo, kh, kw);
    int g = gc + (oh * s.ow() + clo) * cout;
    // One flat loop over the tap's pixels: vector accumulators carried through nested loops with
    // variable trip counts are boxed by JDK 17's C2.
    for (int p = 0, ow = 0; p < count; p++) {
      c0 = FloatVector.broadcast(S, x[xi]).fma(FloatVector.fromArray(S, dy, g, m), c0);
      xi += xstep;
      g += cout;
      if (++ow == cols) {
        ow = 0;
        oh++;
        xi = xIndex(s, xc, oh, clo, kh, kw);
        g = gc + (oh * s.ow() + clo) * cout;
      }
    }
    addMasked(dw, at, c0, m);
  }

  /**
   * Index of input channel offset {@code xc} at the pixel tap (kh, kw) of output (oh, ow) reads.
   */
  private static int xIndex(ConvShape s, int xc, int oh, int ow, int kh, int kw) {
    int ih = oh * s.sh() - s.padTop() + kh * s.dh();
    int iw = ow * s.sw() - s.padLeft() + kw * s.dw();
    return xc + (ih * s.w() + iw) * s.cin();
  }
}

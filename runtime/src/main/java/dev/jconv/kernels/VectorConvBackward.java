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
      int ow = lo;
      boolean full = c + L <= cin;
      for (; ow + 4 <= hi; ow += 4) {
        int x0 = dxRow + (ow * s.sw() - s.padLeft() + kw * s.dw()) * cin + c;
        if (full) {
          in4x1Full(cout, cin, wt, tap + c, dy, dyRow + ow * cout, dx, x0, xstep);
        } else {
          in4x1(cout, cin, wt, tap + c, dy, dyRow + ow * cout, dx, x0, xstep, c);
        }
      }
      for (; ow < hi; ow++) {
        int x0 = dxRow + (ow * s.sw() - s.padLeft() + kw * s.dw()) * cin + c;
        in1x1(cout, cin, wt, tap + c, dy, dyRow + ow * cout, dx, x0, c);
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
    FloatVector.fromArray(S, dx, x0).add(c00).intoArray(dx, x0);
    FloatVector.fromArray(S, dx, x0 + L).add(c01).intoArray(dx, x0 + L);
    FloatVector.fromArray(S, dx, x0 + 2 * L).add(c02).intoArray(dx, x0 + 2 * L);
    FloatVector.fromArray(S, dx, x0 + xstep).add(c10).intoArray(dx, x0 + xstep);
    FloatVector.fromArray(S, dx, x0 + xstep + L).add(c11).intoArray(dx, x0 + xstep + L);
    FloatVector.fromArray(S, dx, x0 + xstep + 2 * L).add(c12).intoArray(dx, x0 + xstep + 2 * L);
    FloatVector.fromArray(S, dx, x0 + 2 * xstep).add(c20).intoArray(dx, x0 + 2 * xstep);
    FloatVector.fromArray(S, dx, x0 + 2 * xstep + L).add(c21).intoArray(dx, x0 + 2 * xstep + L);
    FloatVector.fromArray(S, dx, x0 + 2 * xstep + 2 * L)
        .add(c22)
        .intoArray(dx, x0 + 2 * xstep + 2 * L);
    FloatVector.fromArray(S, dx, x0 + 3 * xstep).add(c30).intoArray(dx, x0 + 3 * xstep);
    FloatVector.fromArray(S, dx, x0 + 3 * xstep + L).add(c31).intoArray(dx, x0 + 3 * xstep + L);
    FloatVector.fromArray(S, dx, x0 + 3 * xstep + 2 * L)
        .add(c32)
        .intoArray(dx, x0 + 3 * xstep + 2 * L);
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
    FloatVector.fromArray(S, dx, x0).add(c0).intoArray(dx, x0);
    FloatVector.fromArray(S, dx, x0 + L).add(c1).intoArray(dx, x0 + L);
    FloatVector.fromArray(S, dx, x0 + 2 * L).add(c2).intoArray(dx, x0 + 2 * L);
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
      int mc) {
    // The mask is made here, not passed in: a mask crossing a call that is not inlined is boxed.
    VectorMask<Float> m = S.indexInRange(mc, cin);
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
    FloatVector.fromArray(S, dx, x0, m).add(c0).intoArray(dx, x0, m);
    FloatVector.fromArray(S, dx, x0 + xstep, m).add(c1).intoArray(dx, x0 + xstep, m);
    FloatVector.fromArray(S, dx, x0 + 2 * xstep, m).add(c2).intoArray(dx, x0 + 2 * xstep, m);
    FloatVector.fromArray(S, dx, x0 + 3 * xstep, m).add(c3).intoArray(dx, x0 + 3 * xstep, m);
  }

  /**
   * {@link #in4x1} for a group of channels that fills the vector: no mask, whose loads and stores
   * are bigger in C2's graph and, when an inlining budget runs out, fall back to boxed Java code.
   */
  private static void in4x1Full(
      int cout, int cin, float[] wt, int wc, float[] dy, int g0, float[] dx, int x0, int xstep) {
    FloatVector c0 = FloatVector.zero(S);
    FloatVector c1 = FloatVector.zero(S);
    FloatVector c2 = FloatVector.zero(S);
    FloatVector c3 = FloatVector.zero(S);
    for (int co = 0; co < cout; co++) {
      FloatVector w0 = FloatVector.fromArray(S, wt, wc + co * cin);
      c0 = FloatVector.broadcast(S, dy[g0 + co]).fma(w0, c0);
      c1 = FloatVector.broadcast(S, dy[g0 + cout + co]).fma(w0, c1);
      c2 = FloatVector.broadcast(S, dy[g0 + 2 * cout + co]).fma(w0, c2);
      c3 = FloatVector.broadcast(S, dy[g0 + 3 * cout + co]).fma(w0, c3);
    }
    FloatVector.fromArray(S, dx, x0).add(c0).intoArray(dx, x0);
    FloatVector.fromArray(S, dx, x0 + xstep).add(c1).intoArray(dx, x0 + xstep);
    FloatVector.fromArray(S, dx, x0 + 2 * xstep).add(c2).intoArray(dx, x0 + 2 * xstep);
    FloatVector.fromArray(S, dx, x0 + 3 * xstep).add(c3).intoArray(dx, x0 + 3 * xstep);
  }

  private static void in1x1(
      int cout, int cin, float[] wt, int wc, float[] dy, int g0, float[] dx, int x0, int mc) {
    // The mask is made here, not passed in: a mask crossing a call that is not inlined is boxed.
    VectorMask<Float> m = S.indexInRange(mc, cin);
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
    FloatVector.fromArray(S, dx, x0, m).add(c0.add(c1)).intoArray(dx, x0, m);
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
          int ci = 0;
          for (; ci + 4 <= cin; ci += 4) {
            if (co + L <= cout) {
              grad4x1Full(s, x, xo + ci, dy, dyo + co, dw, tap + ci * cout + co, kh, kw);
            } else {
              grad4x1(s, x, xo + ci, dy, dyo + co, dw, tap + ci * cout + co, kh, kw, co);
            }
          }
          for (; ci < cin; ci++) {
            grad1x1(s, x, xo + ci, dy, dyo + co, dw, tap + ci * cout + co, kh, kw, co);
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
    FloatVector.fromArray(S, dw, at).add(c00).intoArray(dw, at);
    FloatVector.fromArray(S, dw, at + L).add(c01).intoArray(dw, at + L);
    FloatVector.fromArray(S, dw, at + 2 * L).add(c02).intoArray(dw, at + 2 * L);
    FloatVector.fromArray(S, dw, at + cout).add(c10).intoArray(dw, at + cout);
    FloatVector.fromArray(S, dw, at + cout + L).add(c11).intoArray(dw, at + cout + L);
    FloatVector.fromArray(S, dw, at + cout + 2 * L).add(c12).intoArray(dw, at + cout + 2 * L);
    FloatVector.fromArray(S, dw, at + 2 * cout).add(c20).intoArray(dw, at + 2 * cout);
    FloatVector.fromArray(S, dw, at + 2 * cout + L).add(c21).intoArray(dw, at + 2 * cout + L);
    FloatVector.fromArray(S, dw, at + 2 * cout + 2 * L)
        .add(c22)
        .intoArray(dw, at + 2 * cout + 2 * L);
    FloatVector.fromArray(S, dw, at + 3 * cout).add(c30).intoArray(dw, at + 3 * cout);
    FloatVector.fromArray(S, dw, at + 3 * cout + L).add(c31).intoArray(dw, at + 3 * cout + L);
    FloatVector.fromArray(S, dw, at + 3 * cout + 2 * L)
        .add(c32)
        .intoArray(dw, at + 3 * cout + 2 * L);
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
    FloatVector.fromArray(S, dw, at).add(c0).intoArray(dw, at);
    FloatVector.fromArray(S, dw, at + L).add(c1).intoArray(dw, at + L);
    FloatVector.fromArray(S, dw, at + 2 * L).add(c2).intoArray(dw, at + 2 * L);
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
      int mc) {
    // The mask is made here, not passed in: a mask crossing a call that is not inlined is boxed.
    VectorMask<Float> m = S.indexInRange(mc, s.cout());
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
    FloatVector.fromArray(S, dw, at, m).add(c0).intoArray(dw, at, m);
    FloatVector.fromArray(S, dw, at + cout, m).add(c1).intoArray(dw, at + cout, m);
    FloatVector.fromArray(S, dw, at + 2 * cout, m).add(c2).intoArray(dw, at + 2 * cout, m);
    FloatVector.fromArray(S, dw, at + 3 * cout, m).add(c3).intoArray(dw, at + 3 * cout, m);
  }

  /**
   * {@link #grad4x1} for output channels that fill the vector: no mask (see {@link #in4x1Full}).
   */
  private static void grad4x1Full(
      ConvShape s, float[] x, int xc, float[] dy, int gc, float[] dw, int at, int kh, int kw) {
    int cin = s.cin();
    int cout = s.cout();
    FloatVector c0 = FloatVector.zero(S);
    FloatVector c1 = FloatVector.zero(S);
    FloatVector c2 = FloatVector.zero(S);
    FloatVector c3 = FloatVector.zero(S);
    int clo = s.colLo(kw);
    int xstep = s.sw() * cin;
    int cols = s.colHi(kw) - clo;
    int oh = s.rowLo(kh);
    int count = Math.max(0, s.rowHi(kh) - oh) * Math.max(0, cols);
    int xi = xIndex(s, xc, oh, clo, kh, kw);
    int g = gc + (oh * s.ow() + clo) * cout;
    for (int p = 0, ow = 0; p < count; p++) {
      FloatVector g0 = FloatVector.fromArray(S, dy, g);
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
    FloatVector.fromArray(S, dw, at).add(c0).intoArray(dw, at);
    FloatVector.fromArray(S, dw, at + cout).add(c1).intoArray(dw, at + cout);
    FloatVector.fromArray(S, dw, at + 2 * cout).add(c2).intoArray(dw, at + 2 * cout);
    FloatVector.fromArray(S, dw, at + 3 * cout).add(c3).intoArray(dw, at + 3 * cout);
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
      int mc) {
    // The mask is made here, not passed in: a mask crossing a call that is not inlined is boxed.
    VectorMask<Float> m = S.indexInRange(mc, s.cout());
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
    FloatVector.fromArray(S, dw, at, m).add(c0).intoArray(dw, at, m);
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

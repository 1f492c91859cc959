package dev.jconv.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ConvBackward} on {@code FloatVector} lanes. Input gradient: per tap and output row, tiles
 * of 4 output pixels x 4, 3 or 2 input-channel vectors sum over the output channels with the
 * transposed kernel into the 4 input pixels the tap reaches; a row tail of 3 pixels (the edge taps
 * of a SAME layer on a width divisible by 4) runs as one 3-pixel tile. Weight gradient: per tap, 4
 * input channels x 4, 3 or 2 output-channel vectors accumulate over every output pixel in
 * registers. Channels that do not fill 2 vectors run in single-vector groups (8 pixels or 8
 * channels per tile, 8 FMA chains); the last channels that do not fill a vector run in {@link
 * VectorConvTails}, on whole vectors without masks (masked vector code fell to the Vector API's
 * boxed fallback in a JVM that had run other networks). Loaded only when {@link
 * VectorSupport#enabled()}.
 *
 * <p>The accumulators start from the gradient they add to (one load, one store each) rather than
 * from zero (a zero, a load, an add and a store): with 16 accumulators the longer form made C2's
 * graph pass its inlining cutoff on JDK 17, the last stores were inlined late without exact vector
 * types, failed to intrinsify ("missing constant: vclass=DecodeN") and boxed every vector (about
 * 200 MB per ResNet-20 training step, some JVM runs and not others).
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
    for (; c + 4 * L <= cin; c += 4 * L) {
      int ow = lo;
      for (; ow + 4 <= hi; ow += 4) {
        int x0 = dxRow + (ow * s.sw() - s.padLeft() + kw * s.dw()) * cin + c;
        in4x4(cout, cin, wt, tap + c, dy, dyRow + ow * cout, dx, x0, xstep);
      }
      if (hi - ow == 3) {
        int x0 = dxRow + (ow * s.sw() - s.padLeft() + kw * s.dw()) * cin + c;
        int g = dyRow + ow * cout;
        in3x2(cout, cin, wt, tap + c, dy, g, dx, x0, xstep);
        in3x2(cout, cin, wt, tap + c + 2 * L, dy, g, dx, x0 + 2 * L, xstep);
        ow += 3;
      }
      for (; ow < hi; ow++) {
        int x0 = dxRow + (ow * s.sw() - s.padLeft() + kw * s.dw()) * cin + c;
        in1x4(cout, cin, wt, tap + c, dy, dyRow + ow * cout, dx, x0);
      }
    }
    for (; c + 3 * L <= cin; c += 3 * L) {
      int ow = lo;
      for (; ow + 4 <= hi; ow += 4) {
        int x0 = dxRow + (ow * s.sw() - s.padLeft() + kw * s.dw()) * cin + c;
        in4x3(cout, cin, wt, tap + c, dy, dyRow + ow * cout, dx, x0, xstep);
      }
      if (hi - ow == 3) {
        int x0 = dxRow + (ow * s.sw() - s.padLeft() + kw * s.dw()) * cin + c;
        int g = dyRow + ow * cout;
        in3x2(cout, cin, wt, tap + c, dy, g, dx, x0, xstep);
        in3x1Full(cout, cin, wt, tap + c + 2 * L, dy, g, dx, x0 + 2 * L, xstep);
        ow += 3;
      }
      for (; ow < hi; ow++) {
        int x0 = dxRow + (ow * s.sw() - s.padLeft() + kw * s.dw()) * cin + c;
        in1x3(cout, cin, wt, tap + c, dy, dyRow + ow * cout, dx, x0);
      }
    }
    if (c + 2 * L <= cin) {
      // Two vectors left (16 channels at 8 lanes): 8 pixels x 2 vectors, then 4 x 2.
      int ow = lo;
      for (; ow + 8 <= hi; ow += 8) {
        int x0 = dxRow + (ow * s.sw() - s.padLeft() + kw * s.dw()) * cin + c;
        in8x2(cout, cin, wt, tap + c, dy, dyRow + ow * cout, dx, x0, xstep);
      }
      for (; ow + 4 <= hi; ow += 4) {
        int x0 = dxRow + (ow * s.sw() - s.padLeft() + kw * s.dw()) * cin + c;
        in4x2(cout, cin, wt, tap + c, dy, dyRow + ow * cout, dx, x0, xstep);
      }
      if (hi - ow == 3) {
        int x0 = dxRow + (ow * s.sw() - s.padLeft() + kw * s.dw()) * cin + c;
        int g = dyRow + ow * cout;
        in3x2(cout, cin, wt, tap + c, dy, g, dx, x0, xstep);
        ow += 3;
      }
      for (; ow < hi; ow++) {
        int x0 = dxRow + (ow * s.sw() - s.padLeft() + kw * s.dw()) * cin + c;
        in1x2(cout, cin, wt, tap + c, dy, dyRow + ow * cout, dx, x0);
      }
      c += 2 * L;
    }
    for (; c + L <= cin; c += L) {
      int ow = lo;
      // One vector of channels (16 channels at 16 lanes): 8 pixels, 8 independent FMA chains.
      for (; ow + 8 <= hi; ow += 8) {
        int x0 = dxRow + (ow * s.sw() - s.padLeft() + kw * s.dw()) * cin + c;
        in8x1Full(cout, cin, wt, tap + c, dy, dyRow + ow * cout, dx, x0, xstep);
      }
      for (; ow + 4 <= hi; ow += 4) {
        int x0 = dxRow + (ow * s.sw() - s.padLeft() + kw * s.dw()) * cin + c;
        in4x1Full(cout, cin, wt, tap + c, dy, dyRow + ow * cout, dx, x0, xstep);
      }
      if (hi - ow == 3) {
        int x0 = dxRow + (ow * s.sw() - s.padLeft() + kw * s.dw()) * cin + c;
        int g = dyRow + ow * cout;
        in3x1Full(cout, cin, wt, tap + c, dy, g, dx, x0, xstep);
        ow += 3;
      }
      for (; ow < hi; ow++) {
        int x0 = dxRow + (ow * s.sw() - s.padLeft() + kw * s.dw()) * cin + c;
        in1x1Full(cout, cin, wt, tap + c, dy, dyRow + ow * cout, dx, x0);
      }
    }
    // The channels that do not fill a vector: on lanes without masks (masked vector code here fell
    // to the Vector API's boxed Java fallback once other networks had run in the same JVM).
    VectorConvTails.inputGrad(s, wt, tap, dy, dyRow, dx, dxRow, kw, c);
  }

  private static void in4x3(
      int cout, int cin, float[] wt, int wc, float[] dy, int g0, float[] dx, int x0, int xstep) {
    FloatVector c00 = FloatVector.fromArray(S, dx, x0);
    FloatVector c01 = FloatVector.fromArray(S, dx, x0 + L);
    FloatVector c02 = FloatVector.fromArray(S, dx, x0 + 2 * L);
    FloatVector c10 = FloatVector.fromArray(S, dx, x0 + xstep);
    FloatVector c11 = FloatVector.fromArray(S, dx, x0 + xstep + L);
    FloatVector c12 = FloatVector.fromArray(S, dx, x0 + xstep + 2 * L);
    FloatVector c20 = FloatVector.fromArray(S, dx, x0 + 2 * xstep);
    FloatVector c21 = FloatVector.fromArray(S, dx, x0 + 2 * xstep + L);
    FloatVector c22 = FloatVector.fromArray(S, dx, x0 + 2 * xstep + 2 * L);
    FloatVector c30 = FloatVector.fromArray(S, dx, x0 + 3 * xstep);
    FloatVector c31 = FloatVector.fromArray(S, dx, x0 + 3 * xstep + L);
    FloatVector c32 = FloatVector.fromArray(S, dx, x0 + 3 * xstep + 2 * L);
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
    c00.intoArray(dx, x0);
    c01.intoArray(dx, x0 + L);
    c02.intoArray(dx, x0 + 2 * L);
    c10.intoArray(dx, x0 + xstep);
    c11.intoArray(dx, x0 + xstep + L);
    c12.intoArray(dx, x0 + xstep + 2 * L);
    c20.intoArray(dx, x0 + 2 * xstep);
    c21.intoArray(dx, x0 + 2 * xstep + L);
    c22.intoArray(dx, x0 + 2 * xstep + 2 * L);
    c30.intoArray(dx, x0 + 3 * xstep);
    c31.intoArray(dx, x0 + 3 * xstep + L);
    c32.intoArray(dx, x0 + 3 * xstep + 2 * L);
  }

  private static void in1x3(
      int cout, int cin, float[] wt, int wc, float[] dy, int g0, float[] dx, int x0) {
    FloatVector c0 = FloatVector.fromArray(S, dx, x0);
    FloatVector c1 = FloatVector.fromArray(S, dx, x0 + L);
    FloatVector c2 = FloatVector.fromArray(S, dx, x0 + 2 * L);
    for (int co = 0; co < cout; co++) {
      int wr = wc + co * cin;
      FloatVector a = FloatVector.broadcast(S, dy[g0 + co]);
      c0 = a.fma(FloatVector.fromArray(S, wt, wr), c0);
      c1 = a.fma(FloatVector.fromArray(S, wt, wr + L), c1);
      c2 = a.fma(FloatVector.fromArray(S, wt, wr + 2 * L), c2);
    }
    c0.intoArray(dx, x0);
    c1.intoArray(dx, x0 + L);
    c2.intoArray(dx, x0 + 2 * L);
  }

  /** dx of 4 output pixels for 4 vectors of input channels, summed over the output channels. */
  private static void in4x4(
      int cout, int cin, float[] wt, int wc, float[] dy, int g0, float[] dx, int x0, int xstep) {
    FloatVector c00 = FloatVector.fromArray(S, dx, x0);
    FloatVector c01 = FloatVector.fromArray(S, dx, x0 + L);
    FloatVector c02 = FloatVector.fromArray(S, dx, x0 + 2 * L);
    FloatVector c03 = FloatVector.fromArray(S, dx, x0 + 3 * L);
    FloatVector c10 = FloatVector.fromArray(S, dx, x0 + xstep);
    FloatVector c11 = FloatVector.fromArray(S, dx, x0 + xstep + L);
    FloatVector c12 = FloatVector.fromArray(S, dx, x0 + xstep + 2 * L);
    FloatVector c13 = FloatVector.fromArray(S, dx, x0 + xstep + 3 * L);
    FloatVector c20 = FloatVector.fromArray(S, dx, x0 + 2 * xstep);
    FloatVector c21 = FloatVector.fromArray(S, dx, x0 + 2 * xstep + L);
    FloatVector c22 = FloatVector.fromArray(S, dx, x0 + 2 * xstep + 2 * L);
    FloatVector c23 = FloatVector.fromArray(S, dx, x0 + 2 * xstep + 3 * L);
    FloatVector c30 = FloatVector.fromArray(S, dx, x0 + 3 * xstep);
    FloatVector c31 = FloatVector.fromArray(S, dx, x0 + 3 * xstep + L);
    FloatVector c32 = FloatVector.fromArray(S, dx, x0 + 3 * xstep + 2 * L);
    FloatVector c33 = FloatVector.fromArray(S, dx, x0 + 3 * xstep + 3 * L);
    for (int co = 0; co < cout; co++) {
      int wr = wc + co * cin;
      FloatVector w0 = FloatVector.fromArray(S, wt, wr);
      FloatVector w1 = FloatVector.fromArray(S, wt, wr + L);
      FloatVector w2 = FloatVector.fromArray(S, wt, wr + 2 * L);
      FloatVector w3 = FloatVector.fromArray(S, wt, wr + 3 * L);
      FloatVector a = FloatVector.broadcast(S, dy[g0 + co]);
      c00 = a.fma(w0, c00);
      c01 = a.fma(w1, c01);
      c02 = a.fma(w2, c02);
      c03 = a.fma(w3, c03);
      a = FloatVector.broadcast(S, dy[g0 + cout + co]);
      c10 = a.fma(w0, c10);
      c11 = a.fma(w1, c11);
      c12 = a.fma(w2, c12);
      c13 = a.fma(w3, c13);
      a = FloatVector.broadcast(S, dy[g0 + 2 * cout + co]);
      c20 = a.fma(w0, c20);
      c21 = a.fma(w1, c21);
      c22 = a.fma(w2, c22);
      c23 = a.fma(w3, c23);
      a = FloatVector.broadcast(S, dy[g0 + 3 * cout + co]);
      c30 = a.fma(w0, c30);
      c31 = a.fma(w1, c31);
      c32 = a.fma(w2, c32);
      c33 = a.fma(w3, c33);
    }
    c00.intoArray(dx, x0);
    c01.intoArray(dx, x0 + L);
    c02.intoArray(dx, x0 + 2 * L);
    c03.intoArray(dx, x0 + 3 * L);
    c10.intoArray(dx, x0 + xstep);
    c11.intoArray(dx, x0 + xstep + L);
    c12.intoArray(dx, x0 + xstep + 2 * L);
    c13.intoArray(dx, x0 + xstep + 3 * L);
    c20.intoArray(dx, x0 + 2 * xstep);
    c21.intoArray(dx, x0 + 2 * xstep + L);
    c22.intoArray(dx, x0 + 2 * xstep + 2 * L);
    c23.intoArray(dx, x0 + 2 * xstep + 3 * L);
    c30.intoArray(dx, x0 + 3 * xstep);
    c31.intoArray(dx, x0 + 3 * xstep + L);
    c32.intoArray(dx, x0 + 3 * xstep + 2 * L);
    c33.intoArray(dx, x0 + 3 * xstep + 3 * L);
  }

  /** {@link #in4x4} for one output pixel. */
  private static void in1x4(
      int cout, int cin, float[] wt, int wc, float[] dy, int g0, float[] dx, int x0) {
    FloatVector c0 = FloatVector.fromArray(S, dx, x0);
    FloatVector c1 = FloatVector.fromArray(S, dx, x0 + L);
    FloatVector c2 = FloatVector.fromArray(S, dx, x0 + 2 * L);
    FloatVector c3 = FloatVector.fromArray(S, dx, x0 + 3 * L);
    for (int co = 0; co < cout; co++) {
      int wr = wc + co * cin;
      FloatVector a = FloatVector.broadcast(S, dy[g0 + co]);
      c0 = a.fma(FloatVector.fromArray(S, wt, wr), c0);
      c1 = a.fma(FloatVector.fromArray(S, wt, wr + L), c1);
      c2 = a.fma(FloatVector.fromArray(S, wt, wr + 2 * L), c2);
      c3 = a.fma(FloatVector.fromArray(S, wt, wr + 3 * L), c3);
    }
    c0.intoArray(dx, x0);
    c1.intoArray(dx, x0 + L);
    c2.intoArray(dx, x0 + 2 * L);
    c3.intoArray(dx, x0 + 3 * L);
  }

  /**
   * dx of 8 output pixels for two vectors of input channels (16 accumulators): twice the pixels of
   * {@link #in4x2} per weight load, for layers of 2 vectors of channels.
   */
  private static void in8x2(
      int cout, int cin, float[] wt, int wc, float[] dy, int g0, float[] dx, int x0, int xstep) {
    FloatVector c00 = FloatVector.fromArray(S, dx, x0);
    FloatVector c01 = FloatVector.fromArray(S, dx, x0 + L);
    FloatVector c10 = FloatVector.fromArray(S, dx, x0 + xstep);
    FloatVector c11 = FloatVector.fromArray(S, dx, x0 + xstep + L);
    FloatVector c20 = FloatVector.fromArray(S, dx, x0 + 2 * xstep);
    FloatVector c21 = FloatVector.fromArray(S, dx, x0 + 2 * xstep + L);
    FloatVector c30 = FloatVector.fromArray(S, dx, x0 + 3 * xstep);
    FloatVector c31 = FloatVector.fromArray(S, dx, x0 + 3 * xstep + L);
    FloatVector c40 = FloatVector.fromArray(S, dx, x0 + 4 * xstep);
    FloatVector c41 = FloatVector.fromArray(S, dx, x0 + 4 * xstep + L);
    FloatVector c50 = FloatVector.fromArray(S, dx, x0 + 5 * xstep);
    FloatVector c51 = FloatVector.fromArray(S, dx, x0 + 5 * xstep + L);
    FloatVector c60 = FloatVector.fromArray(S, dx, x0 + 6 * xstep);
    FloatVector c61 = FloatVector.fromArray(S, dx, x0 + 6 * xstep + L);
    FloatVector c70 = FloatVector.fromArray(S, dx, x0 + 7 * xstep);
    FloatVector c71 = FloatVector.fromArray(S, dx, x0 + 7 * xstep + L);
    for (int co = 0; co < cout; co++) {
      int wr = wc + co * cin;
      FloatVector w0 = FloatVector.fromArray(S, wt, wr);
      FloatVector w1 = FloatVector.fromArray(S, wt, wr + L);
      FloatVector a = FloatVector.broadcast(S, dy[g0 + co]);
      c00 = a.fma(w0, c00);
      c01 = a.fma(w1, c01);
      a = FloatVector.broadcast(S, dy[g0 + cout + co]);
      c10 = a.fma(w0, c10);
      c11 = a.fma(w1, c11);
      a = FloatVector.broadcast(S, dy[g0 + 2 * cout + co]);
      c20 = a.fma(w0, c20);
      c21 = a.fma(w1, c21);
      a = FloatVector.broadcast(S, dy[g0 + 3 * cout + co]);
      c30 = a.fma(w0, c30);
      c31 = a.fma(w1, c31);
      a = FloatVector.broadcast(S, dy[g0 + 4 * cout + co]);
      c40 = a.fma(w0, c40);
      c41 = a.fma(w1, c41);
      a = FloatVector.broadcast(S, dy[g0 + 5 * cout + co]);
      c50 = a.fma(w0, c50);
      c51 = a.fma(w1, c51);
      a = FloatVector.broadcast(S, dy[g0 + 6 * cout + co]);
      c60 = a.fma(w0, c60);
      c61 = a.fma(w1, c61);
      a = FloatVector.broadcast(S, dy[g0 + 7 * cout + co]);
      c70 = a.fma(w0, c70);
      c71 = a.fma(w1, c71);
    }
    c00.intoArray(dx, x0);
    c01.intoArray(dx, x0 + L);
    c10.intoArray(dx, x0 + xstep);
    c11.intoArray(dx, x0 + xstep + L);
    c20.intoArray(dx, x0 + 2 * xstep);
    c21.intoArray(dx, x0 + 2 * xstep + L);
    c30.intoArray(dx, x0 + 3 * xstep);
    c31.intoArray(dx, x0 + 3 * xstep + L);
    c40.intoArray(dx, x0 + 4 * xstep);
    c41.intoArray(dx, x0 + 4 * xstep + L);
    c50.intoArray(dx, x0 + 5 * xstep);
    c51.intoArray(dx, x0 + 5 * xstep + L);
    c60.intoArray(dx, x0 + 6 * xstep);
    c61.intoArray(dx, x0 + 6 * xstep + L);
    c70.intoArray(dx, x0 + 7 * xstep);
    c71.intoArray(dx, x0 + 7 * xstep + L);
  }

  /** dx of 4 output pixels for two vectors of input channels, summed over the output channels. */
  private static void in4x2(
      int cout, int cin, float[] wt, int wc, float[] dy, int g0, float[] dx, int x0, int xstep) {
    FloatVector c00 = FloatVector.fromArray(S, dx, x0);
    FloatVector c01 = FloatVector.fromArray(S, dx, x0 + L);
    FloatVector c10 = FloatVector.fromArray(S, dx, x0 + xstep);
    FloatVector c11 = FloatVector.fromArray(S, dx, x0 + xstep + L);
    FloatVector c20 = FloatVector.fromArray(S, dx, x0 + 2 * xstep);
    FloatVector c21 = FloatVector.fromArray(S, dx, x0 + 2 * xstep + L);
    FloatVector c30 = FloatVector.fromArray(S, dx, x0 + 3 * xstep);
    FloatVector c31 = FloatVector.fromArray(S, dx, x0 + 3 * xstep + L);
    for (int co = 0; co < cout; co++) {
      int wr = wc + co * cin;
      FloatVector w0 = FloatVector.fromArray(S, wt, wr);
      FloatVector w1 = FloatVector.fromArray(S, wt, wr + L);
      FloatVector a = FloatVector.broadcast(S, dy[g0 + co]);
      c00 = a.fma(w0, c00);
      c01 = a.fma(w1, c01);
      a = FloatVector.broadcast(S, dy[g0 + cout + co]);
      c10 = a.fma(w0, c10);
      c11 = a.fma(w1, c11);
      a = FloatVector.broadcast(S, dy[g0 + 2 * cout + co]);
      c20 = a.fma(w0, c20);
      c21 = a.fma(w1, c21);
      a = FloatVector.broadcast(S, dy[g0 + 3 * cout + co]);
      c30 = a.fma(w0, c30);
      c31 = a.fma(w1, c31);
    }
    c00.intoArray(dx, x0);
    c01.intoArray(dx, x0 + L);
    c10.intoArray(dx, x0 + xstep);
    c11.intoArray(dx, x0 + xstep + L);
    c20.intoArray(dx, x0 + 2 * xstep);
    c21.intoArray(dx, x0 + 2 * xstep + L);
    c30.intoArray(dx, x0 + 3 * xstep);
    c31.intoArray(dx, x0 + 3 * xstep + L);
  }

  /**
   * {@link #in4x2} for 3 output pixels: the tail of a row whose edge taps leave 4k + 3 pixels
   * (every 3x3 SAME layer on a width that is a multiple of 4), one call instead of three of {@link
   * #in1x2}.
   */
  private static void in3x2(
      int cout, int cin, float[] wt, int wc, float[] dy, int g0, float[] dx, int x0, int xstep) {
    FloatVector c00 = FloatVector.fromArray(S, dx, x0);
    FloatVector c01 = FloatVector.fromArray(S, dx, x0 + L);
    FloatVector c10 = FloatVector.fromArray(S, dx, x0 + xstep);
    FloatVector c11 = FloatVector.fromArray(S, dx, x0 + xstep + L);
    FloatVector c20 = FloatVector.fromArray(S, dx, x0 + 2 * xstep);
    FloatVector c21 = FloatVector.fromArray(S, dx, x0 + 2 * xstep + L);
    for (int co = 0; co < cout; co++) {
      int wr = wc + co * cin;
      FloatVector w0 = FloatVector.fromArray(S, wt, wr);
      FloatVector w1 = FloatVector.fromArray(S, wt, wr + L);
      FloatVector a = FloatVector.broadcast(S, dy[g0 + co]);
      c00 = a.fma(w0, c00);
      c01 = a.fma(w1, c01);
      a = FloatVector.broadcast(S, dy[g0 + cout + co]);
      c10 = a.fma(w0, c10);
      c11 = a.fma(w1, c11);
      a = FloatVector.broadcast(S, dy[g0 + 2 * cout + co]);
      c20 = a.fma(w0, c20);
      c21 = a.fma(w1, c21);
    }
    c00.intoArray(dx, x0);
    c01.intoArray(dx, x0 + L);
    c10.intoArray(dx, x0 + xstep);
    c11.intoArray(dx, x0 + xstep + L);
    c20.intoArray(dx, x0 + 2 * xstep);
    c21.intoArray(dx, x0 + 2 * xstep + L);
  }

  /** {@link #in4x2} for one output pixel, two chains per vector. */
  private static void in1x2(
      int cout, int cin, float[] wt, int wc, float[] dy, int g0, float[] dx, int x0) {
    FloatVector c0 = FloatVector.zero(S);
    FloatVector c1 = FloatVector.zero(S);
    FloatVector c2 = FloatVector.zero(S);
    FloatVector c3 = FloatVector.zero(S);
    int co = 0;
    for (; co + 2 <= cout; co += 2) {
      int wr = wc + co * cin;
      FloatVector a = FloatVector.broadcast(S, dy[g0 + co]);
      c0 = a.fma(FloatVector.fromArray(S, wt, wr), c0);
      c1 = a.fma(FloatVector.fromArray(S, wt, wr + L), c1);
      a = FloatVector.broadcast(S, dy[g0 + co + 1]);
      c2 = a.fma(FloatVector.fromArray(S, wt, wr + cin), c2);
      c3 = a.fma(FloatVector.fromArray(S, wt, wr + cin + L), c3);
    }
    if (co < cout) {
      int wr = wc + co * cin;
      FloatVector a = FloatVector.broadcast(S, dy[g0 + co]);
      c0 = a.fma(FloatVector.fromArray(S, wt, wr), c0);
      c1 = a.fma(FloatVector.fromArray(S, wt, wr + L), c1);
    }
    FloatVector.fromArray(S, dx, x0).add(c0.add(c2)).intoArray(dx, x0);
    FloatVector.fromArray(S, dx, x0 + L).add(c1.add(c3)).intoArray(dx, x0 + L);
  }

  /** dx of 4 output pixels for one vector of input channels, summed over the output channels. */
  private static void in4x1Full(
      int cout, int cin, float[] wt, int wc, float[] dy, int g0, float[] dx, int x0, int xstep) {
    FloatVector c0 = FloatVector.fromArray(S, dx, x0);
    FloatVector c1 = FloatVector.fromArray(S, dx, x0 + xstep);
    FloatVector c2 = FloatVector.fromArray(S, dx, x0 + 2 * xstep);
    FloatVector c3 = FloatVector.fromArray(S, dx, x0 + 3 * xstep);
    for (int co = 0; co < cout; co++) {
      FloatVector w0 = FloatVector.fromArray(S, wt, wc + co * cin);
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

  /**
   * dx of 8 output pixels for one vector of input channels: twice the FMA chains of {@link
   * #in4x1Full} per weight load, which a single-vector layer needs to cover the FMA latency.
   */
  private static void in8x1Full(
      int cout, int cin, float[] wt, int wc, float[] dy, int g0, float[] dx, int x0, int xstep) {
    FloatVector c0 = FloatVector.fromArray(S, dx, x0);
    FloatVector c1 = FloatVector.fromArray(S, dx, x0 + xstep);
    FloatVector c2 = FloatVector.fromArray(S, dx, x0 + 2 * xstep);
    FloatVector c3 = FloatVector.fromArray(S, dx, x0 + 3 * xstep);
    FloatVector c4 = FloatVector.fromArray(S, dx, x0 + 4 * xstep);
    FloatVector c5 = FloatVector.fromArray(S, dx, x0 + 5 * xstep);
    FloatVector c6 = FloatVector.fromArray(S, dx, x0 + 6 * xstep);
    FloatVector c7 = FloatVector.fromArray(S, dx, x0 + 7 * xstep);
    for (int co = 0; co < cout; co++) {
      FloatVector w0 = FloatVector.fromArray(S, wt, wc + co * cin);
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

  /** {@link #in4x1Full} for 3 output pixels (see {@link #in3x2}). */
  private static void in3x1Full(
      int cout, int cin, float[] wt, int wc, float[] dy, int g0, float[] dx, int x0, int xstep) {
    FloatVector c0 = FloatVector.fromArray(S, dx, x0);
    FloatVector c1 = FloatVector.fromArray(S, dx, x0 + xstep);
    FloatVector c2 = FloatVector.fromArray(S, dx, x0 + 2 * xstep);
    for (int co = 0; co < cout; co++) {
      FloatVector w0 = FloatVector.fromArray(S, wt, wc + co * cin);
      c0 = FloatVector.broadcast(S, dy[g0 + co]).fma(w0, c0);
      c1 = FloatVector.broadcast(S, dy[g0 + cout + co]).fma(w0, c1);
      c2 = FloatVector.broadcast(S, dy[g0 + 2 * cout + co]).fma(w0, c2);
    }
    c0.intoArray(dx, x0);
    c1.intoArray(dx, x0 + xstep);
    c2.intoArray(dx, x0 + 2 * xstep);
  }

  /** {@link #in4x1Full} for one output pixel. */
  private static void in1x1Full(
      int cout, int cin, float[] wt, int wc, float[] dy, int g0, float[] dx, int x0) {
    FloatVector c0 = FloatVector.zero(S);
    FloatVector c1 = FloatVector.zero(S);
    int co = 0;
    for (; co + 2 <= cout; co += 2) {
      int wr = wc + co * cin;
      c0 = FloatVector.broadcast(S, dy[g0 + co]).fma(FloatVector.fromArray(S, wt, wr), c0);
      c1 =
          FloatVector.broadcast(S, dy[g0 + co + 1]).fma(FloatVector.fromArray(S, wt, wr + cin), c1);
    }
    if (co < cout) {
      c0 =
          FloatVector.broadcast(S, dy[g0 + co])
              .fma(FloatVector.fromArray(S, wt, wc + co * cin), c0);
    }
    FloatVector.fromArray(S, dx, x0).add(c0.add(c1)).intoArray(dx, x0);
  }

  static void weightGrad(ConvShape s, float[] x, int xo, float[] dy, int dyo, float[] dw, int dwo) {
    int cin = s.cin();
    int cout = s.cout();
    for (int kh = 0; kh < s.kh(); kh++) {
      for (int kw = 0; kw < s.kw(); kw++) {
        int tap = dwo + (kh * s.kw() + kw) * cin * cout;
        int co = 0;
        for (; co + 4 * L <= cout; co += 4 * L) {
          int ci = 0;
          for (; ci + 4 <= cin; ci += 4) {
            grad4x4(s, x, xo + ci, dy, dyo + co, dw, tap + ci * cout + co, kh, kw);
          }
          for (; ci < cin; ci++) {
            grad1x4(s, x, xo + ci, dy, dyo + co, dw, tap + ci * cout + co, kh, kw);
          }
        }
        for (; co + 3 * L <= cout; co += 3 * L) {
          int ci = 0;
          for (; ci + 4 <= cin; ci += 4) {
            grad4x3(s, x, xo + ci, dy, dyo + co, dw, tap + ci * cout + co, kh, kw);
          }
          for (; ci < cin; ci++) {
            grad1x3(s, x, xo + ci, dy, dyo + co, dw, tap + ci * cout + co, kh, kw);
          }
        }
        if (co + 2 * L <= cout) {
          // Two vectors left (16 filters at 8 lanes): 8, then 4 input channels x 2 vectors.
          int ci = 0;
          for (; ci + 8 <= cin; ci += 8) {
            grad8x2(s, x, xo + ci, dy, dyo + co, dw, tap + ci * cout + co, kh, kw);
          }
          for (; ci + 4 <= cin; ci += 4) {
            grad4x2(s, x, xo + ci, dy, dyo + co, dw, tap + ci * cout + co, kh, kw);
          }
          for (; ci < cin; ci++) {
            grad1x2(s, x, xo + ci, dy, dyo + co, dw, tap + ci * cout + co, kh, kw);
          }
          co += 2 * L;
        }
        for (; co + L <= cout; co += L) {
          int ci = 0;
          for (; ci + 8 <= cin; ci += 8) {
            grad8x1Full(s, x, xo + ci, dy, dyo + co, dw, tap + ci * cout + co, kh, kw);
          }
          for (; ci + 4 <= cin; ci += 4) {
            grad4x1Full(s, x, xo + ci, dy, dyo + co, dw, tap + ci * cout + co, kh, kw);
          }
          // Three channels left (an RGB input): three accumulators instead of three passes of one.
          if (cin - ci == 3) {
            grad3x1Full(s, x, xo + ci, dy, dyo + co, dw, tap + ci * cout + co, kh, kw);
            ci += 3;
          }
          for (; ci < cin; ci++) {
            grad1x1Full(s, x, xo + ci, dy, dyo + co, dw, tap + ci * cout + co, kh, kw);
          }
        }
        if (co < cout) {
          // Output channels that do not fill a vector: scalar, as the input gradient's tail.
          gradTail(s, x, xo, dy, dyo, dw, tap, kh, kw, co);
        }
      }
    }
  }

  /** {@code dw += } the kernel gradient of one tap for output channels {@code co0..cout}. */
  private static void gradTail(
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
    VectorConvTails.weightGrad(s, x, xo, dy, dyo, dw, tap, kh, kw, co0);
  }

  private static void grad4x3(
      ConvShape s, float[] x, int xc, float[] dy, int gc, float[] dw, int at, int kh, int kw) {
    int cin = s.cin();
    int cout = s.cout();
    FloatVector c00 = FloatVector.fromArray(S, dw, at);
    FloatVector c01 = FloatVector.fromArray(S, dw, at + L);
    FloatVector c02 = FloatVector.fromArray(S, dw, at + 2 * L);
    FloatVector c10 = FloatVector.fromArray(S, dw, at + cout);
    FloatVector c11 = FloatVector.fromArray(S, dw, at + cout + L);
    FloatVector c12 = FloatVector.fromArray(S, dw, at + cout + 2 * L);
    FloatVector c20 = FloatVector.fromArray(S, dw, at + 2 * cout);
    FloatVector c21 = FloatVector.fromArray(S, dw, at + 2 * cout + L);
    FloatVector c22 = FloatVector.fromArray(S, dw, at + 2 * cout + 2 * L);
    FloatVector c30 = FloatVector.fromArray(S, dw, at + 3 * cout);
    FloatVector c31 = FloatVector.fromArray(S, dw, at + 3 * cout + L);
    FloatVector c32 = FloatVector.fromArray(S, dw, at + 3 * cout + 2 * L);
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
    c00.intoArray(dw, at);
    c01.intoArray(dw, at + L);
    c02.intoArray(dw, at + 2 * L);
    c10.intoArray(dw, at + cout);
    c11.intoArray(dw, at + cout + L);
    c12.intoArray(dw, at + cout + 2 * L);
    c20.intoArray(dw, at + 2 * cout);
    c21.intoArray(dw, at + 2 * cout + L);
    c22.intoArray(dw, at + 2 * cout + 2 * L);
    c30.intoArray(dw, at + 3 * cout);
    c31.intoArray(dw, at + 3 * cout + L);
    c32.intoArray(dw, at + 3 * cout + 2 * L);
  }

  private static void grad1x3(
      ConvShape s, float[] x, int xc, float[] dy, int gc, float[] dw, int at, int kh, int kw) {
    int cin = s.cin();
    int cout = s.cout();
    FloatVector c0 = FloatVector.fromArray(S, dw, at);
    FloatVector c1 = FloatVector.fromArray(S, dw, at + L);
    FloatVector c2 = FloatVector.fromArray(S, dw, at + 2 * L);
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
    c0.intoArray(dw, at);
    c1.intoArray(dw, at + L);
    c2.intoArray(dw, at + 2 * L);
  }

  /** The kernel gradient of one tap for 4 input channels x 4 vectors of output channels. */
  private static void grad4x4(
      ConvShape s, float[] x, int xc, float[] dy, int gc, float[] dw, int at, int kh, int kw) {
    int cin = s.cin();
    int cout = s.cout();
    FloatVector c00 = FloatVector.fromArray(S, dw, at);
    FloatVector c01 = FloatVector.fromArray(S, dw, at + L);
    FloatVector c02 = FloatVector.fromArray(S, dw, at + 2 * L);
    FloatVector c03 = FloatVector.fromArray(S, dw, at + 3 * L);
    FloatVector c10 = FloatVector.fromArray(S, dw, at + cout);
    FloatVector c11 = FloatVector.fromArray(S, dw, at + cout + L);
    FloatVector c12 = FloatVector.fromArray(S, dw, at + cout + 2 * L);
    FloatVector c13 = FloatVector.fromArray(S, dw, at + cout + 3 * L);
    FloatVector c20 = FloatVector.fromArray(S, dw, at + 2 * cout);
    FloatVector c21 = FloatVector.fromArray(S, dw, at + 2 * cout + L);
    FloatVector c22 = FloatVector.fromArray(S, dw, at + 2 * cout + 2 * L);
    FloatVector c23 = FloatVector.fromArray(S, dw, at + 2 * cout + 3 * L);
    FloatVector c30 = FloatVector.fromArray(S, dw, at + 3 * cout);
    FloatVector c31 = FloatVector.fromArray(S, dw, at + 3 * cout + L);
    FloatVector c32 = FloatVector.fromArray(S, dw, at + 3 * cout + 2 * L);
    FloatVector c33 = FloatVector.fromArray(S, dw, at + 3 * cout + 3 * L);
    int clo = s.colLo(kw);
    int xstep = s.sw() * cin;
    int cols = s.colHi(kw) - clo;
    int oh = s.rowLo(kh);
    int count = Math.max(0, s.rowHi(kh) - oh) * Math.max(0, cols);
    int xi = xIndex(s, xc, oh, clo, kh, kw);
    int g = gc + (oh * s.ow() + clo) * cout;
    // One flat loop over the tap's pixels, as grad4x3.
    for (int p = 0, ow = 0; p < count; p++) {
      FloatVector g0 = FloatVector.fromArray(S, dy, g);
      FloatVector g1 = FloatVector.fromArray(S, dy, g + L);
      FloatVector g2 = FloatVector.fromArray(S, dy, g + 2 * L);
      FloatVector g3 = FloatVector.fromArray(S, dy, g + 3 * L);
      FloatVector a = FloatVector.broadcast(S, x[xi]);
      c00 = a.fma(g0, c00);
      c01 = a.fma(g1, c01);
      c02 = a.fma(g2, c02);
      c03 = a.fma(g3, c03);
      a = FloatVector.broadcast(S, x[xi + 1]);
      c10 = a.fma(g0, c10);
      c11 = a.fma(g1, c11);
      c12 = a.fma(g2, c12);
      c13 = a.fma(g3, c13);
      a = FloatVector.broadcast(S, x[xi + 2]);
      c20 = a.fma(g0, c20);
      c21 = a.fma(g1, c21);
      c22 = a.fma(g2, c22);
      c23 = a.fma(g3, c23);
      a = FloatVector.broadcast(S, x[xi + 3]);
      c30 = a.fma(g0, c30);
      c31 = a.fma(g1, c31);
      c32 = a.fma(g2, c32);
      c33 = a.fma(g3, c33);
      xi += xstep;
      g += cout;
      if (++ow == cols) {
        ow = 0;
        oh++;
        xi = xIndex(s, xc, oh, clo, kh, kw);
        g = gc + (oh * s.ow() + clo) * cout;
      }
    }
    c00.intoArray(dw, at);
    c01.intoArray(dw, at + L);
    c02.intoArray(dw, at + 2 * L);
    c03.intoArray(dw, at + 3 * L);
    c10.intoArray(dw, at + cout);
    c11.intoArray(dw, at + cout + L);
    c12.intoArray(dw, at + cout + 2 * L);
    c13.intoArray(dw, at + cout + 3 * L);
    c20.intoArray(dw, at + 2 * cout);
    c21.intoArray(dw, at + 2 * cout + L);
    c22.intoArray(dw, at + 2 * cout + 2 * L);
    c23.intoArray(dw, at + 2 * cout + 3 * L);
    c30.intoArray(dw, at + 3 * cout);
    c31.intoArray(dw, at + 3 * cout + L);
    c32.intoArray(dw, at + 3 * cout + 2 * L);
    c33.intoArray(dw, at + 3 * cout + 3 * L);
  }

  /** The kernel gradient of one tap for 1 input channels x 4 vectors of output channels. */
  private static void grad1x4(
      ConvShape s, float[] x, int xc, float[] dy, int gc, float[] dw, int at, int kh, int kw) {
    int cin = s.cin();
    int cout = s.cout();
    FloatVector c00 = FloatVector.fromArray(S, dw, at);
    FloatVector c01 = FloatVector.fromArray(S, dw, at + L);
    FloatVector c02 = FloatVector.fromArray(S, dw, at + 2 * L);
    FloatVector c03 = FloatVector.fromArray(S, dw, at + 3 * L);
    int clo = s.colLo(kw);
    int xstep = s.sw() * cin;
    int cols = s.colHi(kw) - clo;
    int oh = s.rowLo(kh);
    int count = Math.max(0, s.rowHi(kh) - oh) * Math.max(0, cols);
    int xi = xIndex(s, xc, oh, clo, kh, kw);
    int g = gc + (oh * s.ow() + clo) * cout;
    // One flat loop over the tap's pixels, as grad4x3.
    for (int p = 0, ow = 0; p < count; p++) {
      FloatVector g0 = FloatVector.fromArray(S, dy, g);
      FloatVector g1 = FloatVector.fromArray(S, dy, g + L);
      FloatVector g2 = FloatVector.fromArray(S, dy, g + 2 * L);
      FloatVector g3 = FloatVector.fromArray(S, dy, g + 3 * L);
      FloatVector a = FloatVector.broadcast(S, x[xi]);
      c00 = a.fma(g0, c00);
      c01 = a.fma(g1, c01);
      c02 = a.fma(g2, c02);
      c03 = a.fma(g3, c03);
      xi += xstep;
      g += cout;
      if (++ow == cols) {
        ow = 0;
        oh++;
        xi = xIndex(s, xc, oh, clo, kh, kw);
        g = gc + (oh * s.ow() + clo) * cout;
      }
    }
    c00.intoArray(dw, at);
    c01.intoArray(dw, at + L);
    c02.intoArray(dw, at + 2 * L);
    c03.intoArray(dw, at + 3 * L);
  }

  /** The kernel gradient of one tap for 8 input channels x 2 vectors of output channels. */
  private static void grad8x2(
      ConvShape s, float[] x, int xc, float[] dy, int gc, float[] dw, int at, int kh, int kw) {
    int cin = s.cin();
    int cout = s.cout();
    FloatVector c00 = FloatVector.fromArray(S, dw, at);
    FloatVector c01 = FloatVector.fromArray(S, dw, at + L);
    FloatVector c10 = FloatVector.fromArray(S, dw, at + cout);
    FloatVector c11 = FloatVector.fromArray(S, dw, at + cout + L);
    FloatVector c20 = FloatVector.fromArray(S, dw, at + 2 * cout);
    FloatVector c21 = FloatVector.fromArray(S, dw, at + 2 * cout + L);
    FloatVector c30 = FloatVector.fromArray(S, dw, at + 3 * cout);
    FloatVector c31 = FloatVector.fromArray(S, dw, at + 3 * cout + L);
    FloatVector c40 = FloatVector.fromArray(S, dw, at + 4 * cout);
    FloatVector c41 = FloatVector.fromArray(S, dw, at + 4 * cout + L);
    FloatVector c50 = FloatVector.fromArray(S, dw, at + 5 * cout);
    FloatVector c51 = FloatVector.fromArray(S, dw, at + 5 * cout + L);
    FloatVector c60 = FloatVector.fromArray(S, dw, at + 6 * cout);
    FloatVector c61 = FloatVector.fromArray(S, dw, at + 6 * cout + L);
    FloatVector c70 = FloatVector.fromArray(S, dw, at + 7 * cout);
    FloatVector c71 = FloatVector.fromArray(S, dw, at + 7 * cout + L);
    int clo = s.colLo(kw);
    int xstep = s.sw() * cin;
    int cols = s.colHi(kw) - clo;
    int oh = s.rowLo(kh);
    int count = Math.max(0, s.rowHi(kh) - oh) * Math.max(0, cols);
    int xi = xIndex(s, xc, oh, clo, kh, kw);
    int g = gc + (oh * s.ow() + clo) * cout;
    for (int p = 0, ow = 0; p < count; p++) {
      FloatVector g0 = FloatVector.fromArray(S, dy, g);
      FloatVector g1 = FloatVector.fromArray(S, dy, g + L);
      FloatVector a = FloatVector.broadcast(S, x[xi]);
      c00 = a.fma(g0, c00);
      c01 = a.fma(g1, c01);
      a = FloatVector.broadcast(S, x[xi + 1]);
      c10 = a.fma(g0, c10);
      c11 = a.fma(g1, c11);
      a = FloatVector.broadcast(S, x[xi + 2]);
      c20 = a.fma(g0, c20);
      c21 = a.fma(g1, c21);
      a = FloatVector.broadcast(S, x[xi + 3]);
      c30 = a.fma(g0, c30);
      c31 = a.fma(g1, c31);
      a = FloatVector.broadcast(S, x[xi + 4]);
      c40 = a.fma(g0, c40);
      c41 = a.fma(g1, c41);
      a = FloatVector.broadcast(S, x[xi + 5]);
      c50 = a.fma(g0, c50);
      c51 = a.fma(g1, c51);
      a = FloatVector.broadcast(S, x[xi + 6]);
      c60 = a.fma(g0, c60);
      c61 = a.fma(g1, c61);
      a = FloatVector.broadcast(S, x[xi + 7]);
      c70 = a.fma(g0, c70);
      c71 = a.fma(g1, c71);
      xi += xstep;
      g += cout;
      if (++ow == cols) {
        ow = 0;
        oh++;
        xi = xIndex(s, xc, oh, clo, kh, kw);
        g = gc + (oh * s.ow() + clo) * cout;
      }
    }
    c00.intoArray(dw, at);
    c01.intoArray(dw, at + L);
    c10.intoArray(dw, at + cout);
    c11.intoArray(dw, at + cout + L);
    c20.intoArray(dw, at + 2 * cout);
    c21.intoArray(dw, at + 2 * cout + L);
    c30.intoArray(dw, at + 3 * cout);
    c31.intoArray(dw, at + 3 * cout + L);
    c40.intoArray(dw, at + 4 * cout);
    c41.intoArray(dw, at + 4 * cout + L);
    c50.intoArray(dw, at + 5 * cout);
    c51.intoArray(dw, at + 5 * cout + L);
    c60.intoArray(dw, at + 6 * cout);
    c61.intoArray(dw, at + 6 * cout + L);
    c70.intoArray(dw, at + 7 * cout);
    c71.intoArray(dw, at + 7 * cout + L);
  }

  /** The kernel gradient of one tap for 4 input channels x 2 vectors of output channels. */
  private static void grad4x2(
      ConvShape s, float[] x, int xc, float[] dy, int gc, float[] dw, int at, int kh, int kw) {
    int cin = s.cin();
    int cout = s.cout();
    FloatVector c00 = FloatVector.fromArray(S, dw, at);
    FloatVector c01 = FloatVector.fromArray(S, dw, at + L);
    FloatVector c10 = FloatVector.fromArray(S, dw, at + cout);
    FloatVector c11 = FloatVector.fromArray(S, dw, at + cout + L);
    FloatVector c20 = FloatVector.fromArray(S, dw, at + 2 * cout);
    FloatVector c21 = FloatVector.fromArray(S, dw, at + 2 * cout + L);
    FloatVector c30 = FloatVector.fromArray(S, dw, at + 3 * cout);
    FloatVector c31 = FloatVector.fromArray(S, dw, at + 3 * cout + L);
    int clo = s.colLo(kw);
    int xstep = s.sw() * cin;
    int cols = s.colHi(kw) - clo;
    int oh = s.rowLo(kh);
    int count = Math.max(0, s.rowHi(kh) - oh) * Math.max(0, cols);
    int xi = xIndex(s, xc, oh, clo, kh, kw);
    int g = gc + (oh * s.ow() + clo) * cout;
    // One flat loop over the tap's pixels, as grad4x3.
    for (int p = 0, ow = 0; p < count; p++) {
      FloatVector g0 = FloatVector.fromArray(S, dy, g);
      FloatVector g1 = FloatVector.fromArray(S, dy, g + L);
      FloatVector a = FloatVector.broadcast(S, x[xi]);
      c00 = a.fma(g0, c00);
      c01 = a.fma(g1, c01);
      a = FloatVector.broadcast(S, x[xi + 1]);
      c10 = a.fma(g0, c10);
      c11 = a.fma(g1, c11);
      a = FloatVector.broadcast(S, x[xi + 2]);
      c20 = a.fma(g0, c20);
      c21 = a.fma(g1, c21);
      a = FloatVector.broadcast(S, x[xi + 3]);
      c30 = a.fma(g0, c30);
      c31 = a.fma(g1, c31);
      xi += xstep;
      g += cout;
      if (++ow == cols) {
        ow = 0;
        oh++;
        xi = xIndex(s, xc, oh, clo, kh, kw);
        g = gc + (oh * s.ow() + clo) * cout;
      }
    }
    c00.intoArray(dw, at);
    c01.intoArray(dw, at + L);
    c10.intoArray(dw, at + cout);
    c11.intoArray(dw, at + cout + L);
    c20.intoArray(dw, at + 2 * cout);
    c21.intoArray(dw, at + 2 * cout + L);
    c30.intoArray(dw, at + 3 * cout);
    c31.intoArray(dw, at + 3 * cout + L);
  }

  /** {@link #grad4x2} for one input channel. */
  private static void grad1x2(
      ConvShape s, float[] x, int xc, float[] dy, int gc, float[] dw, int at, int kh, int kw) {
    int cin = s.cin();
    int cout = s.cout();
    FloatVector c0 = FloatVector.fromArray(S, dw, at);
    FloatVector c1 = FloatVector.fromArray(S, dw, at + L);
    int clo = s.colLo(kw);
    int xstep = s.sw() * cin;
    int cols = s.colHi(kw) - clo;
    int oh = s.rowLo(kh);
    int count = Math.max(0, s.rowHi(kh) - oh) * Math.max(0, cols);
    int xi = xIndex(s, xc, oh, clo, kh, kw);
    int g = gc + (oh * s.ow() + clo) * cout;
    for (int p = 0, ow = 0; p < count; p++) {
      FloatVector a = FloatVector.broadcast(S, x[xi]);
      c0 = a.fma(FloatVector.fromArray(S, dy, g), c0);
      c1 = a.fma(FloatVector.fromArray(S, dy, g + L), c1);
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
    c1.intoArray(dw, at + L);
  }

  /**
   * {@link #grad4x1} for output channels that fill the vector: no mask (see {@link #in4x1Full}).
   */
  private static void grad4x1Full(
      ConvShape s, float[] x, int xc, float[] dy, int gc, float[] dw, int at, int kh, int kw) {
    int cin = s.cin();
    int cout = s.cout();
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
    c0.intoArray(dw, at);
    c1.intoArray(dw, at + cout);
    c2.intoArray(dw, at + 2 * cout);
    c3.intoArray(dw, at + 3 * cout);
  }

  /**
   * The kernel gradient of one tap for 8 input channels x one vector of output channels: 8 FMA
   * chains per loaded gradient vector instead of {@link #grad4x1Full}'s 4.
   */
  private static void grad8x1Full(
      ConvShape s, float[] x, int xc, float[] dy, int gc, float[] dw, int at, int kh, int kw) {
    int cin = s.cin();
    int cout = s.cout();
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
      FloatVector g0 = FloatVector.fromArray(S, dy, g);
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

  /** {@link #grad4x1Full} for one input channel. */
  private static void grad1x1Full(
      ConvShape s, float[] x, int xc, float[] dy, int gc, float[] dw, int at, int kh, int kw) {
    int cin = s.cin();
    int cout = s.cout();
    FloatVector c0 = FloatVector.fromArray(S, dw, at);
    int clo = s.colLo(kw);
    int xstep = s.sw() * cin;
    int cols = s.colHi(kw) - clo;
    int oh = s.rowLo(kh);
    int count = Math.max(0, s.rowHi(kh) - oh) * Math.max(0, cols);
    int xi = xIndex(s, xc, oh, clo, kh, kw);
    int g = gc + (oh * s.ow() + clo) * cout;
    for (int p = 0, ow = 0; p < count; p++) {
      c0 = FloatVector.broadcast(S, x[xi]).fma(FloatVector.fromArray(S, dy, g), c0);
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

  /** {@link #grad4x1Full} for three input channels. */
  private static void grad3x1Full(
      ConvShape s, float[] x, int xc, float[] dy, int gc, float[] dw, int at, int kh, int kw) {
    int cin = s.cin();
    int cout = s.cout();
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
      FloatVector g0 = FloatVector.fromArray(S, dy, g);
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

  /**
   * Index of input channel offset {@code xc} at the pixel tap (kh, kw) of output (oh, ow) reads.
   */
  private static int xIndex(ConvShape s, int xc, int oh, int ow, int kh, int kw) {
    int ih = oh * s.sh() - s.padTop() + kh * s.dh();
    int iw = ow * s.sw() - s.padLeft() + kw * s.dw();
    return xc + (ih * s.w() + iw) * s.cin();
  }
}

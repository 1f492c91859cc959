package dev.jconv.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The convolution backward kernels, SIMD and scalar, against finite differences of a double forward
 * convolution on random geometries (kernel, strides, dilation, padding, odd channels).
 */
class ConvBackwardTest {
  private static final int[] CHANNELS = {1, 3, 7, 13, 17, 33, 48};
  private static final double TOL = 2e-5;

  @Test
  void simdGradientsMatchFiniteDifferences() {
    check(true, new Random(11));
  }

  @Test
  void scalarGradientsMatchFiniteDifferences() {
    check(false, new Random(12));
  }

  /**
   * The kernels add to what the gradients already hold (a layer whose output feeds two others),
   * here on 3x3 SAME geometries with the ResNet channel counts (whole tiles of 2, 3 and 4 vectors
   * and the 3-pixel row tails) and on random ones.
   */
  @Test
  void simdAddsToExistingGradients() {
    Random r = new Random(13);
    int[][] geometries = {{8, 8, 16, 16}, {8, 12, 24, 24}, {4, 8, 32, 64}, {8, 7, 64, 32}};
    for (int[] g : geometries) {
      int h = g[0];
      int w = g[1];
      checkAccumulates(new ConvShape(h, w, g[2], h, w, g[3], 3, 3, 1, 1, 1, 1, 1, 1), r);
    }
    for (int trial = 0; trial < 10; trial++) {
      checkAccumulates(randomShape(r), r);
    }
  }

  private static void checkAccumulates(ConvShape s, Random r) {
    int taps = s.kh() * s.kw();
    float[] x = Naive.random(r, s.h() * s.w() * s.cin());
    float[] w = Naive.random(r, taps * s.cin() * s.cout());
    float[] dy = Naive.random(r, s.pixels() * s.cout());
    float[] wt = new float[w.length];
    ConvBackward.transposeKernel(s, w, 0, wt, 0);
    float[] dx0 = Naive.random(r, x.length);
    float[] dw0 = Naive.random(r, w.length);
    float[] dx = dx0.clone();
    float[] dw = dw0.clone();
    VectorConvBackward.inputGrad(s, wt, 0, dy, 0, dx, 0);
    VectorConvBackward.weightGrad(s, x, 0, dy, 0, dw, 0);
    double[] dxRef = Naive.convGrad(s, Naive.widen(x), Naive.widen(w), dy, true);
    double[] dwRef = Naive.convGrad(s, Naive.widen(x), Naive.widen(w), dy, false);
    for (int i = 0; i < dxRef.length; i++) {
      dxRef[i] += dx0[i];
    }
    for (int i = 0; i < dwRef.length; i++) {
      dwRef[i] += dw0[i];
    }
    assertTrue(Naive.relError(dx, 0, dxRef) < TOL, "dX += " + s);
    assertTrue(Naive.relError(dw, 0, dwRef) < TOL, "dW += " + s);
  }

  private static void check(boolean simd, Random r) {
    for (int trial = 0; trial < 30; trial++) {
      checkOne(simd, randomShape(r), r);
    }
  }

  static ConvShape randomShape(Random r) {
    while (true) {
      int kh = 1 + r.nextInt(5);
      int kw = 1 + r.nextInt(5);
      int sh = 1 + r.nextInt(2);
      int sw = 1 + r.nextInt(3);
      int dh = 1 + r.nextInt(2);
      int dw = 1 + r.nextInt(2);
      int h = 1 + r.nextInt(12);
      int w = 1 + r.nextInt(12);
      int pt = r.nextInt((kh - 1) * dh + 1);
      int pl = r.nextInt((kw - 1) * dw + 1);
      int pb = r.nextInt((kh - 1) * dh + 1);
      int pr = r.nextInt((kw - 1) * dw + 1);
      int oh = Math.floorDiv(h + pt + pb - (kh - 1) * dh - 1, sh) + 1;
      int ow = Math.floorDiv(w + pl + pr - (kw - 1) * dw - 1, sw) + 1;
      if (oh >= 1 && ow >= 1) {
        int cin = CHANNELS[r.nextInt(CHANNELS.length)];
        int cout = CHANNELS[r.nextInt(CHANNELS.length)];
        return new ConvShape(h, w, cin, oh, ow, cout, kh, kw, sh, sw, dh, dw, pt, pl);
      }
    }
  }

  private static void checkOne(boolean simd, ConvShape s, Random r) {
    int taps = s.kh() * s.kw();
    float[] x = Naive.random(r, 3 + s.h() * s.w() * s.cin());
    float[] w = Naive.random(r, taps * s.cin() * s.cout());
    float[] dy = Naive.random(r, 1 + s.pixels() * s.cout());
    float[] wt = new float[w.length + 2];
    ConvBackward.transposeKernel(s, w, 0, wt, 2);
    float[] dx = new float[x.length];
    float[] dw = new float[w.length + 4];
    float[] db = new float[s.cout()];
    if (simd) {
      VectorConvBackward.inputGrad(s, wt, 2, dy, 1, dx, 3);
      VectorConvBackward.weightGrad(s, x, 3, dy, 1, dw, 4);
      VectorMatMul.biasGrad(s.pixels(), s.cout(), dy, 1, s.cout(), db, 0);
    } else {
      ScalarConvBackward.inputGrad(s, wt, 2, dy, 1, dx, 3);
      ScalarConvBackward.weightGrad(s, x, 3, dy, 1, dw, 4, 0);
      ScalarMatMul.biasGrad(s.pixels(), s.cout(), dy, 1, s.cout(), db, 0);
    }
    double[] xd = Naive.widen(java.util.Arrays.copyOfRange(x, 3, x.length));
    double[] wd = Naive.widen(w);
    float[] g = java.util.Arrays.copyOfRange(dy, 1, dy.length);
    String what = s.toString();
    double[] dxRef = Naive.convGrad(s, xd, wd, g, true);
    double[] dwRef = Naive.convGrad(s, xd, wd, g, false);
    assertTrue(Naive.relError(dx, 3, dxRef) < TOL, "dX " + what);
    assertTrue(Naive.relError(dw, 4, dwRef) < TOL, "dW " + what);
    finiteDifferences(s, xd, wd, g, dx, 3, true, r);
    finiteDifferences(s, xd, wd, g, dw, 4, false, r);
    double[] dbRef = new double[s.cout()];
    for (int i = 0; i < g.length; i++) {
      dbRef[i % s.cout()] += g[i];
    }
    assertTrue(Naive.relError(db, 0, dbRef) < TOL, "db " + what);
  }

  /** Central differences of sum(g * conv(x, w)) at a few random x (or w) against the kernel. */
  private static void finiteDifferences(
      ConvShape s, double[] x, double[] w, float[] g, float[] got, int off, boolean dx, Random r) {
    double[] v = dx ? x : w;
    double h = 1e-3;
    for (int k = 0; k < 4; k++) {
      int i = r.nextInt(v.length);
      double keep = v[i];
      v[i] = keep + h;
      double up = Naive.dot(Naive.conv(s, x, w), g);
      v[i] = keep - h;
      double down = Naive.dot(Naive.conv(s, x, w), g);
      v[i] = keep;
      double fd = (up - down) / (2 * h);
      assertTrue(
          Math.abs(fd - got[off + i]) < 1e-3 * Math.max(1, Math.abs(fd)),
          (dx ? "dX[" : "dW[") + i + "] " + got[off + i] + " vs finite difference " + fd + " " + s);
    }
  }
}

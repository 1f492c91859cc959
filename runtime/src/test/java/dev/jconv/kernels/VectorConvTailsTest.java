package dev.jconv.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The SIMD convolution backward against its scalar twin on every channel count from 1 to 40, so the
 * channel tails ({@link VectorConvTails}) run at whatever width the JVM was given ({@code
 * -Djconv.simd.bits=128, 256, 512}): tails of a few lanes, of all but one, the overlapping last
 * vector and vectors wider than a pixel. Each case runs twice: with the regions at the ends of
 * their arrays (a vector may not read past them) and inside arrays filled with NaN (a vector may
 * read there but must neither write there nor let a NaN into a gradient).
 */
class VectorConvTailsTest {
  private static final double TOL = 2e-5;
  private static final int[] SEED_CHANNELS = {1, 3, 8, 16, 17, 24};

  @Test
  void everyChannelCountMatchesScalar() {
    Random r = new Random(21);
    for (int cin = 1; cin <= 40; cin++) {
      for (int cout = 1; cout <= 40; cout++) {
        checkBoth(geometry(r, cin, cout), r);
      }
    }
  }

  @Test
  void seedNetworkChannelsMatchScalar() {
    Random r = new Random(22);
    for (int cin : SEED_CHANNELS) {
      for (int cout : SEED_CHANNELS) {
        for (int k : new int[] {3, 5}) {
          int h = 4 + r.nextInt(9);
          int w = 4 + r.nextInt(9);
          int p = k / 2;
          checkBoth(new ConvShape(h, w, cin, h, w, cout, k, k, 1, 1, 1, 1, p, p), r);
        }
      }
    }
  }

  @Test
  void randomGeometriesMatchScalar() {
    Random r = new Random(23);
    for (int trial = 0; trial < 300; trial++) {
      checkBoth(geometry(r, 1 + r.nextInt(40), 1 + r.nextInt(40)), r);
    }
  }

  /** A random kernel, stride, dilation and padding with an output of at least one pixel. */
  private static ConvShape geometry(Random r, int cin, int cout) {
    while (true) {
      int kh = 1 + r.nextInt(5);
      int kw = 1 + r.nextInt(5);
      int sh = 1 + r.nextInt(2);
      int sw = 1 + r.nextInt(3);
      int dh = 1 + r.nextInt(2);
      int dw = 1 + r.nextInt(2);
      int h = 1 + r.nextInt(10);
      int w = 1 + r.nextInt(10);
      int pt = r.nextInt((kh - 1) * dh + 1);
      int pl = r.nextInt((kw - 1) * dw + 1);
      int pb = r.nextInt((kh - 1) * dh + 1);
      int pr = r.nextInt((kw - 1) * dw + 1);
      int oh = Math.floorDiv(h + pt + pb - (kh - 1) * dh - 1, sh) + 1;
      int ow = Math.floorDiv(w + pl + pr - (kw - 1) * dw - 1, sw) + 1;
      if (oh >= 1 && ow >= 1) {
        return new ConvShape(h, w, cin, oh, ow, cout, kh, kw, sh, sw, dh, dw, pt, pl);
      }
    }
  }

  private static void checkBoth(ConvShape s, Random r) {
    check(s, r, 0);
    check(s, r, 1 + r.nextInt(40));
  }

  /**
   * Both kernels on the same random data, accumulating into random gradients; with {@code pad > 0}
   * every region sits in an array with {@code pad} NaNs before and after it.
   */
  private static void check(ConvShape s, Random r, int pad) {
    int taps = s.kh() * s.kw();
    int xn = s.h() * s.w() * s.cin();
    int wn = taps * s.cin() * s.cout();
    int yn = s.pixels() * s.cout();
    float[] x = padded(Naive.random(r, xn), pad);
    float[] wt = padded(Naive.random(r, wn), pad);
    float[] dy = padded(Naive.random(r, yn), pad);
    float[] dx = padded(Naive.random(r, xn), pad);
    float[] dw = padded(Naive.random(r, wn), pad);
    float[] dxRef = dx.clone();
    float[] dwRef = dw.clone();
    VectorConvBackward.inputGrad(s, wt, pad, dy, pad, dx, pad);
    VectorConvBackward.weightGrad(s, x, pad, dy, pad, dw, pad);
    ScalarConvBackward.inputGrad(s, wt, pad, dy, pad, dxRef, pad);
    ScalarConvBackward.weightGrad(s, x, pad, dy, pad, dwRef, pad, 0);
    assertClose(dx, dxRef, pad, xn, "dX " + s + " pad " + pad);
    assertClose(dw, dwRef, pad, wn, "dW " + s + " pad " + pad);
  }

  private static float[] padded(float[] a, int pad) {
    float[] p = new float[a.length + 2 * pad];
    Arrays.fill(p, Float.NaN);
    System.arraycopy(a, 0, p, pad, a.length);
    return p;
  }

  private static void assertClose(float[] got, float[] want, int off, int n, String what) {
    double[] ref = new double[n];
    for (int i = 0; i < n; i++) {
      ref[i] = want[off + i];
    }
    assertTrue(Naive.relError(got, off, ref) < TOL, what);
    for (int i = 0; i < got.length; i++) {
      boolean inside = i >= off && i < off + n;
      assertTrue(inside ? Float.isFinite(got[i]) : Float.isNaN(got[i]), what + " at " + i);
    }
  }
}

package dev.jconv.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.parallel.Parallel;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The training BatchNormalization kernels, SIMD and scalar, against a double-precision reference
 * (statistics, output, moving statistics, input and parameter gradients) and finite differences of
 * that reference, on random channel counts from 1 to 70 (multiples of the vector length and not),
 * batch sizes, positions, offsets and strides; the two paths must agree to the bit.
 */
class BatchNormsTest {
  private static final double TOL = 1e-4;

  @Test
  void simdMatchesTheReference() {
    Random r = new Random(21);
    for (int trial = 0; trial < 40; trial++) {
      checkOne(true, r, 1 + r.nextInt(70), 1 + r.nextInt(5), 1 + r.nextInt(40));
    }
  }

  @Test
  void scalarMatchesTheReference() {
    Random r = new Random(22);
    for (int trial = 0; trial < 40; trial++) {
      checkOne(false, r, 1 + r.nextInt(70), 1 + r.nextInt(5), 1 + r.nextInt(40));
    }
  }

  @Test
  void vectorLengthMultiplesAndLongChunks() {
    Random r = new Random(23);
    for (boolean simd : new boolean[] {true, false}) {
      for (int c : new int[] {1, 8, 15, 16, 17, 32, 64}) {
        checkOne(simd, r, c, 2, 3);
      }
      // More positions than one float partial sum covers.
      checkOne(simd, r, 3, 2, BatchNorms.CHUNK + 37);
      checkOne(simd, r, 16, 1, BatchNorms.CHUNK + 5);
    }
  }

  @Test
  void bothPathsGiveTheSameBits() {
    Random r = new Random(24);
    for (int trial = 0; trial < 20; trial++) {
      int c = 1 + r.nextInt(70);
      int n = 1 + r.nextInt(4);
      int positions = 1 + r.nextInt(30);
      Case a = new Case(r, c, n, positions, r.nextBoolean(), r.nextBoolean());
      Case b = a.copy();
      a.run(true);
      b.run(false);
      assertArrayEquals(a.y, b.y, "y c=" + c);
      assertArrayEquals(a.dx, b.dx, "dx c=" + c);
      assertArrayEquals(a.g, b.g, "g c=" + c);
      assertArrayEquals(a.w, b.w, "moving statistics c=" + c);
    }
  }

  @Test
  void threadCountsGiveTheSameBits() {
    Random r = new Random(25);
    int before = Parallel.threads();
    try {
      for (int trial = 0; trial < 12; trial++) {
        boolean simd = trial % 2 == 0;
        Case a = new Case(r, 1 + r.nextInt(70), 1 + r.nextInt(6), 1 + r.nextInt(30), true, true);
        Case b = a.copy();
        Case cc = a.copy();
        Parallel.setThreads(1);
        a.run(simd);
        Parallel.setThreads(2);
        b.run(simd);
        Parallel.setThreads(3);
        cc.run(simd);
        for (Case k : new Case[] {b, cc}) {
          assertArrayEquals(a.y, k.y, "y c=" + a.c);
          assertArrayEquals(a.dx, k.dx, "dx c=" + a.c);
          assertArrayEquals(a.g, k.g, "g c=" + a.c);
          assertArrayEquals(a.w, k.w, "moving statistics c=" + a.c);
        }
      }
    } finally {
      Parallel.setThreads(before);
    }
  }

  private static void checkOne(boolean simd, Random r, int c, int n, int positions) {
    boolean scale = r.nextInt(4) != 0;
    boolean center = r.nextInt(4) != 0;
    Case k = new Case(r, c, n, positions, scale, center);
    Reference ref = new Reference(k);
    k.run(simd);
    String what = (simd ? "simd" : "scalar") + " c=" + c + " n=" + n + " positions=" + positions;
    int m = positions * c;
    for (int e = 0; e < n; e++) {
      for (int i = 0; i < m; i++) {
        near(ref.y[e * m + i], k.y[k.yo + e * k.ys + i], "y " + what);
        near(ref.dx[e * m + i], k.dx[k.dxo + e * k.dxs + i] - k.dx0[k.dxo + e * k.dxs + i], what);
      }
    }
    for (int ch = 0; ch < c; ch++) {
      near(ref.mean[ch], k.st[k.so + ch], "mean " + what);
      near(1 / Math.sqrt(ref.var[ch] + k.eps), k.st[k.so + c + ch], "invstd " + what);
      near(
          k.w0[k.mm + ch] * k.momentum + ref.mean[ch] * (1 - k.momentum),
          k.w[k.mm + ch],
          "moving mean " + what);
      near(
          k.w0[k.mv + ch] * k.momentum + ref.var[ch] * (1 - k.momentum),
          k.w[k.mv + ch],
          "moving variance " + what);
      if (scale) {
        near(ref.dGamma[ch], k.g[k.gamma + ch], "dgamma " + what);
      }
      if (center) {
        near(ref.dBeta[ch], k.g[k.beta + ch], "dbeta " + what);
      }
    }
    // Finite differences of the double reference at a few inputs and parameters.
    double h = 1e-4;
    for (int t = 0; t < 3; t++) {
      int e = r.nextInt(n);
      int i = r.nextInt(m);
      int at = k.xo + e * k.xs + i;
      double fd = ref.fd(k, k.x, at, h);
      double got = k.dx[k.dxo + e * k.dxs + i] - k.dx0[k.dxo + e * k.dxs + i];
      assertTrue(
          Math.abs(fd - got) < 2e-3 * Math.max(1, Math.abs(fd)),
          "dx " + got + " vs finite difference " + fd + " " + what);
      int ch = r.nextInt(c);
      if (scale) {
        double fg = ref.fd(k, k.w, k.gamma + ch, h);
        assertTrue(
            Math.abs(fg - k.g[k.gamma + ch]) < 2e-3 * Math.max(1, Math.abs(fg)),
            "dgamma vs finite difference " + what);
      }
      if (center) {
        double fb = ref.fd(k, k.w, k.beta + ch, h);
        assertTrue(
            Math.abs(fb - k.g[k.beta + ch]) < 2e-3 * Math.max(1, Math.abs(fb)),
            "dbeta vs finite difference " + what);
      }
    }
  }

  private static void near(double want, double got, String what) {
    assertTrue(
        Math.abs(want - got) <= TOL * Math.max(1, Math.abs(want)),
        what + ": " + got + " vs " + want);
  }

  /** One random layer: arrays with offsets and padded example strides. */
  private static final class Case {
    final int c;
    final int n;
    final int positions;
    final int xo;
    final int xs;
    final int yo;
    final int ys;
    final int dyo;
    final int dys;
    final int dxo;
    final int dxs;
    final int so;
    final int gamma;
    final int beta;
    final int mm;
    final int mv;
    final double momentum = 0.9;
    final double eps = 1e-3;
    float[] x;
    float[] y;
    float[] dy;
    float[] dx;
    float[] dx0;
    float[] w;
    float[] w0;
    float[] g;
    float[] st;

    Case(Random r, int c, int n, int positions, boolean scale, boolean center) {
      this.c = c;
      this.n = n;
      this.positions = positions;
      int m = positions * c;
      xo = r.nextInt(5);
      xs = m + r.nextInt(4);
      yo = r.nextInt(5);
      ys = m + r.nextInt(4);
      dyo = r.nextInt(5);
      dys = m + r.nextInt(4);
      dxo = r.nextInt(5);
      dxs = m + r.nextInt(4);
      so = r.nextInt(5);
      int off = r.nextInt(3);
      gamma = scale ? off : -1;
      off += scale ? c : 0;
      beta = center ? off : -1;
      off += center ? c : 0;
      mm = off;
      mv = off + c;
      x = new float[xo + n * xs];
      // An offset per channel that a one-pass variance without a shift would cancel badly on.
      float[] shift = Naive.random(r, c);
      for (int e = 0; e < n; e++) {
        for (int i = 0; i < m; i++) {
          x[xo + e * xs + i] = 20f * shift[i % c] + 2f * (r.nextFloat() - 0.5f);
        }
      }
      y = new float[yo + n * ys];
      dy = Naive.random(r, dyo + n * dys);
      dx = Naive.random(r, dxo + n * dxs);
      dx0 = dx.clone();
      w = Naive.random(r, mv + c);
      for (int ch = 0; ch < c; ch++) {
        w[mv + ch] = Math.abs(w[mv + ch]) + 0.5f;
      }
      w0 = w.clone();
      g = Naive.random(r, w.length);
      st = new float[so + BatchNorms.STATS * c];
    }

    private Case(Case o) {
      c = o.c;
      n = o.n;
      positions = o.positions;
      xo = o.xo;
      xs = o.xs;
      yo = o.yo;
      ys = o.ys;
      dyo = o.dyo;
      dys = o.dys;
      dxo = o.dxo;
      dxs = o.dxs;
      so = o.so;
      gamma = o.gamma;
      beta = o.beta;
      mm = o.mm;
      mv = o.mv;
      x = o.x.clone();
      y = o.y.clone();
      dy = o.dy.clone();
      dx = o.dx.clone();
      dx0 = o.dx0.clone();
      w = o.w.clone();
      w0 = o.w0.clone();
      g = o.g.clone();
      st = o.st.clone();
    }

    Case copy() {
      return new Case(this);
    }

    /** The forward, then the backward, with the parameter gradients added to a zeroed {@code g}. */
    void run(boolean simd) {
      g = new float[g.length];
      BatchNorms.trainForward(
          simd, x, xo, xs, y, yo, ys, n, positions, c, w, gamma, beta, mm, mv, momentum, eps, st,
          so);
      BatchNorms.trainBackward(
          simd, x, xo, xs, dy, dyo, dys, dx, dxo, dxs, n, positions, c, w, gamma, beta, g, st, so);
      if (gamma < 0 && beta < 0) {
        assertEquals(0f, sum(g), "no parameter gradients without gamma and beta");
      }
    }

    private static float sum(float[] a) {
      float s = 0;
      for (float v : a) {
        s += Math.abs(v);
      }
      return s;
    }
  }

  /** The layer in double precision from the case's inputs (before the kernels ran). */
  private static final class Reference {
    final double[] mean;
    final double[] var;
    final double[] y;
    final double[] dx;
    final double[] dGamma;
    final double[] dBeta;

    Reference(Case k) {
      int c = k.c;
      int m = k.positions * c;
      mean = new double[c];
      var = new double[c];
      y = forward(k, k.x, k.w, mean, var);
      double count = (double) k.n * k.positions;
      dGamma = new double[c];
      dBeta = new double[c];
      for (int e = 0; e < k.n; e++) {
        for (int i = 0; i < m; i++) {
          int ch = i % c;
          double xhat = (k.x[k.xo + e * k.xs + i] - mean[ch]) / Math.sqrt(var[ch] + k.eps);
          double d = k.dy[k.dyo + e * k.dys + i];
          dGamma[ch] += d * xhat;
          dBeta[ch] += d;
        }
      }
      dx = new double[k.n * m];
      for (int e = 0; e < k.n; e++) {
        for (int i = 0; i < m; i++) {
          int ch = i % c;
          double inv = 1 / Math.sqrt(var[ch] + k.eps);
          double xhat = (k.x[k.xo + e * k.xs + i] - mean[ch]) * inv;
          double gm = k.gamma < 0 ? 1 : k.w[k.gamma + ch];
          double d = k.dy[k.dyo + e * k.dys + i];
          dx[e * m + i] = gm * inv * (d - dBeta[ch] / count - xhat * dGamma[ch] / count);
        }
      }
    }

    static double[] forward(Case k, float[] x, float[] w, double[] mean, double[] var) {
      int c = k.c;
      int m = k.positions * c;
      double count = (double) k.n * k.positions;
      for (int e = 0; e < k.n; e++) {
        for (int i = 0; i < m; i++) {
          mean[i % c] += x[k.xo + e * k.xs + i] / count;
        }
      }
      for (int e = 0; e < k.n; e++) {
        for (int i = 0; i < m; i++) {
          double v = x[k.xo + e * k.xs + i] - mean[i % c];
          var[i % c] += v * v / count;
        }
      }
      double[] y = new double[k.n * m];
      for (int e = 0; e < k.n; e++) {
        for (int i = 0; i < m; i++) {
          int ch = i % c;
          double xhat = (x[k.xo + e * k.xs + i] - mean[ch]) / Math.sqrt(var[ch] + k.eps);
          y[e * m + i] =
              (k.gamma < 0 ? 1 : w[k.gamma + ch]) * xhat + (k.beta < 0 ? 0 : w[k.beta + ch]);
        }
      }
      return y;
    }

    /** d/d a[i] of sum(dy * y), by central differences in double (a is x or w). */
    double fd(Case k, float[] a, int i, double h) {
      double up = loss(k, a, i, a[i] + h);
      double down = loss(k, a, i, a[i] - h);
      return (up - down) / (2 * h);
    }

    private static double loss(Case k, float[] a, int i, double v) {
      // Evaluate with a[i] = v exactly: widen to double through a copy of the arrays.
      double[] x = new double[k.x.length];
      double[] w = new double[k.w0.length];
      for (int j = 0; j < x.length; j++) {
        x[j] = k.x[j];
      }
      for (int j = 0; j < w.length; j++) {
        w[j] = k.w0[j];
      }
      if (a == k.x) {
        x[i] = v;
      } else {
        w[i] = v;
      }
      int c = k.c;
      int m = k.positions * c;
      double count = (double) k.n * k.positions;
      double[] mean = new double[c];
      double[] var = new double[c];
      for (int e = 0; e < k.n; e++) {
        for (int j = 0; j < m; j++) {
          mean[j % c] += x[k.xo + e * k.xs + j] / count;
        }
      }
      for (int e = 0; e < k.n; e++) {
        for (int j = 0; j < m; j++) {
          double d = x[k.xo + e * k.xs + j] - mean[j % c];
          var[j % c] += d * d / count;
        }
      }
      double total = 0;
      for (int e = 0; e < k.n; e++) {
        for (int j = 0; j < m; j++) {
          int ch = j % c;
          double xhat = (x[k.xo + e * k.xs + j] - mean[ch]) / Math.sqrt(var[ch] + k.eps);
          double yv =
              (k.gamma < 0 ? 1 : w[k.gamma + ch]) * xhat + (k.beta < 0 ? 0 : w[k.beta + ch]);
          total += k.dy[k.dyo + e * k.dys + j] * yv;
        }
      }
      return total;
    }
  }
}

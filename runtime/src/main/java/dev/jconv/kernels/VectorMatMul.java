package dev.jconv.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MatMul} on {@code FloatVector} lanes: register blocks of 4 rows x 3 vectors (12
 * independent accumulators, {@code acc = x.fma(w, acc)}), the reduction dimension cut into blocks
 * of {@link #KC} so that a panel of weights stays in cache while every block of rows passes over it
 * (the forward copies the panels out of W first, from {@link #PACK_ROWS} rows on, since W's rows
 * are thousands of bytes apart); single-vector groups and scalar loops take the columns that do not
 * fill 3 vectors. Loaded only when {@link VectorSupport#enabled()}.
 */
final class VectorMatMul {
  private static final VectorSpecies<Float> S = Lanes.SPECIES;
  private static final int L = S.length();

  /** Reduction rows per cache block: 128 rows x 3 vectors of weights is 24 KB at 16 lanes. */
  static final int KC = 128;

  /** Columns of W that {@link #forward} packs at once: 384 x {@link #KC} rows is 192 KB. */
  static final int NC = 384 / (3 * L) * (3 * L);

  /** Rows from which {@link #forward} packs the weights: below, the copy costs more. */
  static final int PACK_ROWS = 8;

  /** One thread's packed weights: {@link #NC} columns x {@link #KC} rows, panel by panel. */
  private static final ThreadLocal<float[]> PANELS =
      ThreadLocal.withInitial(() -> new float[KC * NC]);

  /** Inputs per block of X transposed by {@link #weightRows}. */
  static final int KX = 64;

  /**
   * One thread's copies for {@link #weightRows}: dY's column panels and a block of X transposed;
   * grown to the largest product seen, then reused.
   */
  private static final ThreadLocal<float[][]> GRAD_BUFFERS =
      ThreadLocal.withInitial(() -> new float[][] {new float[0], new float[0]});

  /** Per thread: the lanes of 12 accumulators, summed in scalar code by {@link #laneSum}. */
  private static final ThreadLocal<float[]> SUMS = ThreadLocal.withInitial(() -> new float[12 * L]);

  /** The L lanes from {@code at}, added first to last: the same bits before and after the JIT. */
  private static float laneSum(float[] t, int at) {
    float s = t[at];
    for (int i = 1; i < L; i++) {
      s += t[at + i];
    }
    return s;
  }

  private VectorMatMul() {}

  static void forward(
      MatMul.Dims d, float[] x, int xo, float[] w, int wo, float[] b, int bo, float[] y, int yo) {
    int full = d.out() / (3 * L) * (3 * L);
    if (d.n() >= PACK_ROWS) {
      // Rows of W are d.out() floats apart (4 KB for 1024 outputs): a panel read in place maps onto
      // a few cache sets and is evicted before the next block of rows reuses it. Packed, it stays;
      // and W is read row by row, as it lies in memory.
      float[] panels = PANELS.get();
      for (int jc = 0; jc < full; jc += NC) {
        int jn = Math.min(NC, full - jc);
        for (int k0 = 0; k0 < d.in(); k0 += KC) {
          int k1 = Math.min(d.in(), k0 + KC);
          int kn = k1 - k0;
          for (int k = k0; k < k1; k++) {
            int from = wo + k * d.out() + jc;
            int to = (k - k0) * 3 * L;
            for (int q = 0; q < jn; q += 3 * L) {
              System.arraycopy(w, from + q, panels, to + q * kn, 3 * L);
            }
          }
          for (int q = 0; q < jn; q += 3 * L) {
            blocks4x3(d, x, xo, panels, q * kn, 3 * L, b, bo, y, yo, jc + q, k0, k1);
          }
        }
      }
    } else {
      for (int j = 0; j < full; j += 3 * L) {
        for (int k0 = 0; k0 < d.in(); k0 += KC) {
          int k1 = Math.min(d.in(), k0 + KC);
          blocks4x3(d, x, xo, w, wo + k0 * d.out() + j, d.out(), b, bo, y, yo, j, k0, k1);
        }
      }
    }
    int j = full;
    for (; j + L <= d.out(); j += L) {
      for (int k0 = 0; k0 < d.in(); k0 += KC) {
        int k1 = Math.min(d.in(), k0 + KC);
        blocks4x1(d, x, xo, w, wo + k0 * d.out() + j, d.out(), b, bo, y, yo, j, k0, k1);
      }
    }
    ScalarMatMul.forwardColumns(d, x, xo, w, wo, b, bo, y, yo, j);
  }

  /** Columns {@code [j, j + 3L)} of every row over reduction rows {@code [k0, k1)}. */
  private static void blocks4x3(
      MatMul.Dims d,
      float[] x,
      int xo,
      float[] p,
      int po,
      int ps,
      float[] b,
      int bo,
      float[] y,
      int yo,
      int j,
      int k0,
      int k1) {
    int i = 0;
    for (; i + 4 <= d.n(); i += 4) {
      block4x3(d, x, xo, p, po, ps, b, bo, y, yo, i, j, k0, k1);
    }
    for (; i < d.n(); i++) {
      row1x3(d, x, xo, p, po, ps, b, bo, y, yo, i, j, k0, k1);
    }
  }

  /** Columns {@code [j, j + L)} of every row over reduction rows {@code [k0, k1)}. */
  private static void blocks4x1(
      MatMul.Dims d,
      float[] x,
      int xo,
      float[] p,
      int po,
      int ps,
      float[] b,
      int bo,
      float[] y,
      int yo,
      int j,
      int k0,
      int k1) {
    int i = 0;
    for (; i + 4 <= d.n(); i += 4) {
      block4x1(d, x, xo, p, po, ps, b, bo, y, yo, i, j, k0, k1);
    }
    for (; i < d.n(); i++) {
      row1x1(d, x, xo, p, po, ps, b, bo, y, yo, i, j, k0, k1);
    }
  }

  private static FloatVector start(float[] b, int bo, float[] y, int yi, int j, int k0) {
    if (k0 > 0) {
      return FloatVector.fromArray(S, y, yi + j);
    }
    return b == null ? FloatVector.zero(S) : FloatVector.fromArray(S, b, bo + j);
  }

  // The weights of reduction row k start at p[po + (k - k0) * ps]: W itself or a packed panel.
  private static void block4x3(
      MatMul.Dims d,
      float[] x,
      int xo,
      float[] p,
      int po,
      int ps,
      float[] b,
      int bo,
      float[] y,
      int yo,
      int i,
      int j,
      int k0,
      int k1) {
    int y0 = yo + i * d.ldy();
    int y1 = y0 + d.ldy();
    int y2 = y1 + d.ldy();
    int y3 = y2 + d.ldy();
    FloatVector c00 = start(b, bo, y, y0, j, k0);
    FloatVector c01 = start(b, bo, y, y0, j + L, k0);
    FloatVector c02 = start(b, bo, y, y0, j + 2 * L, k0);
    FloatVector c10 = start(b, bo, y, y1, j, k0);
    FloatVector c11 = start(b, bo, y, y1, j + L, k0);
    FloatVector c12 = start(b, bo, y, y1, j + 2 * L, k0);
    FloatVector c20 = start(b, bo, y, y2, j, k0);
    FloatVector c21 = start(b, bo, y, y2, j + L, k0);
    FloatVector c22 = start(b, bo, y, y2, j + 2 * L, k0);
    FloatVector c30 = start(b, bo, y, y3, j, k0);
    FloatVector c31 = start(b, bo, y, y3, j + L, k0);
    FloatVector c32 = start(b, bo, y, y3, j + 2 * L, k0);
    int x0 = xo + i * d.ldx();
    int x1 = x0 + d.ldx();
    int x2 = x1 + d.ldx();
    int x3 = x2 + d.ldx();
    for (int k = k0, wk = po; k < k1; k++, wk += ps) {
      FloatVector w0 = FloatVector.fromArray(S, p, wk);
      FloatVector w1 = FloatVector.fromArray(S, p, wk + L);
      FloatVector w2 = FloatVector.fromArray(S, p, wk + 2 * L);
      FloatVector a = FloatVector.broadcast(S, x[x0 + k]);
      c00 = a.fma(w0, c00);
      c01 = a.fma(w1, c01);
      c02 = a.fma(w2, c02);
      a = FloatVector.broadcast(S, x[x1 + k]);
      c10 = a.fma(w0, c10);
      c11 = a.fma(w1, c11);
      c12 = a.fma(w2, c12);
      a = FloatVector.broadcast(S, x[x2 + k]);
      c20 = a.fma(w0, c20);
      c21 = a.fma(w1, c21);
      c22 = a.fma(w2, c22);
      a = FloatVector.broadcast(S, x[x3 + k]);
      c30 = a.fma(w0, c30);
      c31 = a.fma(w1, c31);
      c32 = a.fma(w2, c32);
    }
    c00.intoArray(y, y0 + j);
    c01.intoArray(y, y0 + j + L);
    c02.intoArray(y, y0 + j + 2 * L);
    c10.intoArray(y, y1 + j);
    c11.intoArray(y, y1 + j + L);
    c12.intoArray(y, y1 + j + 2 * L);
    c20.intoArray(y, y2 + j);
    c21.intoArray(y, y2 + j + L);
    c22.intoArray(y, y2 + j + 2 * L);
    c30.intoArray(y, y3 + j);
    c31.intoArray(y, y3 + j + L);
    c32.intoArray(y, y3 + j + 2 * L);
  }

  private static void row1x3(
      MatMul.Dims d,
      float[] x,
      int xo,
      float[] p,
      int po,
      int ps,
      float[] b,
      int bo,
      float[] y,
      int yo,
      int i,
      int j,
      int k0,
      int k1) {
    int y0 = yo + i * d.ldy();
    FloatVector c0 = start(b, bo, y, y0, j, k0);
    FloatVector c1 = start(b, bo, y, y0, j + L, k0);
    FloatVector c2 = start(b, bo, y, y0, j + 2 * L, k0);
    int x0 = xo + i * d.ldx();
    for (int k = k0, wk = po; k < k1; k++, wk += ps) {
      FloatVector a = FloatVector.broadcast(S, x[x0 + k]);
      c0 = a.fma(FloatVector.fromArray(S, p, wk), c0);
      c1 = a.fma(FloatVector.fromArray(S, p, wk + L), c1);
      c2 = a.fma(FloatVector.fromArray(S, p, wk + 2 * L), c2);
    }
    c0.intoArray(y, y0 + j);
    c1.intoArray(y, y0 + j + L);
    c2.intoArray(y, y0 + j + 2 * L);
  }

  // One column vector for 4 rows; sums in the same order as row1x1, so a row's result does not
  // depend on how the rows are blocked.
  private static void block4x1(
      MatMul.Dims d,
      float[] x,
      int xo,
      float[] p,
      int po,
      int ps,
      float[] b,
      int bo,
      float[] y,
      int yo,
      int i,
      int j,
      int k0,
      int k1) {
    int y0 = yo + i * d.ldy();
    int y1 = y0 + d.ldy();
    int y2 = y1 + d.ldy();
    int y3 = y2 + d.ldy();
    FloatVector c0 = start(b, bo, y, y0, j, k0);
    FloatVector c1 = start(b, bo, y, y1, j, k0);
    FloatVector c2 = start(b, bo, y, y2, j, k0);
    FloatVector c3 = start(b, bo, y, y3, j, k0);
    int x0 = xo + i * d.ldx();
    int x1 = x0 + d.ldx();
    int x2 = x1 + d.ldx();
    int x3 = x2 + d.ldx();
    for (int k = k0, wk = po; k < k1; k++, wk += ps) {
      FloatVector w0 = FloatVector.fromArray(S, p, wk);
      c0 = FloatVector.broadcast(S, x[x0 + k]).fma(w0, c0);
      c1 = FloatVector.broadcast(S, x[x1 + k]).fma(w0, c1);
      c2 = FloatVector.broadcast(S, x[x2 + k]).fma(w0, c2);
      c3 = FloatVector.broadcast(S, x[x3 + k]).fma(w0, c3);
    }
    c0.intoArray(y, y0 + j);
    c1.intoArray(y, y1 + j);
    c2.intoArray(y, y2 + j);
    c3.intoArray(y, y3 + j);
  }

  private static void row1x1(
      MatMul.Dims d,
      float[] x,
      int xo,
      float[] p,
      int po,
      int ps,
      float[] b,
      int bo,
      float[] y,
      int yo,
      int i,
      int j,
      int k0,
      int k1) {
    int y0 = yo + i * d.ldy();
    FloatVector c0 = start(b, bo, y, y0, j, k0);
    int x0 = xo + i * d.ldx();
    for (int k = k0, wk = po; k < k1; k++, wk += ps) {
      c0 = FloatVector.broadcast(S, x[x0 + k]).fma(FloatVector.fromArray(S, p, wk), c0);
    }
    c0.intoArray(y, y0 + j);
  }

  /**
   * dX += dY W^T: blocks of 4 weight rows x 3 example rows (12 dot products along the output
   * columns), so that a block of W (4 rows) stays in L1 while every example of the block passes
   * over it: W is read from memory once per call instead of once per example. Every dot product
   * sums in the same order as {@link #dots4} on one example, so the result does not depend on the
   * blocking.
   */
  static void backwardInput(
      MatMul.Dims d, float[] dy, int dyo, float[] w, int wo, float[] dx, int dxo) {
    float[] t = SUMS.get();
    int full = d.out() / L * L;
    int k = 0;
    for (; k + 4 <= d.in(); k += 4) {
      int wk = wo + k * d.out();
      int i = 0;
      for (; i + 3 <= d.n(); i += 3) {
        dots4x3(d, dy, dyo + i * d.ldy(), w, wk, full, dx, dxo + i * d.ldx() + k, t);
      }
      for (; i < d.n(); i++) {
        dots4(d, dy, dyo + i * d.ldy(), w, wk, full, dx, dxo + i * d.ldx() + k, t);
      }
    }
    for (; k < d.in(); k++) {
      for (int i = 0; i < d.n(); i++) {
        int r = dyo + i * d.ldy();
        dx[dxo + i * d.ldx() + k] += VectorBlas.dot(dy, r, w, wo + k * d.out(), d.out());
      }
    }
  }

  /** dX of 3 example rows ({@code r}, {@code r + ldy}, ...) at 4 weight rows from {@code wk}. */
  private static void dots4x3(
      MatMul.Dims d,
      float[] dy,
      int r,
      float[] w,
      int wk,
      int full,
      float[] dx,
      int xk,
      float[] t) {
    int o = d.out();
    int r1 = r + d.ldy();
    int r2 = r1 + d.ldy();
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = FloatVector.zero(S);
    FloatVector c02 = FloatVector.zero(S);
    FloatVector c03 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c11 = FloatVector.zero(S);
    FloatVector c12 = FloatVector.zero(S);
    FloatVector c13 = FloatVector.zero(S);
    FloatVector c20 = FloatVector.zero(S);
    FloatVector c21 = FloatVector.zero(S);
    FloatVector c22 = FloatVector.zero(S);
    FloatVector c23 = FloatVector.zero(S);
    for (int j = 0; j < full; j += L) {
      FloatVector w0 = FloatVector.fromArray(S, w, wk + j);
      FloatVector w1 = FloatVector.fromArray(S, w, wk + o + j);
      FloatVector w2 = FloatVector.fromArray(S, w, wk + 2 * o + j);
      FloatVector w3 = FloatVector.fromArray(S, w, wk + 3 * o + j);
      FloatVector g = FloatVector.fromArray(S, dy, r + j);
      c00 = g.fma(w0, c00);
      c01 = g.fma(w1, c01);
      c02 = g.fma(w2, c02);
      c03 = g.fma(w3, c03);
      g = FloatVector.fromArray(S, dy, r1 + j);
      c10 = g.fma(w0, c10);
      c11 = g.fma(w1, c11);
      c12 = g.fma(w2, c12);
      c13 = g.fma(w3, c13);
      g = FloatVector.fromArray(S, dy, r2 + j);
      c20 = g.fma(w0, c20);
      c21 = g.fma(w1, c21);
      c22 = g.fma(w2, c22);
      c23 = g.fma(w3, c23);
    }
    // Reduced in scalar code in one fixed order (laneSum): reduceLanes(ADD) sums in another order
    // once C2 compiles it on JDK 25, so the bits would depend on the JIT; a helper taking vectors
    // would box them whenever C2 does not inline it.
    c00.intoArray(t, 0);
    c01.intoArray(t, L);
    c02.intoArray(t, 2 * L);
    c03.intoArray(t, 3 * L);
    c10.intoArray(t, 4 * L);
    c11.intoArray(t, 5 * L);
    c12.intoArray(t, 6 * L);
    c13.intoArray(t, 7 * L);
    c20.intoArray(t, 8 * L);
    c21.intoArray(t, 9 * L);
    c22.intoArray(t, 10 * L);
    c23.intoArray(t, 11 * L);
    int ldx = d.ldx();
    tail4(dy, r, w, wk, o, full, t, 0, dx, xk);
    tail4(dy, r1, w, wk, o, full, t, 4 * L, dx, xk + ldx);
    tail4(dy, r2, w, wk, o, full, t, 8 * L, dx, xk + 2 * ldx);
  }

  /** Adds one example's column tail to its 4 reduced sums, then the sums to dX. */
  private static void tail4(
      float[] dy,
      int r,
      float[] w,
      int wk,
      int o,
      int full,
      float[] t,
      int at,
      float[] dx,
      int xk) {
    float s0 = laneSum(t, at);
    float s1 = laneSum(t, at + L);
    float s2 = laneSum(t, at + 2 * L);
    float s3 = laneSum(t, at + 3 * L);
    for (int j = full; j < o; j++) {
      float g = dy[r + j];
      s0 += g * w[wk + j];
      s1 += g * w[wk + o + j];
      s2 += g * w[wk + 2 * o + j];
      s3 += g * w[wk + 3 * o + j];
    }
    dx[xk] += s0;
    dx[xk + 1] += s1;
    dx[xk + 2] += s2;
    dx[xk + 3] += s3;
  }

  private static void dots4(
      MatMul.Dims d,
      float[] dy,
      int r,
      float[] w,
      int wk,
      int full,
      float[] dx,
      int xk,
      float[] t) {
    int o = d.out();
    FloatVector c0 = FloatVector.zero(S);
    FloatVector c1 = FloatVector.zero(S);
    FloatVector c2 = FloatVector.zero(S);
    FloatVector c3 = FloatVector.zero(S);
    for (int j = 0; j < full; j += L) {
      FloatVector g = FloatVector.fromArray(S, dy, r + j);
      c0 = g.fma(FloatVector.fromArray(S, w, wk + j), c0);
      c1 = g.fma(FloatVector.fromArray(S, w, wk + o + j), c1);
      c2 = g.fma(FloatVector.fromArray(S, w, wk + 2 * o + j), c2);
      c3 = g.fma(FloatVector.fromArray(S, w, wk + 3 * o + j), c3);
    }
    c0.intoArray(t, 0);
    c1.intoArray(t, L);
    c2.intoArray(t, 2 * L);
    c3.intoArray(t, 3 * L);
    float s0 = laneSum(t, 0);
    float s1 = laneSum(t, L);
    float s2 = laneSum(t, 2 * L);
    float s3 = laneSum(t, 3 * L);
    for (int j = full; j < o; j++) {
      float g = dy[r + j];
      s0 += g * w[wk + j];
      s1 += g * w[wk + o + j];
      s2 += g * w[wk + 2 * o + j];
      s3 += g * w[wk + 3 * o + j];
    }
    dx[xk] += s0;
    dx[xk + 1] += s1;
    dx[xk + 2] += s2;
    dx[xk + 3] += s3;
  }

  /** dW += X^T dY: blocks of 4 weight rows x 3 column vectors, summed over the examples. */
  static void backwardWeights(
      MatMul.Dims d, float[] x, int xo, float[] dy, int dyo, float[] dw, int dwo) {
    weightRows(d, 0, d.in(), x, xo, dy, dyo, dw, dwo, true);
  }

  /**
   * Rows {@code [k0, k1)} of dW = X^T dY ({@code add}: dW += X^T dY), summed over all the examples;
   * each element sums the examples in order, whatever {@code k0} and {@code k1}, so that rows split
   * over threads give the same result as one call.
   */
  static void weightRows(
      MatMul.Dims d,
      int k0,
      int k1,
      float[] x,
      int xo,
      float[] dy,
      int dyo,
      float[] dw,
      int dwo,
      boolean add) {
    int full = d.out() / (3 * L) * (3 * L);
    int j = 0;
    if (d.n() >= PACK_ROWS && full > 0) {
      packedWeightRows(d, k0, k1, x, xo, dy, dyo, dw, dwo, add, full);
      j = full;
    }
    for (; j + 3 * L <= d.out(); j += 3 * L) {
      int k = k0;
      for (; k + 4 <= k1; k += 4) {
        grad4x3(d, x, xo, dy, dyo, dw, dwo, k, j, add);
      }
      for (; k < k1; k++) {
        for (int v = 0; v < 3; v++) {
          grad1x1(d, x, xo, dy, dyo, dw, dwo, k, j + v * L, add);
        }
      }
    }
    for (; j + L <= d.out(); j += L) {
      for (int k = k0; k < k1; k++) {
        grad1x1(d, x, xo, dy, dyo, dw, dwo, k, j, add);
      }
    }
    ScalarMatMul.weightColumns(d, k0, k1, x, xo, dy, dyo, dw, dwo, j, add);
  }

  /**
   * Columns {@code [0, full)} of {@link #weightRows}, from copies: dY's panels of 3 vectors, each
   * example's after the other, and X transposed in blocks of 4 inputs, a block of {@link #KX}
   * inputs at a time. In a training workspace consecutive examples are a page or more apart, so the
   * 4x3 blocks would otherwise touch a new page on every load.
   */
  private static void packedWeightRows(
      MatMul.Dims d,
      int k0,
      int k1,
      float[] x,
      int xo,
      float[] dy,
      int dyo,
      float[] dw,
      int dwo,
      boolean add,
      int full) {
    int n = d.n();
    int o = d.out();
    int panel = n * 3 * L;
    float[][] buffers = GRAD_BUFFERS.get();
    if (buffers[0].length < n * full) {
      buffers[0] = new float[n * full];
    }
    if (buffers[1].length < n * KX) {
      buffers[1] = new float[n * KX];
    }
    float[] g = buffers[0];
    float[] xt = buffers[1];
    for (int j = 0; j < full; j += 3 * L) {
      int to = j / (3 * L) * panel;
      for (int i = 0; i < n; i++) {
        System.arraycopy(dy, dyo + i * d.ldy() + j, g, to + i * 3 * L, 3 * L);
      }
    }
    for (int kc = k0; kc < k1; kc += KX) {
      int kn = Math.min(KX, k1 - kc);
      int blocks = kn / 4;
      if (!add) {
        for (int k = kc; k < kc + kn; k++) {
          java.util.Arrays.fill(dw, dwo + k * o, dwo + k * o + full, 0f);
        }
      }
      for (int i = 0; i < n; i++) {
        int xi = xo + i * d.ldx() + kc;
        for (int t = 0; t < blocks * 4; t++) {
          xt[(t >> 2) * n * 4 + i * 4 + (t & 3)] = x[xi + t];
        }
      }
      for (int j = 0; j < full; j += 3 * L) {
        int gp = j / (3 * L) * panel;
        for (int q = 0; q < blocks; q++) {
          packed4x3(n, xt, q * n * 4, g, gp, dw, dwo + (kc + 4 * q) * o + j, o);
        }
        for (int k = kc + 4 * blocks; k < kc + kn; k++) {
          for (int v = 0; v < 3; v++) {
            grad1x1(d, x, xo, dy, dyo, dw, dwo, k, j + v * L, true);
          }
        }
      }
    }
  }

  /** dW[4 rows from w0, 3 vectors] += the packed X^T block at {@code xp} times dY's panel. */
  private static void packed4x3(
      int n, float[] xt, int xp, float[] g, int gp, float[] dw, int w0, int o) {
    FloatVector c00 = FloatVector.fromArray(S, dw, w0);
    FloatVector c01 = FloatVector.fromArray(S, dw, w0 + L);
    FloatVector c02 = FloatVector.fromArray(S, dw, w0 + 2 * L);
    FloatVector c10 = FloatVector.fromArray(S, dw, w0 + o);
    FloatVector c11 = FloatVector.fromArray(S, dw, w0 + o + L);
    FloatVector c12 = FloatVector.fromArray(S, dw, w0 + o + 2 * L);
    FloatVector c20 = FloatVector.fromArray(S, dw, w0 + 2 * o);
    FloatVector c21 = FloatVector.fromArray(S, dw, w0 + 2 * o + L);
    FloatVector c22 = FloatVector.fromArray(S, dw, w0 + 2 * o + 2 * L);
    FloatVector c30 = FloatVector.fromArray(S, dw, w0 + 3 * o);
    FloatVector c31 = FloatVector.fromArray(S, dw, w0 + 3 * o + L);
    FloatVector c32 = FloatVector.fromArray(S, dw, w0 + 3 * o + 2 * L);
    for (int i = 0, gi = gp, xi = xp; i < n; i++, gi += 3 * L, xi += 4) {
      FloatVector g0 = FloatVector.fromArray(S, g, gi);
      FloatVector g1 = FloatVector.fromArray(S, g, gi + L);
      FloatVector g2 = FloatVector.fromArray(S, g, gi + 2 * L);
      FloatVector a = FloatVector.broadcast(S, xt[xi]);
      c00 = a.fma(g0, c00);
      c01 = a.fma(g1, c01);
      c02 = a.fma(g2, c02);
      a = FloatVector.broadcast(S, xt[xi + 1]);
      c10 = a.fma(g0, c10);
      c11 = a.fma(g1, c11);
      c12 = a.fma(g2, c12);
      a = FloatVector.broadcast(S, xt[xi + 2]);
      c20 = a.fma(g0, c20);
      c21 = a.fma(g1, c21);
      c22 = a.fma(g2, c22);
      a = FloatVector.broadcast(S, xt[xi + 3]);
      c30 = a.fma(g0, c30);
      c31 = a.fma(g1, c31);
      c32 = a.fma(g2, c32);
    }
    c00.intoArray(dw, w0);
    c01.intoArray(dw, w0 + L);
    c02.intoArray(dw, w0 + 2 * L);
    c10.intoArray(dw, w0 + o);
    c11.intoArray(dw, w0 + o + L);
    c12.intoArray(dw, w0 + o + 2 * L);
    c20.intoArray(dw, w0 + 2 * o);
    c21.intoArray(dw, w0 + 2 * o + L);
    c22.intoArray(dw, w0 + 2 * o + 2 * L);
    c30.intoArray(dw, w0 + 3 * o);
    c31.intoArray(dw, w0 + 3 * o + L);
    c32.intoArray(dw, w0 + 3 * o + 2 * L);
  }

  // dW += c. Overwriting clears the block first, before any vector exists: a vector live across a
  // branch, or handed to a method that C2 does not inline, is boxed on JDK 17 (an allocation).
  private static void clear(float[] dw, int at, int rows, int rowStride, int width) {
    for (int r = 0; r < rows; r++) {
      java.util.Arrays.fill(dw, at + r * rowStride, at + r * rowStride + width, 0f);
    }
  }

  private static void grad4x3(
      MatMul.Dims d,
      float[] x,
      int xo,
      float[] dy,
      int dyo,
      float[] dw,
      int dwo,
      int k,
      int j,
      boolean add) {
    int o = d.out();
    int w0 = dwo + k * o + j;
    if (!add) {
      clear(dw, w0, 4, o, 3 * L);
    }
    FloatVector c00 = FloatVector.fromArray(S, dw, w0);
    FloatVector c01 = FloatVector.fromArray(S, dw, w0 + L);
    FloatVector c02 = FloatVector.fromArray(S, dw, w0 + 2 * L);
    FloatVector c10 = FloatVector.fromArray(S, dw, w0 + o);
    FloatVector c11 = FloatVector.fromArray(S, dw, w0 + o + L);
    FloatVector c12 = FloatVector.fromArray(S, dw, w0 + o + 2 * L);
    FloatVector c20 = FloatVector.fromArray(S, dw, w0 + 2 * o);
    FloatVector c21 = FloatVector.fromArray(S, dw, w0 + 2 * o + L);
    FloatVector c22 = FloatVector.fromArray(S, dw, w0 + 2 * o + 2 * L);
    FloatVector c30 = FloatVector.fromArray(S, dw, w0 + 3 * o);
    FloatVector c31 = FloatVector.fromArray(S, dw, w0 + 3 * o + L);
    FloatVector c32 = FloatVector.fromArray(S, dw, w0 + 3 * o + 2 * L);
    for (int i = 0; i < d.n(); i++) {
      int g = dyo + i * d.ldy() + j;
      int xi = xo + i * d.ldx() + k;
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
    }
    c00.intoArray(dw, w0);
    c01.intoArray(dw, w0 + L);
    c02.intoArray(dw, w0 + 2 * L);
    c10.intoArray(dw, w0 + o);
    c11.intoArray(dw, w0 + o + L);
    c12.intoArray(dw, w0 + o + 2 * L);
    c20.intoArray(dw, w0 + 2 * o);
    c21.intoArray(dw, w0 + 2 * o + L);
    c22.intoArray(dw, w0 + 2 * o + 2 * L);
    c30.intoArray(dw, w0 + 3 * o);
    c31.intoArray(dw, w0 + 3 * o + L);
    c32.intoArray(dw, w0 + 3 * o + 2 * L);
  }

  private static void grad1x1(
      MatMul.Dims d,
      float[] x,
      int xo,
      float[] dy,
      int dyo,
      float[] dw,
      int dwo,
      int k,
      int j,
      boolean add) {
    int at = dwo + k * d.out() + j;
    if (!add) {
      clear(dw, at, 1, 0, L);
    }
    FloatVector c = FloatVector.zero(S);
    for (int i = 0; i < d.n(); i++) {
      c =
          FloatVector.broadcast(S, x[xo + i * d.ldx() + k])
              .fma(FloatVector.fromArray(S, dy, dyo + i * d.ldy() + j), c);
    }
    FloatVector.fromArray(S, dw, at).add(c).intoArray(dw, at);
  }

  /** db += column sums of dY. */
  static void biasGrad(int n, int out, float[] dy, int dyo, int ldy, float[] db, int dbo) {
    int j = 0;
    for (; j + L <= out; j += L) {
      FloatVector c = FloatVector.fromArray(S, db, dbo + j);
      for (int i = 0; i < n; i++) {
        c = c.add(FloatVector.fromArray(S, dy, dyo + i * ldy + j));
      }
      c.intoArray(db, dbo + j);
    }
    for (; j < out; j++) {
      float s = db[dbo + j];
      for (int i = 0; i < n; i++) {
        s += dy[dyo + i * ldy + j];
      }
      db[dbo + j] = s;
    }
  }
}

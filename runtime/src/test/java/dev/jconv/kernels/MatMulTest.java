package dev.jconv.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The batched products, SIMD and scalar, against double loops on awkward sizes. */
class MatMulTest {
  private static final int[] SIZES = {1, 3, 7, 13, 17, 33, 50, 300};
  private static final double TOL = 1e-5;

  interface Kernels {
    void forward(MatMul.Dims d, float[] x, float[] w, float[] b, float[] y);

    void backward(MatMul.Dims d, float[] x, float[] w, float[] dy, float[] dx, float[] dw);
  }

  private static final Kernels SIMD =
      new Kernels() {
        @Override
        public void forward(MatMul.Dims d, float[] x, float[] w, float[] b, float[] y) {
          VectorMatMul.forward(d, x, 2, w, 1, b, 3, y, 5);
        }

        @Override
        public void backward(
            MatMul.Dims d, float[] x, float[] w, float[] dy, float[] dx, float[] dw) {
          VectorMatMul.backwardInput(d, dy, 5, w, 1, dx, 2);
          VectorMatMul.backwardWeights(d, x, 2, dy, 5, dw, 1);
        }
      };

  private static final Kernels SCALAR =
      new Kernels() {
        @Override
        public void forward(MatMul.Dims d, float[] x, float[] w, float[] b, float[] y) {
          ScalarMatMul.forwardColumns(d, x, 2, w, 1, b, 3, y, 5, 0);
        }

        @Override
        public void backward(
            MatMul.Dims d, float[] x, float[] w, float[] dy, float[] dx, float[] dw) {
          ScalarMatMul.backwardInput(d, dy, 5, w, 1, dx, 2);
          ScalarMatMul.weightColumns(d, x, 2, dy, 5, dw, 1, 0);
        }
      };

  @Test
  void simdMatchesTheReference() {
    check(SIMD, new Random(1));
  }

  @Test
  void scalarMatchesTheReference() {
    check(SCALAR, new Random(2));
  }

  private static void check(Kernels k, Random r) {
    for (int trial = 0; trial < 40; trial++) {
      int n = SIZES[r.nextInt(SIZES.length - 1)];
      int in = SIZES[r.nextInt(SIZES.length)];
      int out = SIZES[r.nextInt(SIZES.length)];
      MatMul.Dims d = new MatMul.Dims(n, in, out, in + r.nextInt(3), out + r.nextInt(3));
      checkOne(k, d, r);
    }
  }

  private static void checkOne(Kernels k, MatMul.Dims d, Random r) {
    String what = d.toString();
    float[] x = Naive.random(r, 2 + d.n() * d.ldx());
    float[] w = Naive.random(r, 1 + d.in() * d.out());
    float[] b = Naive.random(r, 3 + d.out());
    float[] y = new float[5 + d.n() * d.ldy()];
    k.forward(d, x, w, b, y);
    float[] dy = Naive.random(r, 5 + d.n() * d.ldy());
    float[] dx = Naive.random(r, x.length);
    float[] dw = Naive.random(r, w.length);
    float[] dx0 = dx.clone();
    float[] dw0 = dw.clone();
    k.backward(d, x, w, dy, dx, dw);
    for (int i = 0; i < d.n(); i++) {
      double[] yi = new double[d.out()];
      double[] dxi = new double[d.in()];
      for (int j = 0; j < d.out(); j++) {
        yi[j] = b[3 + j];
        for (int q = 0; q < d.in(); q++) {
          yi[j] += (double) x[2 + i * d.ldx() + q] * w[1 + q * d.out() + j];
          dxi[q] += (double) dy[5 + i * d.ldy() + j] * w[1 + q * d.out() + j];
        }
      }
      assertTrue(Naive.relError(y, 5 + i * d.ldy(), yi) < TOL, "Y " + what);
      for (int q = 0; q < d.in(); q++) {
        dxi[q] += dx0[2 + i * d.ldx() + q];
      }
      assertTrue(Naive.relError(dx, 2 + i * d.ldx(), dxi) < TOL, "dX " + what);
    }
    double[] dwRef = new double[d.in() * d.out()];
    for (int q = 0; q < d.in(); q++) {
      for (int j = 0; j < d.out(); j++) {
        double s = dw0[1 + q * d.out() + j];
        for (int i = 0; i < d.n(); i++) {
          s += (double) x[2 + i * d.ldx() + q] * dy[5 + i * d.ldy() + j];
        }
        dwRef[q * d.out() + j] = s;
      }
    }
    assertTrue(Naive.relError(dw, 1, dwRef) < TOL, "dW " + what);
    assertEquals(dx0[0], dx[0], "dX before its offset is untouched");
  }

  /**
   * {@code weightRows} overwrites exactly its rows with X^T dY over every example, on both paths,
   * and rows split anywhere give the same bits as one call.
   */
  @Test
  void weightRowsOverwriteTheirRowsAndSplitExactly() {
    Random r = new Random(4);
    for (int trial = 0; trial < 40; trial++) {
      int n = SIZES[r.nextInt(SIZES.length - 1)];
      int in = SIZES[r.nextInt(SIZES.length)];
      int out = SIZES[r.nextInt(SIZES.length)];
      MatMul.Dims d = new MatMul.Dims(n, in, out, in + r.nextInt(3), out + r.nextInt(3));
      float[] x = Naive.random(r, 2 + n * d.ldx());
      float[] dy = Naive.random(r, 5 + n * d.ldy());
      int k0 = r.nextInt(in + 1);
      int k1 = k0 + r.nextInt(in - k0 + 1);
      for (boolean simd : new boolean[] {true, false}) {
        String what = d + " rows [" + k0 + ", " + k1 + ") simd " + simd;
        float[] dw = Naive.random(r, 1 + in * out);
        float[] before = dw.clone();
        rows(simd, d, k0, k1, x, dy, dw);
        for (int q = 0; q < in; q++) {
          double[] ref = new double[out];
          for (int j = 0; j < out; j++) {
            if (q < k0 || q >= k1) {
              assertEquals(before[1 + q * out + j], dw[1 + q * out + j], "untouched " + what);
              continue;
            }
            for (int i = 0; i < n; i++) {
              ref[j] += (double) x[2 + i * d.ldx() + q] * dy[5 + i * d.ldy() + j];
            }
          }
          if (q >= k0 && q < k1) {
            assertTrue(Naive.relError(dw, 1 + q * out, ref) < TOL, "dW " + what);
          }
        }
        assertEquals(before[0], dw[0], "before the offset " + what);
        // The same rows in two calls split at a random row: the same bits.
        float[] split = Naive.random(r, dw.length);
        int mid = k0 + r.nextInt(k1 - k0 + 1);
        rows(simd, d, k0, mid, x, dy, split);
        rows(simd, d, mid, k1, x, dy, split);
        for (int i = 1 + k0 * out; i < 1 + k1 * out; i++) {
          assertEquals(dw[i], split[i], "split at " + mid + ": " + what);
        }
      }
    }
  }

  private static void rows(
      boolean simd, MatMul.Dims d, int k0, int k1, float[] x, float[] dy, float[] dw) {
    if (simd) {
      VectorMatMul.weightRows(d, k0, k1, x, 2, dy, 5, dw, 1, false);
    } else {
      ScalarMatMul.weightColumns(d, k0, k1, x, 2, dy, 5, dw, 1, 0, false);
    }
  }

  /** The blocked dX is the same, bit for bit, as one example at a time. */
  @Test
  void blockedInputGradientEqualsOneExampleAtATime() {
    Random r = new Random(5);
    for (int trial = 0; trial < 30; trial++) {
      int n = 1 + r.nextInt(11);
      int in = SIZES[r.nextInt(SIZES.length)];
      int out = SIZES[r.nextInt(SIZES.length)];
      MatMul.Dims d = new MatMul.Dims(n, in, out, in + r.nextInt(3), out + r.nextInt(3));
      MatMul.Dims one = new MatMul.Dims(1, in, out, d.ldx(), d.ldy());
      float[] w = Naive.random(r, 1 + in * out);
      float[] dy = Naive.random(r, 5 + n * d.ldy());
      float[] dx = Naive.random(r, 2 + n * d.ldx());
      float[] each = dx.clone();
      VectorMatMul.backwardInput(d, dy, 5, w, 1, dx, 2);
      for (int i = 0; i < n; i++) {
        VectorMatMul.backwardInput(one, dy, 5 + i * d.ldy(), w, 1, each, 2 + i * d.ldx());
      }
      for (int i = 0; i < dx.length; i++) {
        assertEquals(each[i], dx[i], d + " at " + i);
      }
    }
  }

  /**
   * The forward over many rows (weights packed from {@link VectorMatMul#PACK_ROWS} rows on) gives
   * the same bits as one row at a time (weights read in place), on widths past one packed block of
   * {@link VectorMatMul#NC} columns, with single-vector and scalar column tails, and matches the
   * reference.
   */
  @Test
  void packedForwardEqualsOneRowAtATime() {
    Random r = new Random(6);
    int l = Lanes.SPECIES.length();
    int[] outs = {VectorMatMul.NC + 3 * l + l + 3, 2 * VectorMatMul.NC, 3 * l - 1, 5, l + 1};
    for (int trial = 0; trial < 12; trial++) {
      int n = VectorMatMul.PACK_ROWS + r.nextInt(11);
      int in = 1 + r.nextInt(2 * VectorMatMul.KC + 40);
      int out = outs[trial % outs.length];
      MatMul.Dims d = new MatMul.Dims(n, in, out, in + r.nextInt(3), out + r.nextInt(3));
      MatMul.Dims one = new MatMul.Dims(1, in, out, d.ldx(), d.ldy());
      float[] x = Naive.random(r, 2 + n * d.ldx());
      float[] w = Naive.random(r, 1 + in * out);
      float[] b = Naive.random(r, 3 + out);
      float[] y = new float[5 + n * d.ldy()];
      float[] each = new float[y.length];
      VectorMatMul.forward(d, x, 2, w, 1, b, 3, y, 5);
      for (int i = 0; i < n; i++) {
        VectorMatMul.forward(one, x, 2 + i * d.ldx(), w, 1, b, 3, each, 5 + i * d.ldy());
      }
      for (int i = 0; i < y.length; i++) {
        assertEquals(each[i], y[i], d + " at " + i);
      }
      for (int i = 0; i < n; i++) {
        double[] ref = new double[out];
        for (int j = 0; j < out; j++) {
          ref[j] = b[3 + j];
          for (int q = 0; q < in; q++) {
            ref[j] += (double) x[2 + i * d.ldx() + q] * w[1 + q * out + j];
          }
        }
        assertTrue(Naive.relError(y, 5 + i * d.ldy(), ref) < TOL, "Y " + d);
      }
    }
  }

  /**
   * The kernel gradient from packed copies (from {@link VectorMatMul#PACK_ROWS} examples on),
   * overwriting or accumulating, over several blocks of {@link VectorMatMul#KX} inputs with row
   * ranges that do not start or end on a block of 4, matches the reference.
   */
  @Test
  void packedWeightRowsMatchTheReference() {
    Random r = new Random(7);
    int l = Lanes.SPECIES.length();
    for (int trial = 0; trial < 12; trial++) {
      int n = VectorMatMul.PACK_ROWS + r.nextInt(11);
      int in = 1 + r.nextInt(3 * VectorMatMul.KX);
      int out = 3 * l * (1 + r.nextInt(3)) + r.nextInt(2 * l);
      MatMul.Dims d = new MatMul.Dims(n, in, out, in + 1 + r.nextInt(300), out + r.nextInt(300));
      int k0 = r.nextInt(in);
      int k1 = k0 + 1 + r.nextInt(in - k0);
      boolean add = r.nextBoolean();
      float[] x = Naive.random(r, 2 + n * d.ldx());
      float[] dy = Naive.random(r, 5 + n * d.ldy());
      float[] dw = Naive.random(r, 1 + in * out);
      float[] before = dw.clone();
      VectorMatMul.weightRows(d, k0, k1, x, 2, dy, 5, dw, 1, add);
      for (int q = 0; q < in; q++) {
        double[] ref = new double[out];
        for (int j = 0; j < out; j++) {
          ref[j] = add || q < k0 || q >= k1 ? before[1 + q * out + j] : 0;
          for (int i = 0; q >= k0 && q < k1 && i < n; i++) {
            ref[j] += (double) x[2 + i * d.ldx() + q] * dy[5 + i * d.ldy() + j];
          }
        }
        assertTrue(Naive.relError(dw, 1 + q * out, ref) < TOL, "dW " + d + " row " + q);
      }
    }
  }

  @Test
  void weightRowsChecksItsRows() {
    MatMul.Dims d = MatMul.Dims.dense(2, 5, 3);
    float[] a = new float[20];
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> MatMul.weightRows(d, 3, 6, a, 0, a, 0, a, 0));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> MatMul.weightRows(d, 3, 2, a, 0, a, 0, a, 0));
  }

  @Test
  void biasGradientSumsTheColumns() {
    Random r = new Random(3);
    for (int out : SIZES) {
      MatMul.Dims d = new MatMul.Dims(7, 1, out, 1, out + 1);
      float[] dy = Naive.random(r, d.n() * d.ldy());
      float[] a = new float[out];
      float[] b = new float[out];
      VectorMatMul.biasGrad(d.n(), out, dy, 0, d.ldy(), a, 0);
      ScalarMatMul.biasGrad(d.n(), out, dy, 0, d.ldy(), b, 0);
      double[] ref = new double[out];
      for (int i = 0; i < d.n(); i++) {
        for (int j = 0; j < out; j++) {
          ref[j] += dy[i * d.ldy() + j];
        }
      }
      assertTrue(Naive.relError(a, 0, ref) < TOL);
      assertTrue(Naive.relError(b, 0, ref) < TOL);
    }
  }
}

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

package dev.jconv.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorBlas#sum} and the dot product built on it give the same bits before and after the
 * JIT compiles them: the fixed tree, computed here in scalar code, on values whose sum depends on
 * the order of the additions, over enough calls that C2 compiles the kernel.
 */
class LaneSumTest {
  private static final int L = Lanes.SPECIES.length();

  @Test
  void laneSumIsTheFixedTreeInEveryCompilationState() {
    Random r = new Random(5);
    float[] v = new float[L];
    int orderMattered = 0;
    for (int call = 0; call < 300_000; call++) {
      for (int i = 0; i < L; i++) {
        // magnitudes from 1e-4 to 1e4 and both signs: rounding depends on the order
        v[i] =
            (float) ((r.nextBoolean() ? 1 : -1) * Math.pow(10, r.nextInt(9) - 4) * r.nextFloat());
      }
      float expected = tree(v, 0, L);
      float got = VectorBlas.sum(FloatVector.fromArray(Lanes.SPECIES, v, 0));
      assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(got), "call " + call);
      float sequential = 0f;
      for (float x : v) {
        sequential += x;
      }
      if (sequential != expected) {
        orderMattered++;
      }
    }
    // The data must exercise the order, or the test proves nothing (at 2 lanes both orders agree).
    if (L > 2) {
      assertEquals(true, orderMattered > 1000, "order mattered in " + orderMattered + " sums");
    }
  }

  @Test
  void dotGivesTheSameBitsColdAndWarm() {
    Random r = new Random(6);
    int n = 7 * L + 3;
    float[] x = new float[n];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (Math.pow(10, r.nextInt(7) - 3) * r.nextGaussian());
      y[i] = (float) r.nextGaussian();
    }
    float cold = VectorBlas.dot(x, 0, y, 0, n);
    for (int call = 0; call < 200_000; call++) {
      float warm = VectorBlas.dot(x, 0, y, 0, n);
      assertEquals(Float.floatToRawIntBits(cold), Float.floatToRawIntBits(warm), "call " + call);
    }
    // reduceLanes(ADD) is the order-free reduction sum() replaces; the values agree to rounding.
    FloatVector a = FloatVector.fromArray(Lanes.SPECIES, x, 0);
    assertEquals(a.reduceLanes(VectorOperators.ADD), VectorBlas.sum(a), 1e-3f * L);
  }

  /** Lane i adds lane i + half, then the halves again: {@link VectorBlas#sum}'s order. */
  private static float tree(float[] v, int from, int n) {
    float[] w = new float[n];
    System.arraycopy(v, from, w, 0, n);
    for (int half = n / 2; half >= 1; half /= 2) {
      for (int i = 0; i < half; i++) {
        w[i] += w[i + half];
      }
    }
    return w[0];
  }
}

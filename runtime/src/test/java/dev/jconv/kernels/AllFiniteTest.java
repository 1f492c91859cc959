package dev.jconv.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The finiteness check, SIMD and scalar, against a plain loop on sizes off the vector length. */
class AllFiniteTest {
  private static final float[] BAD = {
    Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.intBitsToFloat(0x7fc01234)
  };

  @Test
  void findsEveryNonFiniteValueAnywhere() {
    Random r = new Random(11);
    for (int trial = 0; trial < 400; trial++) {
      int length = r.nextInt(300);
      float[] a = new float[length];
      for (int i = 0; i < length; i++) {
        // the largest finite values too: x - x is still 0
        a[i] = r.nextInt(10) == 0 ? Float.MAX_VALUE * (r.nextBoolean() ? 1 : -1) : r.nextFloat();
      }
      if (length > 0 && r.nextBoolean()) {
        a[r.nextInt(length)] = BAD[r.nextInt(BAD.length)];
      }
      int from = length == 0 ? 0 : r.nextInt(length);
      int to = from + r.nextInt(length - from + 1);
      boolean expected = true;
      for (int i = from; i < to; i++) {
        expected &= Float.isFinite(a[i]);
      }
      String what = "[" + from + ", " + to + ") of " + length;
      assertEquals(expected, VectorBlas.allFinite(a, from, to), "SIMD " + what);
      assertEquals(expected, ScalarBlas.allFinite(a, from, to), "scalar " + what);
      assertEquals(expected, Blas.allFinite(a, from, to), what);
    }
  }
}

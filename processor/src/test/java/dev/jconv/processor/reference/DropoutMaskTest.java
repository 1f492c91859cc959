package dev.jconv.processor.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.kernels.Dropouts;
import org.junit.jupiter.api.Test;

/**
 * The dropout masks the training pass draws (and the reference reproduces): only 0 and {@code 1 /
 * (1 - rate)}, dropping a fraction {@code rate} of the values, different for every example, layer
 * and step seed, so that inverted dropout keeps the expected value of each activation.
 */
class DropoutMaskTest {
  private static final int SIZE = 100_000;

  @Test
  void masksDropTheRateAndScaleTheRest() {
    for (float rate : new float[] {0f, 0.1f, 0.25f, 0.5f, 0.9f}) {
      float[] m = new float[SIZE];
      Dropouts.mask(m, 0, SIZE, rate, 1234, 3, 5);
      int dropped = 0;
      double sum = 0;
      for (float v : m) {
        assertTrue(v == 0f || v == 1f / (1f - rate), "mask value " + v);
        dropped += v == 0f ? 1 : 0;
        sum += v;
      }
      assertEquals(rate, dropped / (double) SIZE, 0.01, "dropped fraction");
      assertEquals(1.0, sum / SIZE, 0.03, "mean of the mask");
    }
  }

  @Test
  void masksDifferByExampleLayerAndSeedButNotByCall() {
    float[] base = mask(7, 2, 0);
    assertEquals(0, differences(base, mask(7, 2, 0)), "same arguments, same mask");
    for (float[] other : new float[][] {mask(8, 2, 0), mask(7, 3, 0), mask(7, 2, 1)}) {
      // Independent masks of rate 0.5 differ in about half of the values.
      assertEquals(0.5, differences(base, other) / (double) SIZE, 0.02);
    }
    // Offsets: a mask written at an offset is the same mask.
    float[] shifted = new float[SIZE + 3];
    Dropouts.mask(shifted, 3, SIZE, 0.5f, 7, 2, 0);
    assertEquals(0, differences(base, java.util.Arrays.copyOfRange(shifted, 3, SIZE + 3)));
  }

  private static float[] mask(long seed, int layer, int example) {
    float[] m = new float[SIZE];
    Dropouts.mask(m, 0, SIZE, 0.5f, seed, layer, example);
    return m;
  }

  private static int differences(float[] a, float[] b) {
    int d = 0;
    for (int i = 0; i < a.length; i++) {
      d += a[i] != b[i] ? 1 : 0;
    }
    return d;
  }
}

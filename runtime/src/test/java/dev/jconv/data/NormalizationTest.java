package dev.jconv.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NormalizationTest {
  // Two examples of 1x2 pixels with 2 channels: channel 0 is 1, 3, 5, 7; channel 1 is 10 always.
  private static final ArrayDataset DS =
      new ArrayDataset(
          new float[] {1, 10, 3, 10, 5, 10, 7, 10}, new int[] {0, 1}, new int[] {1, 2, 2}, 2);

  private static float[] all(Dataset ds) {
    return ArrayDataset.copyOf(ds).features();
  }

  @Test
  void scaleMultipliesEveryValue() {
    float[] x = {0, 51, 255};
    Normalization.scale(1 / 255f).apply(x, 0, 3);
    assertArrayEquals(new float[] {0, 0.2f, 1}, x, 1e-6f);
  }

  @Test
  void fitComputesPerChannelMeanAndPopulationStd() {
    Normalization n = Normalization.fit(DS);
    // channel 0: mean 4, variance (9 + 1 + 1 + 9) / 4 = 5; channel 1: constant -> epsilon.
    assertArrayEquals(new float[] {4, 10}, n.mean(), 1e-6f);
    assertArrayEquals(new float[] {(float) Math.sqrt(5), 1e-7f}, n.std(), 1e-6f);
    float s = (float) Math.sqrt(5);
    float[] expected = {-3 / s, 0, -1 / s, 0, 1 / s, 0, 3 / s, 0};
    assertArrayEquals(expected, all(n.apply(DS)), 1e-6f);
    assertArrayEquals(expected, n.applyEagerly(DS).features(), 1e-6f);
    // Eager application does not modify the source.
    assertArrayEquals(new float[] {1, 10, 3, 10, 5, 10, 7, 10}, DS.features());
  }

  @Test
  void meanStdIsExplicit() {
    Normalization n = Normalization.meanStd(new float[] {1, 10}, new float[] {2, 5});
    assertArrayEquals(new float[] {0, 0, 1, 0, 2, 0, 3, 0}, all(n.apply(DS)), 1e-6f);
  }

  @Test
  void channelMismatchIsAnError() {
    Normalization n = Normalization.meanStd(new float[] {0, 0, 0}, new float[] {1, 1, 1});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> n.apply(DS));
    assertTrue(e.getMessage().contains("3 channels"), e.getMessage());
    assertTrue(e.getMessage().contains("[1, 2, 2] (2 channels)"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Normalization.meanStd(new float[] {0}, new float[] {0}));
  }
}

package dev.jconv.augment;

import static dev.jconv.augment.Images.apply;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Known answers of the photometric transforms, and that they stay in the value range. */
class PhotometricTest {
  @Test
  void contrastFollowsKerasFormulaPerChannel() {
    // 2 pixels, 2 channels: channel means 0.3 and 0.6; (x - mean) * 1.5 + mean
    float[] x = {0.2f, 0.5f, 0.4f, 0.7f};
    float[] y = apply(Contrast.between(1.5, 1.5), x, 1, 2, 2, 1);
    assertArrayEquals(new float[] {0.15f, 0.45f, 0.45f, 0.75f}, y, 1e-6f);
    float[] clipped = apply(Contrast.between(10, 10), x, 1, 2, 2, 1);
    assertArrayEquals(new float[] {0, 0, 1, 1}, clipped);
  }

  @Test
  void brightnessAddsAFractionOfTheValueRange() {
    float[] x = {0.1f, 0.5f, 0.95f};
    assertArrayEquals(
        new float[] {0.3f, 0.7f, 1f}, apply(Brightness.of(0.2, 0.2), x, 1, 3, 1, 1), 1e-6f);
    float[] bytes = {10, 100, 250};
    assertArrayEquals(
        new float[] {61, 151, 255},
        apply(Brightness.of(0.2, 0.2).valueRange(0, 255), bytes, 1, 3, 1, 1),
        1e-4f);
  }

  @Test
  void gammaRaisesNormalisedValues() {
    float[] x = {0, 0.5f, 1};
    assertArrayEquals(new float[] {0, 0.25f, 1}, apply(Gamma.of(2, 2), x, 1, 3, 1, 1), 1e-6f);
  }

  @Test
  void saturationZeroGivesLumaGrey() {
    float[] x = {1, 0, 0, 0.2f, 0.4f, 0.6f};
    float[] y = apply(Saturation.between(0, 0), x, 1, 2, 3, 1);
    float g0 = 0.2989f;
    float g1 = 0.2989f * 0.2f + 0.587f * 0.4f + 0.114f * 0.6f;
    assertArrayEquals(new float[] {g0, g0, g0, g1, g1, g1}, y, 1e-6f);
  }

  @Test
  void hueTurnsRedIntoGreenAndBlue() {
    float[] red = {1, 0, 0, 0.5f, 0.25f, 0.25f};
    float[] third = apply(Hue.between(1.0 / 3, 1.0 / 3), red, 1, 2, 3, 1);
    assertArrayEquals(new float[] {0, 1, 0, 0.25f, 0.5f, 0.25f}, third, 1e-6f);
    float[] back = apply(Hue.between(-1.0 / 3, -1.0 / 3), red, 1, 2, 3, 1);
    assertArrayEquals(new float[] {0, 0, 1, 0.25f, 0.25f, 0.5f}, back, 1e-6f);
    float[] grey = {0.3f, 0.3f, 0.3f};
    assertArrayEquals(grey, apply(Hue.between(0.2, 0.2), grey, 1, 1, 3, 1));
  }

  @Test
  void colourTransformsRejectGreyImages() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Pipeline.of(Saturation.of(0.5)).checkShape(new int[] {28, 28, 1}));
    assertTrue(e.getMessage().contains("3 channels"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Pipeline.of(Hue.of(0.1)).apply(new float[4], new int[] {2, 2, 1}, 1));
  }

  @Test
  void noiseHasTheRequestedSpread() {
    float[] x = new float[100 * 100];
    java.util.Arrays.fill(x, 0.5f);
    float[] y = apply(GaussianNoise.of(0.05), x, 100, 100, 1, 4);
    double sum = 0;
    double sq = 0;
    for (float v : y) {
      sum += v - 0.5;
      sq += (v - 0.5) * (v - 0.5);
    }
    double mean = sum / y.length;
    double sd = Math.sqrt(sq / y.length - mean * mean);
    assertEquals(0, mean, 0.003);
    assertEquals(0.05, sd, 0.003);
  }

  @Test
  void erasingSetsOneRectangle() {
    float[] ones = new float[12 * 12];
    java.util.Arrays.fill(ones, 1);
    for (int s = 0; s < 50; s++) {
      float[] y = apply(Erasing.of().probability(1), ones, 12, 12, 1, s);
      assertRectangle(y, 12, 12, 0, 144 * 0.33 * 1.5);
      float[] cut = apply(Erasing.cutout(4), ones, 12, 12, 1, s);
      int zeros = assertRectangle(cut, 12, 12, 1, 16);
      assertTrue(zeros >= 4, "a cutout keeps at least a quarter of its square: " + zeros);
    }
  }

  /** Checks that the zeros of {@code y} form one axis-aligned rectangle; returns their count. */
  private static int assertRectangle(float[] y, int h, int w, int min, double max) {
    int top = h;
    int bottom = -1;
    int left = w;
    int right = -1;
    int zeros = 0;
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        if (y[r * w + c] == 0) {
          zeros++;
          top = Math.min(top, r);
          bottom = Math.max(bottom, r);
          left = Math.min(left, c);
          right = Math.max(right, c);
        }
      }
    }
    assertTrue(zeros >= min && zeros <= max, "erased " + zeros);
    if (zeros > 0) {
      assertEquals(
          (bottom - top + 1) * (right - left + 1), zeros, "the erased pixels are a rectangle");
    }
    return zeros;
  }

  @Test
  void photometricTransformsStayInRange() {
    Pipeline strong =
        Pipeline.of(
            Brightness.of(0.9),
            Contrast.of(1, 5),
            Gamma.of(0.2, 4),
            Saturation.of(3),
            Hue.of(0.5),
            GaussianNoise.of(0.8),
            Erasing.of().noise());
    for (int s = 0; s < 30; s++) {
      float[] y = strong.apply(Images.random(6, 5, 3, s), new int[] {6, 5, 3}, s);
      for (float v : y) {
        assertTrue(v >= 0 && v <= 1, "value " + v + " outside [0, 1], seed " + s);
      }
    }
  }
}

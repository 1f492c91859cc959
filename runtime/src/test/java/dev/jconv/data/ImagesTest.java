package dev.jconv.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImagesTest {
  @Test
  void upscalingInterpolatesBetweenPixelCentres() {
    // Width 2 -> 4: sources at -0.25 (clamped), 0.25, 0.75, 1.25 (clamped).
    float[] out = Images.resizeBilinear(new float[] {0, 1}, 1, 2, 1, 1, 4);
    assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, out, 1e-6f);
  }

  @Test
  void halvingAveragesTwoByTwoBlocks() {
    float[] src = new float[16];
    for (int i = 0; i < 16; i++) {
      src[i] = i; // row-major 4x4: 0..15
    }
    float[] out = Images.resizeBilinear(src, 4, 4, 1, 2, 2);
    // Block means: (0+1+4+5)/4 = 2.5, (2+3+6+7)/4 = 4.5, 10.5, 12.5.
    assertArrayEquals(new float[] {2.5f, 4.5f, 10.5f, 12.5f}, out, 1e-5f);
  }

  @Test
  void resizingKeepsChannelsApart() {
    float[] src = {1, 0, 1, 0}; // 1x2 image, 2 channels: (1, 0) (1, 0)
    float[] out = Images.resizeBilinear(src, 1, 2, 2, 3, 3);
    for (int p = 0; p < 9; p++) {
      assertEquals(1f, out[2 * p]);
      assertEquals(0f, out[2 * p + 1]);
    }
  }

  @Test
  void rgbRoundTripAndLuma() {
    float[] hwc = {1, 0, 0, 0, 1, 0, 0, 0, 1, 0.2f, 0.4f, 0.6f};
    BufferedImage image = Images.toImage(hwc, 2, 2, 3);
    assertArrayEquals(hwc, Images.toFloats(image, 3), 1 / 255f);
    float[] grey = Images.toFloats(image, 1);
    assertEquals(0.2989f, grey[0], 1e-3f);
    assertEquals(0.5870f, grey[1], 1e-3f);
    assertEquals(0.1140f, grey[2], 1e-3f);
  }

  @Test
  void greyImagesKeepTheirStoredValues() {
    BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
    image.getRaster().setSample(0, 0, 0, 128);
    assertArrayEquals(new float[] {128 / 255f}, Images.toFloats(image, 1), 1e-7f);
    assertArrayEquals(new float[] {128 / 255f, 128 / 255f, 128 / 255f}, Images.toFloats(image, 3));
  }
}

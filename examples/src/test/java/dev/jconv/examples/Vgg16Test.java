package dev.jconv.examples;

import static dev.jconv.examples.SeedNetworksTest.assertLayer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Model;
import org.junit.jupiter.api.Test;

/** VGG16 against {@code keras.applications.VGG16().summary()}. */
class Vgg16Test {
  private final Model model = new Vgg16Model();

  @Test
  void totalsMatchKeras() {
    assertEquals(138_357_544, model.paramCount());
    assertEquals(138_357_544, model.trainableParamCount());
    assertEquals(0, model.nonTrainableParamCount());
    assertEquals(22, model.layers().size()); // 13 conv, 5 pool, flatten, 3 dense
  }

  @Test
  void shapesMatchKeras() {
    assertArrayEquals(new int[] {224, 224, 3}, model.inputShape());
    assertArrayEquals(new int[] {1000}, model.outputShape());
    assertLayer(model, "block1_conv1", new int[] {224, 224, 64}, 1_792);
    assertLayer(model, "block1_conv2", new int[] {224, 224, 64}, 36_928);
    assertLayer(model, "block1_pool", new int[] {112, 112, 64}, 0);
    assertLayer(model, "block2_conv1", new int[] {112, 112, 128}, 73_856);
    assertLayer(model, "block2_conv2", new int[] {112, 112, 128}, 147_584);
    assertLayer(model, "block2_pool", new int[] {56, 56, 128}, 0);
    assertLayer(model, "block3_conv1", new int[] {56, 56, 256}, 295_168);
    assertLayer(model, "block3_conv3", new int[] {56, 56, 256}, 590_080);
    assertLayer(model, "block3_pool", new int[] {28, 28, 256}, 0);
    assertLayer(model, "block4_conv1", new int[] {28, 28, 512}, 1_180_160);
    assertLayer(model, "block4_conv3", new int[] {28, 28, 512}, 2_359_808);
    assertLayer(model, "block4_pool", new int[] {14, 14, 512}, 0);
    assertLayer(model, "block5_conv3", new int[] {14, 14, 512}, 2_359_808);
    assertLayer(model, "block5_pool", new int[] {7, 7, 512}, 0);
    assertLayer(model, "flatten", new int[] {25_088}, 0);
    assertLayer(model, "fc1", new int[] {4096}, 102_764_544);
    assertLayer(model, "fc2", new int[] {4096}, 16_781_312);
    assertLayer(model, "predictions", new int[] {1000}, 4_097_000);
  }

  @Test
  void denseKernelIsInputsByUnits() {
    assertArrayEquals(new int[] {25_088, 4096}, model.layer("fc1").params().get(0).shape());
  }

  @Test
  void summaryShowsKerasTotals() {
    String summary = model.summary();
    assertTrue(summary.contains("Total params: 138,357,544 (527.79 MB)"), summary);
    assertTrue(summary.contains("Trainable params: 138,357,544 (527.79 MB)"), summary);
    assertTrue(summary.contains("Non-trainable params: 0 (0 B)"), summary);
  }
}

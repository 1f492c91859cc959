package dev.jconv.examples;

import static dev.jconv.examples.SeedNetworksTest.assertLayer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Layer;
import dev.jconv.Model;
import dev.jconv.Param;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MobileNet v1 against {@code keras.applications.MobileNet().summary()}. */
class MobileNetV1Test {
  private final Model model = new MobileNetV1Model();

  @Test
  void totalsMatchKeras() {
    assertEquals(4_253_864, model.paramCount());
    assertEquals(4_231_976, model.trainableParamCount());
    assertEquals(21_888, model.nonTrainableParamCount());
  }

  @Test
  void stemShapesAndCounts() {
    assertArrayEquals(new int[] {224, 224, 3}, model.inputShape());
    assertLayer(model, "conv1_pad", new int[] {225, 225, 3}, 0);
    assertLayer(model, "conv1", new int[] {112, 112, 32}, 864); // 3*3*3*32, no bias
    assertLayer(model, "conv1_bn", new int[] {112, 112, 32}, 128);
    assertLayer(model, "conv1_relu", new int[] {112, 112, 32}, 0);
  }

  @Test
  void blockShapesAndCounts() {
    assertLayer(model, "conv_dw_1", new int[] {112, 112, 32}, 288); // 3*3*32
    assertLayer(model, "conv_dw_1_bn", new int[] {112, 112, 32}, 128);
    assertLayer(model, "conv_pw_1", new int[] {112, 112, 64}, 2_048); // 32*64
    assertLayer(model, "conv_pw_1_bn", new int[] {112, 112, 64}, 256);
    assertLayer(model, "conv_pad_2", new int[] {113, 113, 64}, 0);
    assertLayer(model, "conv_dw_2", new int[] {56, 56, 64}, 576);
    assertLayer(model, "conv_pw_2", new int[] {56, 56, 128}, 8_192);
    assertLayer(model, "conv_pad_4", new int[] {57, 57, 128}, 0);
    assertLayer(model, "conv_dw_4", new int[] {28, 28, 128}, 1_152);
    assertLayer(model, "conv_pw_6", new int[] {14, 14, 512}, 131_072);
    assertLayer(model, "conv_pw_11_relu", new int[] {14, 14, 512}, 0);
    assertLayer(model, "conv_pad_12", new int[] {15, 15, 512}, 0);
    assertLayer(model, "conv_dw_12", new int[] {7, 7, 512}, 4_608);
    assertLayer(model, "conv_pw_13", new int[] {7, 7, 1024}, 1_048_576);
    assertLayer(model, "conv_pw_13_bn", new int[] {7, 7, 1024}, 4_096);
  }

  @Test
  void classifierShapesAndCounts() {
    assertLayer(model, "global_average_pooling2d", new int[] {1, 1, 1024}, 0);
    assertLayer(model, "dropout", new int[] {1, 1, 1024}, 0);
    assertLayer(model, "conv_preds", new int[] {1, 1, 1000}, 1_025_000);
    assertLayer(model, "reshape_2", new int[] {1000}, 0);
    assertLayer(model, "predictions", new int[] {1000}, 0);
    assertArrayEquals(new int[] {1000}, model.outputShape());
  }

  @Test
  void depthwiseKernelHasKerasLayoutAndNoBias() {
    List<Param> params = model.layer("conv_dw_2").params();
    assertEquals(1, params.size());
    assertEquals("conv_dw_2.depthwise_kernel", params.get(0).name());
    assertArrayEquals(new int[] {3, 3, 64, 1}, params.get(0).shape());
  }

  @Test
  void everyBlockHasItsKerasLayers() {
    List<String> names = model.layers().stream().map(Layer::name).toList();
    for (int block = 1; block <= 13; block++) {
      for (String suffix : List.of("", "_bn", "_relu")) {
        assertTrue(names.contains("conv_dw_" + block + suffix), "conv_dw_" + block + suffix);
        assertTrue(names.contains("conv_pw_" + block + suffix), "conv_pw_" + block + suffix);
      }
    }
    for (int strided : new int[] {2, 4, 6, 12}) {
      assertTrue(names.contains("conv_pad_" + strided), "conv_pad_" + strided);
    }
    assertEquals(4 + 13 * 6 + 4 + 5, names.size());
  }

  @Test
  void summaryShowsKerasTotals() {
    String summary = model.summary();
    assertTrue(summary.contains("Total params: 4,253,864 (16.23 MB)"), summary);
    assertTrue(summary.contains("Trainable params: 4,231,976 (16.14 MB)"), summary);
    assertTrue(summary.contains("Non-trainable params: 21,888 (85.50 KB)"), summary);
  }
}

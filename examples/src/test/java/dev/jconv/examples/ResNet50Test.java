package dev.jconv.examples;

import static dev.jconv.examples.SeedNetworksTest.assertLayer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Model;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ResNet-50 against {@code keras.applications.ResNet50().summary()}. */
class ResNet50Test {
  private static final Model MODEL = new ResNet50Model(1);

  @Test
  void totalsMatchKeras() {
    assertEquals(25_636_712, MODEL.paramCount());
    assertEquals(25_583_592, MODEL.trainableParamCount());
    assertEquals(53_120, MODEL.nonTrainableParamCount());
    assertTrue(MODEL.summary().contains("Total params: 25,636,712 (97.80 MB)"), MODEL.summary());
  }

  @Test
  void shapesMatchKeras() {
    assertArrayEquals(new int[] {224, 224, 3}, MODEL.inputShape());
    assertLayer(MODEL, "conv1_pad", new int[] {230, 230, 3}, 0);
    assertLayer(MODEL, "conv1_conv", new int[] {112, 112, 64}, 9_472);
    assertLayer(MODEL, "pool1_pool", new int[] {56, 56, 64}, 0);
    assertLayer(MODEL, "conv2_block1_0_conv", new int[] {56, 56, 256}, 16_640);
    assertLayer(MODEL, "conv2_block1_2_conv", new int[] {56, 56, 64}, 36_928);
    assertLayer(MODEL, "conv2_block3_out", new int[] {56, 56, 256}, 0);
    assertLayer(MODEL, "conv3_block1_1_conv", new int[] {28, 28, 128}, 32_896);
    assertLayer(MODEL, "conv3_block4_out", new int[] {28, 28, 512}, 0);
    assertLayer(MODEL, "conv4_block6_out", new int[] {14, 14, 1024}, 0);
    assertLayer(MODEL, "conv5_block1_0_conv", new int[] {7, 7, 2048}, 2_099_200);
    assertLayer(MODEL, "conv5_block3_3_bn", new int[] {7, 7, 2048}, 8_192);
    assertLayer(MODEL, "avg_pool", new int[] {2048}, 0);
    assertLayer(MODEL, "predictions", new int[] {1000}, 2_049_000);
  }

  @Test
  void shortcutsAsKerasWiresThem() {
    assertEquals(
        List.of("conv3_block1_0_bn", "conv3_block1_3_bn"),
        MODEL.layer("conv3_block1_add").inputs());
    assertEquals(
        List.of("conv3_block1_out", "conv3_block2_3_bn"), MODEL.layer("conv3_block2_add").inputs());
    assertEquals(List.of("conv2_block3_out"), MODEL.layer("conv3_block1_1_conv").inputs());
  }

  @Test
  void forwardPass() {
    ForwardPass.assertProbabilities(MODEL);
  }
}

package dev.jconv.examples;

import static dev.jconv.examples.SeedNetworksTest.assertLayer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jconv.Model;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ResNet-18 against torchvision's published 11,689,512 parameters and the paper's Table 1. */
class ResNet18Test {
  private static final Model MODEL = new ResNet18Model(1);

  @Test
  void trainableCountIsTorchvisionsFigure() {
    assertEquals(11_689_512, MODEL.trainableParamCount());
    // Moving mean and variance of 4,800 batch-norm channels: 64 + 4*64 + 5*128 + 5*256 + 5*512.
    assertEquals(9_600, MODEL.nonTrainableParamCount());
    assertArrayEquals(new int[] {1000}, MODEL.outputShape());
  }

  @Test
  void stagesHaveTable1Shapes() {
    assertLayer(MODEL, "conv1", new int[] {112, 112, 64}, 9_408); // 7*7*3*64, no bias
    assertLayer(MODEL, "maxpool", new int[] {56, 56, 64}, 0);
    assertLayer(MODEL, "layer1_1_relu2", new int[] {56, 56, 64}, 0);
    assertLayer(MODEL, "layer2_1_relu2", new int[] {28, 28, 128}, 0);
    assertLayer(MODEL, "layer3_1_relu2", new int[] {14, 14, 256}, 0);
    assertLayer(MODEL, "layer4_1_relu2", new int[] {7, 7, 512}, 0);
    assertLayer(MODEL, "fc", new int[] {1000}, 513_000); // 512*1000 + 1000
  }

  @Test
  void downsamplingBlockByHand() {
    assertLayer(MODEL, "layer2_0_conv1", new int[] {28, 28, 128}, 73_728); // 3*3*64*128
    assertLayer(MODEL, "layer2_0_bn1", new int[] {28, 28, 128}, 512); // 4*128
    assertLayer(MODEL, "layer2_0_conv2", new int[] {28, 28, 128}, 147_456); // 3*3*128*128
    assertLayer(MODEL, "layer2_0_downsample_0", new int[] {28, 28, 128}, 8_192); // 64*128
    assertEquals(
        List.of("layer2_0_bn2", "layer2_0_downsample_1"), MODEL.layer("layer2_0_add").inputs());
    assertEquals(List.of("layer1_1_relu2"), MODEL.layer("layer2_0_downsample_0").inputs());
    // An identity block adds its own input back.
    assertEquals(List.of("layer2_1_bn2", "layer2_0_relu2"), MODEL.layer("layer2_1_add").inputs());
  }

  @Test
  void forwardPass() {
    ForwardPass.assertProbabilities(MODEL);
  }
}

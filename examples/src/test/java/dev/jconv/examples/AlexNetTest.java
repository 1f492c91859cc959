package dev.jconv.examples;

import static dev.jconv.examples.SeedNetworksTest.assertLayer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jconv.Model;
import org.junit.jupiter.api.Test;

/** AlexNet, single tower without LRN: 62,378,344 parameters, counted layer by layer. */
class AlexNetTest {
  private static final Model MODEL = new AlexNetModel(1);

  @Test
  void totalIsThePublishedFigure() {
    assertEquals(62_378_344, MODEL.paramCount());
    assertEquals(0, MODEL.nonTrainableParamCount());
    assertArrayEquals(new int[] {227, 227, 3}, MODEL.inputShape());
    assertArrayEquals(new int[] {1000}, MODEL.outputShape());
  }

  @Test
  void layersByHand() {
    assertLayer(MODEL, "conv1", new int[] {55, 55, 96}, 34_944); // 11*11*3*96 + 96
    assertLayer(MODEL, "pool1", new int[] {27, 27, 96}, 0); // (55 - 3) / 2 + 1
    assertLayer(MODEL, "conv2", new int[] {27, 27, 256}, 614_656); // 5*5*96*256 + 256
    assertLayer(MODEL, "pool2", new int[] {13, 13, 256}, 0);
    assertLayer(MODEL, "conv3", new int[] {13, 13, 384}, 885_120); // 3*3*256*384 + 384
    assertLayer(MODEL, "conv4", new int[] {13, 13, 384}, 1_327_488); // 3*3*384*384 + 384
    assertLayer(MODEL, "conv5", new int[] {13, 13, 256}, 884_992); // 3*3*384*256 + 256
    assertLayer(MODEL, "pool5", new int[] {6, 6, 256}, 0);
    assertLayer(MODEL, "flatten", new int[] {9_216}, 0);
    assertLayer(MODEL, "fc6", new int[] {4_096}, 37_752_832); // 9216*4096 + 4096
    assertLayer(MODEL, "fc7", new int[] {4_096}, 16_781_312); // 4096*4096 + 4096
    assertLayer(MODEL, "fc8", new int[] {1_000}, 4_097_000); // 4096*1000 + 1000
  }

  @Test
  void forwardPass() {
    ForwardPass.assertProbabilities(MODEL);
  }
}

package dev.jconv.examples;

import static dev.jconv.examples.SeedNetworksTest.assertLayer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jconv.Model;
import org.junit.jupiter.api.Test;

/** Network in Network for ImageNet: the parameters of each mlpconv layer, counted by hand. */
class NetworkInNetworkTest {
  private static final Model MODEL = new NetworkInNetworkModel(1);

  @Test
  void totalAndShapes() {
    // 34,944 + 2 * 9,312 + 614,656 + 2 * 65,792 + 885,120 + 2 * 147,840 + 3,539,968 + 1,049,600
    // + 1,025,000
    assertEquals(7_595_176, MODEL.paramCount());
    assertEquals(0, MODEL.nonTrainableParamCount());
    assertArrayEquals(new int[] {1000}, MODEL.outputShape());
  }

  @Test
  void mlpconvLayersByHand() {
    assertLayer(MODEL, "conv1", new int[] {54, 54, 96}, 34_944); // 11*11*3*96 + 96
    assertLayer(MODEL, "cccp1", new int[] {54, 54, 96}, 9_312); // 96*96 + 96
    assertLayer(MODEL, "cccp2", new int[] {54, 54, 96}, 9_312);
    assertLayer(MODEL, "pool1", new int[] {27, 27, 96}, 0);
    assertLayer(MODEL, "conv2", new int[] {27, 27, 256}, 614_656); // 5*5*96*256 + 256
    assertLayer(MODEL, "cccp3", new int[] {27, 27, 256}, 65_792); // 256*256 + 256
    assertLayer(MODEL, "cccp4", new int[] {27, 27, 256}, 65_792);
    assertLayer(MODEL, "pool2", new int[] {13, 13, 256}, 0);
    assertLayer(MODEL, "conv3", new int[] {13, 13, 384}, 885_120); // 3*3*256*384 + 384
    assertLayer(MODEL, "cccp5", new int[] {13, 13, 384}, 147_840); // 384*384 + 384
    assertLayer(MODEL, "cccp6", new int[] {13, 13, 384}, 147_840);
    assertLayer(MODEL, "pool3", new int[] {6, 6, 384}, 0);
    assertLayer(MODEL, "conv4_1024", new int[] {6, 6, 1024}, 3_539_968); // 3*3*384*1024 + 1024
    assertLayer(MODEL, "cccp7_1024", new int[] {6, 6, 1024}, 1_049_600); // 1024*1024 + 1024
    assertLayer(MODEL, "cccp8_1024", new int[] {6, 6, 1000}, 1_025_000); // 1024*1000 + 1000
    assertLayer(MODEL, "pool4", new int[] {1000}, 0); // global average pooling, no dense layer
  }

  @Test
  void forwardPass() {
    ForwardPass.assertProbabilities(MODEL);
  }
}

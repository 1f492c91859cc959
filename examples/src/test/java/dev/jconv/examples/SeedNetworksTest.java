package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Layer;
import dev.jconv.Model;
import dev.jconv.Param;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The networks the project started with: the seed network, its BatchNormalization variant and the
 * TensorFlow tutorial net.
 */
class SeedNetworksTest {
  @Test
  void seedNetHasTheSeedCounts() {
    Model model = new SeedNetModel();
    assertEquals(30_485, model.paramCount());
    assertEquals(30_485, model.trainableParamCount());
    assertEquals(0, model.nonTrainableParamCount());
    assertArrayEquals(new int[] {64, 64, 3}, model.inputShape());
    assertArrayEquals(new int[] {5}, model.outputShape());
    assertEquals(22, model.layers().size());
  }

  /** The seed document's layers in its order, with its separate activations and two dropouts. */
  @Test
  void seedNetLayerShapesAndCounts() {
    Model model = new SeedNetModel();
    assertLayer(model, "conv1", new int[] {64, 64, 8}, 224); // 3*3*3*8 + 8
    assertLayer(model, "relu1", new int[] {64, 64, 8}, 0);
    assertLayer(model, "pool1", new int[] {32, 32, 8}, 0);
    assertLayer(model, "conv2", new int[] {32, 32, 16}, 1_168); // 3*3*8*16 + 16
    assertLayer(model, "relu2", new int[] {32, 32, 16}, 0);
    assertLayer(model, "conv3", new int[] {32, 32, 16}, 2_320); // 3*3*16*16 + 16
    assertLayer(model, "relu3", new int[] {32, 32, 16}, 0);
    assertLayer(model, "pool2", new int[] {16, 16, 16}, 0);
    assertLayer(model, "conv4", new int[] {16, 16, 24}, 9_624); // 5*5*16*24 + 24
    assertLayer(model, "relu4", new int[] {16, 16, 24}, 0);
    assertLayer(model, "conv5", new int[] {16, 16, 24}, 14_424); // 5*5*24*24 + 24
    assertLayer(model, "relu5", new int[] {16, 16, 24}, 0);
    assertLayer(model, "pool3", new int[] {8, 8, 24}, 0);
    assertLayer(model, "gap", new int[] {24}, 0);
    assertLayer(model, "fc1", new int[] {64}, 1_600); // 24*64 + 64
    assertLayer(model, "relu6", new int[] {64}, 0);
    assertLayer(model, "drop1", new int[] {64}, 0);
    assertLayer(model, "fc2", new int[] {16}, 1_040); // 64*16 + 16
    assertLayer(model, "relu7", new int[] {16}, 0);
    assertLayer(model, "drop2", new int[] {16}, 0);
    assertLayer(model, "dense3", new int[] {5}, 85); // 16*5 + 5
    assertLayer(model, "out", new int[] {5}, 0);
    assertEquals("Activation", model.layer("out").type());
    assertEquals("Dropout", model.layer("drop2").type());
  }

  @Test
  void patchNetHasTheSeedCounts() {
    Model model = new BatchNormNetModel();
    assertEquals(30_485, model.paramCount());
    assertEquals(30_421, model.trainableParamCount());
    assertEquals(64, model.nonTrainableParamCount());
    assertArrayEquals(new int[] {64, 64, 3}, model.inputShape());
    assertArrayEquals(new int[] {5}, model.outputShape());
  }

  @Test
  void patchNetLayerShapesAndCounts() {
    Model model = new BatchNormNetModel();
    assertLayer(model, "conv1", new int[] {64, 64, 8}, 224); // 3*3*3*8 + 8
    assertLayer(model, "pool1", new int[] {32, 32, 8}, 0);
    assertLayer(model, "conv2", new int[] {32, 32, 16}, 1_168); // 3*3*8*16 + 16
    assertLayer(model, "conv3", new int[] {16, 16, 32}, 4_640); // 3*3*16*32 + 32
    assertLayer(model, "bn3", new int[] {16, 16, 32}, 128); // 4 * 32
    assertLayer(model, "pool3", new int[] {8, 8, 32}, 0);
    assertLayer(model, "sep4", new int[] {8, 8, 32}, 1_344); // 3*3*32 + 32*32 + 32
    assertLayer(model, "conv5", new int[] {8, 8, 64}, 18_496); // 3*3*32*64 + 64
    assertLayer(model, "gap", new int[] {64}, 0);
    assertLayer(model, "fc1", new int[] {64}, 4_160); // 64*64 + 64
    assertLayer(model, "out", new int[] {5}, 325); // 64*5 + 5
  }

  @Test
  void patchNetBatchNormHasKerasWeightsInOrder() {
    Layer bn3 = new BatchNormNetModel().layer("bn3");
    List<Param> params = bn3.params();
    assertEquals(
        List.of("bn3.gamma", "bn3.beta", "bn3.moving_mean", "bn3.moving_variance"),
        params.stream().map(Param::name).toList());
    assertTrue(params.get(0).isTrainable());
    assertTrue(params.get(1).isTrainable());
    assertFalse(params.get(2).isTrainable());
    assertFalse(params.get(3).isTrainable());
    assertEquals(64, bn3.trainableParamCount());
    assertEquals(64, bn3.nonTrainableParamCount());
  }

  @Test
  void patchNetSeparableConvHasKerasLayouts() {
    List<Param> params = new BatchNormNetModel().layer("sep4").params();
    assertEquals("sep4.depthwise_kernel", params.get(0).name());
    assertArrayEquals(new int[] {3, 3, 32, 1}, params.get(0).shape());
    assertEquals("sep4.pointwise_kernel", params.get(1).name());
    assertArrayEquals(new int[] {1, 1, 32, 32}, params.get(1).shape());
    assertEquals("sep4.bias", params.get(2).name());
    assertArrayEquals(new int[] {32}, params.get(2).shape());
  }

  @Test
  void fashionTutorialNetHasTheTutorialCount() {
    Model model = new FashionTutorialNetModel();
    assertEquals(3_274_634, model.paramCount());
    assertEquals(3_274_634, model.trainableParamCount());
    assertEquals(0, model.nonTrainableParamCount());
    assertArrayEquals(new int[] {28, 28, 1}, model.inputShape());
    assertArrayEquals(new int[] {10}, model.outputShape());
  }

  @Test
  void fashionTutorialNetLayerShapesAndCounts() {
    Model model = new FashionTutorialNetModel();
    assertLayer(model, "conv1", new int[] {28, 28, 32}, 832); // 5*5*1*32 + 32
    assertLayer(model, "pool1", new int[] {14, 14, 32}, 0);
    assertLayer(model, "conv2", new int[] {14, 14, 64}, 51_264); // 5*5*32*64 + 64
    assertLayer(model, "pool2", new int[] {7, 7, 64}, 0);
    assertLayer(model, "flatten", new int[] {3_136}, 0);
    assertLayer(model, "fc1", new int[] {1_024}, 3_212_288); // 3136*1024 + 1024
    assertLayer(model, "drop1", new int[] {1_024}, 0);
    assertLayer(model, "out", new int[] {10}, 10_250); // 1024*10 + 10
  }

  static void assertLayer(Model model, String name, int[] shape, long params) {
    Layer layer = model.layer(name);
    assertArrayEquals(shape, layer.outputShape(), name + " output shape");
    assertEquals(params, layer.paramCount(), name + " params");
  }
}

package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Layer;
import org.junit.jupiter.api.Test;

/**
 * Freezing a layer moves all its parameters from trainable to non-trainable, in the counts and in
 * the summary, as {@code layer.trainable = False} does in Keras; the total does not change.
 */
class FreezeTest {
  @Test
  void freezingAConvolutionMovesItsParameters() {
    BatchNormNetModel model = new BatchNormNetModel();
    Layer conv5 = model.conv5;
    assertTrue(conv5.isTrainable());
    assertSame(conv5, conv5.freeze());
    assertFalse(conv5.isTrainable());
    assertEquals(0, conv5.trainableParamCount());
    assertEquals(18_496, conv5.nonTrainableParamCount());
    assertEquals(30_485, model.paramCount());
    assertEquals(30_421 - 18_496, model.trainableParamCount());
    assertEquals(64 + 18_496, model.nonTrainableParamCount());
  }

  @Test
  void freezingBatchNormMovesGammaAndBeta() {
    BatchNormNetModel model = new BatchNormNetModel();
    model.bn3.freeze();
    assertEquals(0, model.bn3.trainableParamCount());
    assertEquals(128, model.bn3.nonTrainableParamCount());
    assertEquals(30_421 - 64, model.trainableParamCount());
    assertEquals(128, model.nonTrainableParamCount());
  }

  @Test
  void summaryReflectsFrozenLayers() {
    BatchNormNetModel model = new BatchNormNetModel();
    model.conv5.freeze();
    String summary = model.summary();
    assertTrue(summary.contains("Total params: 30,485 (119.08 KB)"), summary);
    assertTrue(summary.contains("Trainable params: 11,925 (46.58 KB)"), summary);
    assertTrue(summary.contains("Non-trainable params: 18,560 (72.50 KB)"), summary);
  }

  @Test
  void unfreezeRestoresTheCounts() {
    BatchNormNetModel model = new BatchNormNetModel();
    model.conv5.freeze().unfreeze();
    assertTrue(model.conv5.isTrainable());
    assertEquals(30_421, model.trainableParamCount());
    assertEquals(64, model.nonTrainableParamCount());
  }

  @Test
  void freezingABackboneLeavesOnlyTheHeadTrainable() {
    MobileNetV1Model model = new MobileNetV1Model();
    for (Layer layer : model.layers()) {
      if (!layer.name().equals("conv_preds")) {
        layer.freeze();
      }
    }
    assertEquals(1_025_000, model.trainableParamCount());
    assertEquals(4_253_864 - 1_025_000, model.nonTrainableParamCount());
  }

  @Test
  void freezingIsPerModelInstance() {
    BatchNormNetModel frozen = new BatchNormNetModel();
    frozen.conv5.freeze();
    assertEquals(30_421, new BatchNormNetModel().trainableParamCount());
  }

  @Test
  void freezingALayerWithoutParametersChangesNothing() {
    BatchNormNetModel model = new BatchNormNetModel();
    model.pool1.freeze();
    assertEquals(30_421, model.trainableParamCount());
  }
}

package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Layer;
import dev.jconv.train.Adam;
import dev.jconv.transfer.LayerGroup;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * Freezing runs of layers of a generated model: "up to and including", "after", named layers; the
 * counts and the summary follow, and unfreezing with a learning-rate multiplier reaches the
 * optimizer.
 */
class LayerGroupTest {
  @Test
  void freezingTheExtractorLeavesTheHeadTrainable() {
    BatchNormNetModel model = new BatchNormNetModel(1);
    LayerGroup extractor = LayerGroup.upTo(model, "gap").freeze();
    assertEquals("conv1", extractor.names().get(0));
    assertEquals("gap", extractor.names().get(extractor.names().size() - 1));
    assertFalse(extractor.isTrainable());
    assertEquals(0, extractor.trainableParamCount());
    assertEquals(224 + 1_168 + 4_640 + 128 + 1_344 + 18_496, extractor.paramCount());
    assertEquals(4_160 + 325, model.trainableParamCount());
    assertTrue(model.summary().contains("Trainable params: 4,485 (17.52 KB)"), model.summary());
    assertTrue(model.fc1.isTrainable());
    assertFalse(model.conv1.isTrainable());
  }

  @Test
  void afterIsTheHeadAndFromIncludesTheLayer() {
    BatchNormNetModel model = new BatchNormNetModel(1);
    assertEquals(List.of("fc1", "drop1", "out"), LayerGroup.after(model, "gap").names());
    assertEquals(List.of("drop1", "out"), LayerGroup.from(model, "drop1").names());
    assertEquals(List.of("conv1", "out"), LayerGroup.of(model, "out", "conv1").names());
    assertEquals(model.layers().size(), LayerGroup.all(model).layers().size());
  }

  @Test
  void unfreezeWithAMultiplierForFineTuning() {
    BatchNormNetModel model = new BatchNormNetModel(1);
    LayerGroup extractor = LayerGroup.upTo(model, "gap").freeze();
    Adam adam = new Adam();
    extractor.unfreeze().learningRateMultiplier(adam, 0.1);
    assertEquals(30_421, model.trainableParamCount());
    assertEquals(0.1, adam.learningRateMultiplier("conv3"));
    assertEquals(1.0, adam.learningRateMultiplier("fc1"));
  }

  @Test
  void setTrainableIsKerasTrainable() {
    BatchNormNetModel model = new BatchNormNetModel(1);
    Layer conv5 = model.conv5;
    conv5.setTrainable(false);
    assertEquals(0, conv5.trainableParamCount());
    conv5.setTrainable(true);
    assertEquals(18_496, conv5.trainableParamCount());
  }

  @Test
  void anUnknownLayerIsNamedWithTheLayers() {
    BatchNormNetModel model = new BatchNormNetModel(1);
    NoSuchElementException e =
        assertThrows(NoSuchElementException.class, () -> LayerGroup.upTo(model, "conv9"));
    assertTrue(e.getMessage().startsWith("no layer 'conv9' in BatchNormNet; layers: [conv1,"));
  }
}

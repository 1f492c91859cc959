package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Layer;
import org.junit.jupiter.api.Test;

/**
 * Layers declared with {@code trainable = false} start frozen in every new model, the counts and
 * the summary follow, and {@code unfreeze()} lets them train, as Keras's {@code trainable}.
 */
class DeclaredFrozenTest {
  @Test
  void declaredLayersStartFrozenAndTheOthersDoNot() {
    DeclaredFrozenNetModel model = new DeclaredFrozenNetModel(1);
    for (Layer layer : model.layers()) {
      boolean declared = layer.name().equals("conv1") || layer.name().equals("bn1");
      assertEquals(!declared, layer.isTrainable(), layer.name());
    }
  }

  @Test
  void countsAndSummaryFollowTheDeclaration() {
    DeclaredFrozenNetModel model = new DeclaredFrozenNetModel();
    // conv1 40, bn1 16 (8 trainable), conv2 296, out 36.
    assertEquals(388, model.paramCount());
    assertEquals(296 + 36, model.trainableParamCount());
    assertEquals(40 + 16, model.nonTrainableParamCount());
    String summary = model.summary();
    assertTrue(summary.contains("Trainable params: 332 (1.30 KB)"), summary);
    assertTrue(summary.contains("Non-trainable params: 56 (224 B)"), summary);
  }

  @Test
  void unfreezeMakesADeclaredLayerTrainable() {
    DeclaredFrozenNetModel model = new DeclaredFrozenNetModel();
    model.conv1.unfreeze();
    assertTrue(model.conv1.isTrainable());
    assertFalse(model.bn1.isTrainable());
    assertEquals(332 + 40, model.trainableParamCount());
  }
}

package dev.jconv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.compiled.CompiledModel;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Layer handles, their parameter counts, freezing, and model-level lookups and totals. */
class LayerTest {
  private static Layer conv() {
    return new Layer(
        "conv1",
        "Conv2D",
        new int[] {64, 64, 8},
        List.of("input"),
        List.of(
            new Param("conv1", "kernel", new int[] {3, 3, 3, 8}, true),
            new Param("conv1", "bias", new int[] {8}, true)));
  }

  private static Layer batchNorm() {
    return new Layer(
        "bn1",
        "BatchNormalization",
        new int[] {64, 64, 8},
        List.of("conv1"),
        List.of(
            new Param("bn1", "gamma", new int[] {8}, true),
            new Param("bn1", "beta", new int[] {8}, true),
            new Param("bn1", "moving_mean", new int[] {8}, false),
            new Param("bn1", "moving_variance", new int[] {8}, false)));
  }

  /** A two-layer model over the handles above. */
  private static final class TwoLayers implements CompiledModel {
    final Layer conv1 = conv();
    final Layer bn1 = batchNorm();

    @Override
    public String name() {
      return "TwoLayers";
    }

    @Override
    public int[] inputShape() {
      return new int[] {64, 64, 3};
    }

    @Override
    public int[] outputShape() {
      return new int[] {64, 64, 8};
    }

    @Override
    public float[] weights() {
      return new float[(int) paramCount()];
    }

    @Override
    public void predictInto(float[] x, int xo, float[] y, int yo) {
      throw new UnsupportedOperationException("a shape-only test model has no forward pass");
    }

    @Override
    public float backpropagate(
        float[] x, int[] labels, int n, float[] grads, float[] inputGrads, long seed) {
      throw new UnsupportedOperationException("a shape-only test model has no backward pass");
    }

    @Override
    public List<Layer> layers() {
      return List.of(conv1, bn1);
    }
  }

  @Test
  void countsParameters() {
    Layer conv = conv();
    assertEquals(224, conv.paramCount());
    assertEquals(224, conv.trainableParamCount());
    assertEquals(0, conv.nonTrainableParamCount());
    Layer bn = batchNorm();
    assertEquals(32, bn.paramCount());
    assertEquals(16, bn.trainableParamCount());
    assertEquals(16, bn.nonTrainableParamCount());
  }

  @Test
  void freezeMakesEveryParameterNonTrainableAndUnfreezeRestores() {
    Layer bn = batchNorm();
    assertTrue(bn.isTrainable());
    assertSame(bn, bn.freeze());
    assertFalse(bn.isTrainable());
    assertEquals(32, bn.paramCount());
    assertEquals(0, bn.trainableParamCount());
    assertEquals(32, bn.nonTrainableParamCount());
    assertSame(bn, bn.unfreeze());
    assertTrue(bn.isTrainable());
    assertEquals(16, bn.trainableParamCount());
    assertEquals(16, bn.nonTrainableParamCount());
  }

  @Test
  void freezingALayerMovesItsCountsInTheModelAndTheSummary() {
    TwoLayers model = new TwoLayers();
    assertEquals(256, model.paramCount());
    assertEquals(240, model.trainableParamCount());
    assertEquals(16, model.nonTrainableParamCount());

    model.conv1.freeze();
    assertEquals(256, model.paramCount());
    assertEquals(16, model.trainableParamCount());
    assertEquals(240, model.nonTrainableParamCount());
    String summary = model.summary();
    assertTrue(summary.contains("Total params: 256 (1.00 KB)\n"), summary);
    assertTrue(summary.contains("Trainable params: 16 (64 B)\n"), summary);
    assertTrue(summary.contains("Non-trainable params: 240 (960 B)\n"), summary);

    model.conv1.unfreeze();
    assertEquals(240, model.trainableParamCount());
    assertTrue(model.summary().contains("Trainable params: 240 (960 B)\n"));
  }

  @Test
  void layerLooksUpByFieldName() {
    TwoLayers model = new TwoLayers();
    assertSame(model.bn1, model.layer("bn1"));
  }

  @Test
  void unknownLayerNameListsTheLayers() {
    NoSuchElementException e =
        assertThrows(NoSuchElementException.class, () -> new TwoLayers().layer("conv2"));
    assertEquals("no layer 'conv2' in TwoLayers; layers: [conv1, bn1]", e.getMessage());
  }

  @Test
  void handlesDoNotExposeTheirArrays() {
    Layer conv = conv();
    conv.outputShape()[0] = 1;
    assertArrayEquals(new int[] {64, 64, 8}, conv.outputShape());
    Param kernel = conv.params().get(0);
    kernel.shape()[0] = 7;
    assertArrayEquals(new int[] {3, 3, 3, 8}, kernel.shape());
    assertEquals(64 * 64 * 8, conv.outputSize());
  }

  @Test
  void parametersAreNamedFieldDotKind() {
    Layer bn = batchNorm();
    List<String> names = bn.params().stream().map(Param::name).toList();
    assertEquals(List.of("bn1.gamma", "bn1.beta", "bn1.moving_mean", "bn1.moving_variance"), names);
    assertEquals("conv1.kernel[3, 3, 3, 8]", conv().params().get(0).toString());
    assertEquals("conv1 (Conv2D) [64, 64, 8]", conv().toString());
  }
}

package dev.jconv.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.compiled.CompiledModel;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The harness's per-layer rows stay available: every large convolution of every benchmarked network
 * has a forward and a backward kernel the harness can call (the rows once all printed "unavailable"
 * after the generated signatures changed, and nobody noticed). Times are not checked: one call of
 * each.
 */
class LayerSharesTest {
  @ParameterizedTest
  @ValueSource(strings = {"SeedNet", "FashionTutorialNet", "FashionNet", "ResNet20"})
  void everyLargeConvolutionHasCallableKernels(String net) throws Exception {
    CompiledModel model = JconvContender.model(net, 1);
    List<LayerShares.Share> shares = LayerShares.measure(model, 1, 1);
    assertFalse(shares.isEmpty(), net + " has no large convolution");
    for (LayerShares.Share s : shares) {
      assertEquals("", s.note(), net + " " + s.layer());
      assertTrue(s.forwardSeconds() > 0 && s.backwardSeconds() > 0, net + " " + s.layer());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"SeedNet", "ResNet20"})
  void backwardWritesWeightGradients(String net) throws Exception {
    CompiledModel model = JconvContender.model(net, 1);
    for (var layer : model.layers()) {
      if (!layer.type().equals("Conv2D") || Flops.forward(layer) < LayerShares.LARGE) {
        continue;
      }
      LayerShares.Kernels k = LayerShares.Kernels.find(model, layer, false);
      assertEquals(null, k.missing, layer.name());
      k.forward();
      k.backward();
      boolean any = false;
      for (float v : k.gradients()) {
        any |= v != 0;
      }
      assertTrue(any, net + " " + layer.name() + ": backward wrote no weight gradient");
    }
  }
}

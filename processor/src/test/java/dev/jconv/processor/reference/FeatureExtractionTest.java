package dev.jconv.processor.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jconv.Layer;
import dev.jconv.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code model.features(layer, ...)} on random networks (merges, fused activations, every layer
 * kind) returns each layer's inference output as the reference computes it, on both code paths; the
 * one-example, batch and last-layer forms agree with each other and with {@code predict}.
 */
class FeatureExtractionTest {
  private static final long SEED = 0xfea7_0000L;
  private static final int NETWORKS = 8;

  @ParameterizedTest
  @EnumSource(CodePaths.class)
  void everyLayersFeaturesMatchTheReference(CodePaths path) {
    List<NetDef> nets = new ArrayList<>();
    for (int i = 0; i < NETWORKS; i++) {
      int size = 4 + new SplittableRandom(SEED + i).nextInt(9);
      nets.add(RandomNets.generate(SEED + i, "test.features", "Features" + i, size, false));
    }
    GeneratedModels compiled = GeneratedModels.compile(nets, path.options());
    ForwardCheck.Result total = ForwardCheck.Result.none();
    for (int i = 0; i < nets.size(); i++) {
      total = total.merge(check(compiled, nets.get(i), SEED + i));
    }
    System.out.printf("FeatureExtractionTest[%s]: %d networks, %s%n", path, NETWORKS, total);
  }

  private static ForwardCheck.Result check(GeneratedModels compiled, NetDef net, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Model model = compiled.newModel(net, seed);
    ModelWeights.randomize(model, random);
    Map<String, double[]> params = ModelWeights.forReference(model, net);
    int n = 2;
    float[] x = ForwardCheck.randomInput(net, n, random);
    RefNet.Trace trace = new RefNet(net).infer(params, ForwardCheck.toDouble(x), n);
    int in = model.inputSize();
    ForwardCheck.Result total = ForwardCheck.Result.none();
    for (Layer layer : model.layers()) {
      String name = layer.name();
      float[] batch = new float[n * layer.outputSize()];
      model.features(name, x, n, batch);
      float[] first = model.features(name, Arrays.copyOf(x, in));
      assertArrayEquals(
          Arrays.copyOf(batch, layer.outputSize()), first, name + ": one example against batch");
      total =
          total.merge(
              ForwardCheck.compare(
                  batch,
                  trace.outputs.get(name),
                  () -> net.qualifiedName() + " layer " + name + "\n" + net.numberedSource()));
    }
    Layer last = model.layers().get(model.layers().size() - 1);
    float[] predicted = model.predict(Arrays.copyOf(x, in));
    assertArrayEquals(predicted, model.features(last.name(), Arrays.copyOf(x, in)));
    assertEquals(last.outputSize(), predicted.length);
    return total;
  }
}

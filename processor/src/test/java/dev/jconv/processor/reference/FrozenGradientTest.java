package dev.jconv.processor.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jconv.Layer;
import dev.jconv.Model;
import dev.jconv.Param;
import dev.jconv.compiled.CompiledModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The training pass with frozen layers, on every layer kind, the whole structures and random
 * networks (SIMD kernels): the gradients of the trainable layers and the input gradient are bit for
 * bit those of the same model without freezing, a frozen layer's gradients are zero, and the
 * backward of every layer below the lowest one with trainable parameters is not executed (the
 * model's {@code backwardRuns}). BatchNormalization layers stay trainable here (frozen, they train
 * in inference mode and change the forward pass; the examples module tests that).
 */
class FrozenGradientTest {
  @Test
  void frozenLayersLeaveTheOtherGradientsBitForBit() {
    GeneratedModels compiled = TrainingModels.compiled();
    List<NetDef> nets = new ArrayList<>(TrainingModels.PER_LAYER_KIND);
    nets.addAll(TrainingModels.STRUCTURES);
    nets.addAll(TrainingModels.RANDOM);
    int frozenLayers = 0;
    int skipped = 0;
    for (int i = 0; i < nets.size(); i++) {
      long seed = 7000 + i;
      NetDef net = nets.get(i);
      CompiledModel free = model(compiled, net, seed);
      CompiledModel frozen = model(compiled, net, seed);
      SplittableRandom random = new SplittableRandom(seed);
      for (Layer layer : frozen.layers()) {
        if (!layer.type().equals("BatchNormalization") && random.nextBoolean()) {
          layer.freeze();
          frozenLayers++;
        }
      }
      int n = 3;
      float[] x = ForwardCheck.randomInput(net, n, random);
      int[] labels = TrainingCheck.randomLabels(n, free.outputSize(), random);
      compare(net, free, frozen, x, labels, n, true);
      long[] before = backwardRuns(frozen);
      compare(net, free, frozen, x, labels, n, false);
      skipped += checkSkipped(net, frozen, before);
    }
    System.out.printf(
        "FrozenGradientTest: %d networks, %d layers frozen, %d layer backwards not executed%n",
        nets.size(), frozenLayers, skipped);
  }

  private static CompiledModel model(GeneratedModels compiled, NetDef net, long seed) {
    Model model = compiled.newModel(net, seed);
    ModelWeights.randomize(model, new SplittableRandom(seed));
    return (CompiledModel) model;
  }

  private static void compare(
      NetDef net,
      CompiledModel free,
      CompiledModel frozen,
      float[] x,
      int[] labels,
      int n,
      boolean inputGradient) {
    int size = free.weights().length;
    float[] g1 = new float[size];
    float[] g2 = new float[size];
    float[] dx1 = inputGradient ? new float[x.length] : null;
    float[] dx2 = inputGradient ? new float[x.length] : null;
    String what = net.className() + (inputGradient ? " with" : " without") + " input gradient";
    assertEquals(
        free.lossAndGradients(x, labels, n, g1, dx1, 5),
        frozen.lossAndGradients(x, labels, n, g2, dx2, 5),
        what);
    for (Layer layer : frozen.layers()) {
      for (Param p : layer.params()) {
        float[] want = layer.isTrainable() ? slice(g1, p) : new float[(int) p.size()];
        assertArrayEquals(want, slice(g2, p), () -> what + ": " + p.name() + "\n" + net.source());
      }
    }
    if (inputGradient) {
      assertArrayEquals(dx1, dx2, () -> what + "\n" + net.source());
    }
  }

  /** The layers below the lowest trainable one did not run; returns how many those are. */
  private static int checkSkipped(NetDef net, Model frozen, long[] before) {
    long[] after = backwardRuns(frozen);
    List<Layer> layers = frozen.layers();
    int lowest = layers.size();
    for (int i = layers.size() - 1; i >= 0; i--) {
      if (layers.get(i).trainableParamCount() > 0) {
        lowest = i;
      }
    }
    for (int i = 0; i < layers.size(); i++) {
      assertEquals(
          i >= lowest ? 1 : 0,
          after[i] - before[i],
          net.className()
              + ": backward runs of "
              + layers.get(i).name()
              + " (lowest trainable "
              + lowest
              + ")\n"
              + Arrays.toString(after));
    }
    return lowest;
  }

  private static long[] backwardRuns(Model model) {
    try {
      return (long[]) model.getClass().getMethod("backwardRuns").invoke(model);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("no backwardRuns() on " + model.name(), e);
    }
  }

  private static float[] slice(float[] w, Param p) {
    return Arrays.copyOfRange(w, p.offset(), p.offset() + (int) p.size());
  }
}

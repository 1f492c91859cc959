package dev.jconv.processor.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated training pass ({@code lossAndGradients}: training forward, fused softmax
 * cross-entropy, backward) against the double reference, for every layer kind, whole structures
 * (ResNet block, Inception module) and random networks: the loss, every parameter gradient, the
 * input gradient, the moving statistics after the pass. The reference's gradients of the whole loss
 * are proven with central differences. Reproduce or widen the random part with {@code
 * -Djconv.ref.seed=S -Djconv.train.networks=N}.
 */
class TrainingGradientTest {
  private static final long SEED = TrainingModels.SEED;

  private static List<NetDef> perLayerKind;
  private static List<NetDef> structures;
  private static List<NetDef> random;
  private static GeneratedModels compiled;

  @BeforeAll
  static void compile() {
    perLayerKind = TrainingModels.PER_LAYER_KIND;
    structures = TrainingModels.STRUCTURES;
    random = TrainingModels.RANDOM;
    compiled = TrainingModels.compiled();
  }

  @Test
  void everyLayerKindMatchesTheReference() {
    TrainingCheck.Result total = TrainingCheck.Result.none();
    for (int i = 0; i < perLayerKind.size(); i++) {
      total = total.merge(TrainingCheck.check(compiled, perLayerKind.get(i), 2000 + i, 3));
    }
    System.out.printf(
        "TrainingGradientTest: %d per-layer-kind networks, %s%n", perLayerKind.size(), total);
  }

  @Test
  void wholeStructuresMatchTheReference() {
    for (int i = 0; i < structures.size(); i++) {
      NetDef net = structures.get(i);
      TrainingCheck.Result r = TrainingCheck.check(compiled, net, 3000 + i, 4);
      System.out.printf("TrainingGradientTest: %s, %s%n", net.className(), r);
    }
  }

  @Test
  void randomNetworksMatchTheReference() {
    TrainingCheck.Result total = TrainingCheck.Result.none();
    Map<String, Integer> kinds = new TreeMap<>();
    for (int i = 0; i < random.size(); i++) {
      NetDef net = random.get(i);
      total = total.merge(TrainingCheck.check(compiled, net, SEED + i, 1 + i % 4));
      for (LayerDef layer : net.layers()) {
        kinds.merge(layer.getClass().getSimpleName(), 1, Integer::sum);
      }
    }
    System.out.printf(
        "TrainingGradientTest: seed %d, %d random networks %s, %s%n",
        SEED, random.size(), kinds, total);
  }

  /** The reference's gradients of the whole training loss equal central differences. */
  @Test
  void referenceLossGradientsEqualCentralDifferences() {
    List<NetDef> nets = new ArrayList<>(structures);
    for (int i = 0; i < random.size(); i += 2) {
      nets.add(random.get(i)); // the small ones
    }
    for (int i = 0; i < perLayerKind.size(); i += 3) {
      nets.add(perLayerKind.get(i));
    }
    int checked = 0;
    for (int i = 0; i < nets.size(); i++) {
      NetDef net = nets.get(i);
      SplittableRandom random = new SplittableRandom(4000 + i);
      Model model = compiled.newModel(net, 4000 + i);
      ModelWeights.randomize(model, random);
      int n = 1 + i % 3;
      float[] x = ForwardCheck.randomInput(net, n, random);
      int[] labels = TrainingCheck.randomLabels(n, model.outputSize(), random);
      long dropoutSeed = random.nextLong();
      TrainingCheck.Reference ref = TrainingCheck.reference(net, model, x, labels, n, dropoutSeed);
      checked +=
          TrainingCheck.centralDifferences(
              net, ref, ForwardCheck.toDouble(x), labels, n, 6, random.nextLong());
    }
    assertTrue(checked > 0);
    System.out.printf(
        "TrainingGradientTest: %d networks, %d loss gradients checked by central differences%n",
        nets.size(), checked);
  }
}

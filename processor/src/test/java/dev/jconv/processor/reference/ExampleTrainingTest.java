package dev.jconv.processor.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Model;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The training pass of the example networks at full size against the double reference: PatchNet
 * (64x64x3: BatchNormalization, separable convolution, global average pooling, dropout) and the
 * Fashion-MNIST tutorial network, on a few examples (the scalar code is slow at 64x64), with the
 * reference's loss gradients sampled by central differences.
 */
class ExampleTrainingTest {
  private static NetDef patchNet;
  private static NetDef fashion;
  private static GeneratedModels compiled;

  @BeforeAll
  static void compile() {
    patchNet = TrainingModels.PATCH_NET;
    fashion = TrainingModels.FASHION_TUTORIAL_NET;
    compiled = TrainingModels.compiled();
  }

  @Test
  void patchNetMatchesTheReference() {
    TrainingCheck.Result r = TrainingCheck.check(compiled, patchNet, 21, 3);
    System.out.printf("ExampleTrainingTest: PatchNet, batch 3: %s%n", r);
  }

  @Test
  void fashionTutorialNetMatchesTheReference() {
    TrainingCheck.Result r = TrainingCheck.check(compiled, fashion, 22, 2);
    System.out.printf("ExampleTrainingTest: FashionTutorialNet, batch 2: %s%n", r);
  }

  @Test
  void referenceLossGradientsOfTheExamplesEqualCentralDifferences() {
    int checked = 0;
    for (NetDef net : List.of(patchNet, fashion)) {
      SplittableRandom random = new SplittableRandom(23);
      Model model = compiled.newModel(net, 23);
      ModelWeights.randomize(model, random);
      int n = net == patchNet ? 2 : 1; // each loss costs a whole double forward pass
      float[] x = ForwardCheck.randomInput(net, n, random);
      int[] labels = TrainingCheck.randomLabels(n, model.outputSize(), random);
      TrainingCheck.Reference ref =
          TrainingCheck.reference(net, model, x, labels, n, random.nextLong());
      checked +=
          TrainingCheck.centralDifferences(
              net, ref, ForwardCheck.toDouble(x), labels, n, 1, random.nextLong());
    }
    assertTrue(checked > 0);
    System.out.printf(
        "ExampleTrainingTest: %d loss gradients of PatchNet and FashionTutorialNet checked by"
            + " central differences%n",
        checked);
  }
}

package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Layer;
import dev.jconv.Param;
import dev.jconv.data.ArrayDataset;
import dev.jconv.train.Adam;
import dev.jconv.train.Trainer;
import dev.jconv.transfer.LayerGroup;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Freezing in the generated training pass: frozen parameters and a frozen BatchNormalization's
 * moving statistics stay bit for bit, a frozen BatchNormalization trains in inference mode (its
 * gradients checked by finite differences), and the backward of the layers below the lowest
 * trainable one is not executed (the model's per-layer counter).
 */
class FrozenPassTest {
  @Test
  void frozenParametersAndStatisticsStayBitForBit() {
    TinyNetModel model = new TinyNetModel(5);
    LayerGroup.upTo(model, "flat").freeze(); // conv1, bn1 (gamma, beta, moving statistics)
    float[] before = model.weights().clone();
    train(model);
    for (String frozen : new String[] {"conv1", "bn1"}) {
      for (Param p : model.layer(frozen).params()) {
        assertArrayEquals(slice(before, p), slice(model.weights(), p), p.name() + " moved");
      }
    }
    for (String trained : new String[] {"fc1", "out"}) {
      for (Param p : model.layer(trained).params()) {
        assertNotEquals(
            Arrays.toString(slice(before, p)),
            Arrays.toString(slice(model.weights(), p)),
            p.name());
      }
    }
  }

  @Test
  void aTrainableBatchNormalizationMovesItsStatistics() {
    // The control of the test above: the same training moves them when bn1 is not frozen.
    TinyNetModel model = new TinyNetModel(5);
    model.conv1.freeze();
    float[] before = model.weights().clone();
    train(model);
    for (Param p : model.bn1.params()) {
      assertNotEquals(
          Arrays.toString(slice(before, p)), Arrays.toString(slice(model.weights(), p)), p.name());
    }
  }

  @Test
  void trainableGradientsEqualThoseWithoutFreezing() {
    ArrayDataset data = data(8, 3);
    TinyNetModel free = new TinyNetModel(9);
    TinyNetModel frozen = new TinyNetModel(9);
    frozen.conv1.freeze();
    float[] g1 = new float[free.weights().length];
    float[] g2 = new float[frozen.weights().length];
    float l1 = free.lossAndGradients(data.features(), data.labels(), 8, g1, null, 11);
    float l2 = frozen.lossAndGradients(data.features(), data.labels(), 8, g2, null, 11);
    assertEquals(l1, l2);
    for (Layer layer : frozen.layers()) {
      for (Param p : layer.params()) {
        float[] want = layer == frozen.conv1 ? new float[(int) p.size()] : slice(g1, p);
        assertArrayEquals(want, slice(g2, p), p.name());
      }
    }
  }

  @Test
  void aFrozenBatchNormalizationTrainsInInferenceMode() {
    DeclaredFrozenNetModel model = new DeclaredFrozenNetModel(2);
    ArrayDataset data = data(6, 4);
    float[] x = data.features();
    float[] grads = new float[model.weights().length];
    model.lossAndGradients(x, data.labels(), 6, grads, null, 1);
    float[] training = new float[6 * 4];
    model.trainingOutputs(training, 6);
    float[] inference = new float[6 * 4];
    model.predict(x, 6, inference);
    for (int i = 0; i < training.length; i++) {
      assertEquals(inference[i], training[i], 1e-6, "output " + i);
    }
  }

  @Test
  void gradientsThroughAFrozenBatchNormalizationMatchFiniteDifferences() {
    FrozenNormNetModel model = new FrozenNormNetModel(2);
    float[] w = model.weights();
    SplittableRandom random = new SplittableRandom(6);
    for (Param p : model.bn1.params()) { // moving statistics far from 0 and 1, as after training
      for (int i = p.offset(); i < p.offset() + p.size(); i++) {
        w[i] =
            (float)
                (p.name().endsWith("variance")
                    ? 0.2 + random.nextDouble()
                    : random.nextDouble() - 0.5);
      }
    }
    int n = 4;
    float[] x = new float[n * 72];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (2 * random.nextDouble() - 1);
    }
    int[] labels = {0, 1, 2, 1};
    float[] grads = new float[w.length];
    model.lossAndGradients(x, labels, n, grads, null, 1);
    Param kernel = model.conv1.params().get(0);
    double largest = 0;
    for (int i = kernel.offset(); i < kernel.offset() + kernel.size(); i++) {
      float saved = w[i];
      float h = 1e-2f;
      w[i] = saved + h;
      double up = model.lossAndGradients(x, labels, n, new float[w.length], null, 1);
      w[i] = saved - h;
      double down = model.lossAndGradients(x, labels, n, new float[w.length], null, 1);
      w[i] = saved;
      double numeric = (up - down) / (2 * h);
      assertEquals(numeric, grads[i], 2e-4 + 1e-2 * Math.abs(numeric), "conv1.kernel[" + i + "]");
      largest = Math.max(largest, Math.abs(numeric));
    }
    assertTrue(largest > 1e-2, "the check is not vacuous: largest gradient " + largest);
    for (Param p : model.bn1.params()) {
      assertArrayEquals(
          new float[(int) p.size()], slice(grads, p), p.name() + " of a frozen layer");
    }
  }

  @Test
  void theBackwardBelowTheLowestTrainableLayerDoesNotRun() {
    DeclaredFrozenNetModel model = new DeclaredFrozenNetModel(3);
    // conv1, bn1 frozen; relu1, pool1 have no parameters: the lowest trainable layer is conv2.
    step(model, null);
    assertArrayEquals(new long[] {0, 0, 0, 0, 1, 1, 1}, model.backwardRuns());
    model.conv1.unfreeze();
    step(model, null);
    assertArrayEquals(new long[] {1, 1, 1, 1, 2, 2, 2}, model.backwardRuns());
    model.conv1.freeze();
    step(model, new float[6 * 64]); // the input gradient needs every backward
    assertArrayEquals(new long[] {2, 2, 2, 2, 3, 3, 3}, model.backwardRuns());
  }

  @Test
  void aFrozenExtractorRunsOnlyTheHeadsBackward() {
    TinyNetModel model = new TinyNetModel(5);
    LayerGroup.upTo(model, "flat").freeze();
    train(model);
    long[] runs = model.backwardRuns();
    assertEquals(0, runs[0] + runs[1] + runs[2] + runs[3], Arrays.toString(runs));
    assertTrue(runs[4] > 0 && runs[4] == runs[5] && runs[5] == runs[6], Arrays.toString(runs));
  }

  private static void step(DeclaredFrozenNetModel model, float[] inputGrads) {
    ArrayDataset data = data(6, 8);
    model.lossAndGradients(
        data.features(), data.labels(), 6, new float[model.weights().length], inputGrads, 1);
  }

  private static void train(dev.jconv.Model model) {
    Trainer.of(model)
        .optimizer(new Adam().learningRate(0.01))
        .batchSize(8)
        .epochs(2)
        .verbose(false)
        .fit(data(32, 7));
  }

  private static float[] slice(float[] w, Param p) {
    return Arrays.copyOfRange(w, p.offset(), p.offset() + (int) p.size());
  }

  private static ArrayDataset data(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n * 64];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 4;
      for (int j = 0; j < 64; j++) {
        x[i * 64 + j] = (float) random.nextDouble() + (j % 4 == labels[i] ? 1f : 0f);
      }
    }
    return new ArrayDataset(x, labels, new int[] {8, 8, 1}, 4);
  }
}

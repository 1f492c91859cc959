package dev.jconv.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.parallel.Parallel;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Which weights an optimizer touches: frozen layers, moving statistics, per-layer multipliers. */
class TrainableRangesTest {
  private static final float[] ONES = {1, 1, 1, 1, 1, 1, 1, 1};

  @Test
  void frozenLayerAndMovingStatisticsStayPut() {
    FakeModel model = FakeModel.small();
    Adam adam = new Adam().learningRate(0.1);
    model.layer("bn").freeze();
    adam.step(model, ONES);
    float[] w = model.weights();
    for (int i = 0; i < 4; i++) {
      assertTrue(w[i] < i + 1, "conv weight " + i + " moved");
    }
    assertArrayEquals(new float[] {5, 6, 7, 8}, Arrays.copyOfRange(w, 4, 8));
    assertArrayEquals(new float[] {0, 0, 0, 0}, Arrays.copyOfRange(adam.state().get(Adam.M), 4, 8));
  }

  @Test
  void unfreezingResumesUpdates() {
    FakeModel model = FakeModel.small();
    Sgd sgd = new Sgd().learningRate(0.5);
    model.layer("conv").freeze();
    sgd.step(model, ONES);
    assertArrayEquals(new float[] {1, 2, 3, 4, 4.5f, 5.5f, 7, 8}, model.weights());
    model.layer("conv").unfreeze();
    model.layer("bn").freeze();
    sgd.step(model, ONES);
    assertArrayEquals(new float[] {0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f, 7, 8}, model.weights());
    model.layer("bn").unfreeze();
    sgd.step(model, ONES);
    assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 7, 8}, model.weights());
    assertEquals(3, sgd.iterations());
  }

  @Test
  void multiplierScalesTheLayersStepAndDecay() {
    FakeModel model = FakeModel.small();
    Sgd sgd = new Sgd().learningRate(0.5).weightDecay(0.2).setLearningRateMultiplier("conv", 0.1);
    assertEquals(0.1, sgd.learningRateMultiplier("conv"));
    assertEquals(1.0, sgd.learningRateMultiplier("bn"));
    sgd.step(model, ONES);
    // conv: lr 0.05: w = w (1 - 0.05 * 0.2) - 0.05; bn: lr 0.5: w = w (1 - 0.1) - 0.5
    float[] w = model.weights();
    assertEquals(1 * 0.99f - 0.05f, w[0], 1e-6f);
    assertEquals(4 * 0.99f - 0.05f, w[3], 1e-6f);
    assertEquals(5 * 0.9f - 0.5f, w[4], 1e-6f);
    sgd.setLearningRateMultiplier("conv", 0); // same as frozen
    float before = w[0];
    sgd.step(model, ONES);
    assertEquals(before, w[0], 0f);
  }

  @Test
  void excludedParametersAreNotDecayed() {
    FakeModel model = FakeModel.small();
    AdamW adamW = new AdamW().weightDecay(0.5).learningRate(0.1).excludeFromWeightDecay("bias");
    float[] zero = new float[8];
    adamW.step(model, zero); // zero gradients: only the decay moves weights
    // w = w - 0.1 * 0.5 * w = 0.95 w, except conv.bias (index 3)
    assertArrayEquals(
        new float[] {0.95f, 1.9f, 2.85f, 4f, 4.75f, 5.7f, 7f, 8f}, model.weights(), 1e-6f);
    adamW.excludeFromWeightDecay("bn."); // takes effect at the next step
    adamW.step(model, zero);
    assertArrayEquals(
        new float[] {0.9025f, 1.805f, 2.7075f, 4f, 4.75f, 5.7f, 7f, 8f}, model.weights(), 1e-6f);
  }

  @Test
  void unknownLayerInMultiplierIsAnError() {
    FakeModel model = FakeModel.small();
    Sgd sgd = new Sgd().setLearningRateMultiplier("backbone", 0.1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> sgd.step(model, ONES));
    assertEquals(
        "learning-rate multiplier for unknown layer 'backbone' in Fake; layers: [conv, bn]",
        e.getMessage());
    Sgd bound = new Sgd();
    bound.step(model, ONES);
    assertThrows(IllegalArgumentException.class, () -> bound.setLearningRateMultiplier("x", 2));
  }

  @Test
  void gradientsMustMatchTheWeights() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new Adam().step(FakeModel.small(), new float[7]));
    assertEquals("Adam.step: grads has 7 values but Fake.weights() has 8", e.getMessage());
  }

  @Test
  void splittingOverCoresGivesTheSameBits() {
    int threads = Parallel.threads();
    try {
      float[] one = runLarge(1);
      float[] four = runLarge(4);
      assertTrue(Arrays.equals(one, four), "1 thread and 4 threads differ");
    } finally {
      Parallel.setThreads(threads);
    }
  }

  // Three AdamW steps over 3 layers of 40,003 trainable and 40,003 frozen values, one layer frozen.
  private static float[] runLarge(int threads) {
    Parallel.setThreads(threads);
    FakeModel model = FakeModel.large(3, 40_003, 7);
    model.layer("layer1").freeze();
    float[] start = model.weights().clone();
    AdamW adamW = new AdamW().learningRate(0.01).setLearningRateMultiplier("layer2", 0.5);
    SplittableRandom random = new SplittableRandom(11);
    float[] g = new float[model.weights().length];
    for (int step = 0; step < 3; step++) {
      for (int i = 0; i < g.length; i++) {
        g[i] = (float) random.nextGaussian();
      }
      adamW.step(model, g);
    }
    int size = 40_003;
    float[] w = model.weights();
    assertArrayEquals(
        Arrays.copyOfRange(start, 2 * size, 4 * size), Arrays.copyOfRange(w, 2 * size, 4 * size));
    assertArrayEquals(
        Arrays.copyOfRange(start, size, 2 * size), Arrays.copyOfRange(w, size, 2 * size));
    assertTrue(w[0] != start[0] && w[4 * size] != start[4 * size]);
    return w.clone();
  }
}

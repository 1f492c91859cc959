package dev.jconv.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fine-tuning with one optimizer: a layer unfrozen after the head has trained starts its moments as
 * under a fresh optimizer, the head keeps its own, and the per-layer counts survive a checkpoint.
 */
class FineTuningStateTest {
  private static final float[][] GRADS = {
    {0.5f, -1f, 2f, 0f, -3f, 0.25f, 0f, 0f},
    {0.4f, -0.5f, 1f, 0.1f, 3f, -0.25f, 0f, 0f},
    {-0.2f, -2f, 0.5f, 0f, -1f, 0.5f, 0f, 0f},
    {1f, 1f, -1f, 0.3f, 0.2f, 0.1f, 0f, 0f},
    {-0.7f, 0.3f, 0.9f, -0.1f, 0f, 2f, 0f, 0f},
  };

  @Test
  void anUnfrozenLayerStepsLikeUnderAFreshAdamAndTheHeadKeepsItsMoments() {
    FakeModel model = FakeModel.small();
    FakeModel uninterrupted = model.copy();
    Adam adam = new Adam().learningRate(0.01);
    Adam reference = new Adam().learningRate(0.01);
    model.layer("conv").freeze(); // "conv" plays the extractor, "bn" the head
    for (int s = 0; s < 4; s++) {
      adam.step(model, GRADS[s]);
      reference.step(uninterrupted, GRADS[s]);
    }
    FakeModel beforeUnfreeze = model.copy();
    model.layer("conv").unfreeze();
    adam.step(model, GRADS[4]);
    reference.step(uninterrupted, GRADS[4]);

    // conv: exactly the step of a fresh Adam on the same weights
    Adam fresh = new Adam().learningRate(0.01);
    beforeUnfreeze.layer("bn").freeze();
    fresh.step(beforeUnfreeze, GRADS[4]);
    assertArrayEquals(
        Arrays.copyOfRange(beforeUnfreeze.weights(), 0, 4),
        Arrays.copyOfRange(model.weights(), 0, 4));
    // bn: exactly as if nothing had been frozen (its 5th step with its moments)
    assertArrayEquals(
        Arrays.copyOfRange(uninterrupted.weights(), 4, 8),
        Arrays.copyOfRange(model.weights(), 4, 8));
    assertEquals(5, adam.iterations());
  }

  @Test
  void withTheOptimizersCountTheUnfrozenLayerWouldOvershoot() {
    // The check above can fail: a correction by the global step (5) differs from a fresh one (1).
    FakeModel model = FakeModel.small();
    Adam adam = new Adam().learningRate(0.01);
    model.layer("conv").freeze();
    for (int s = 0; s < 4; s++) {
      adam.step(model, GRADS[s]);
    }
    model.layer("conv").unfreeze();
    float before = model.weights()[0];
    adam.step(model, GRADS[4]);
    // a fresh Adam's first step moves each weight by lr * sign(g) (to within epsilon)
    assertEquals(0.01f, Math.abs(before - model.weights()[0]), 1e-6f);
  }

  @Test
  void perLayerCountsAreSavedOnlyWhenTheyDiffer() {
    FakeModel model = FakeModel.small();
    Adam adam = new Adam();
    adam.step(model, GRADS[0]);
    assertFalse(adam.state().containsKey(Optimizer.LAYER_ITERATIONS));
    model.layer("conv").freeze();
    adam.step(model, GRADS[1]);
    assertArrayEquals(new float[] {1, 0, 2, 0}, adam.state().get(Optimizer.LAYER_ITERATIONS), 0f);
  }

  @Test
  void perLayerCountsResumeBitForBit() {
    FakeModel model = FakeModel.small();
    Adam original = new Adam().learningRate(0.01);
    model.layer("conv").freeze();
    original.step(model, GRADS[0]);
    original.step(model, GRADS[1]);
    model.layer("conv").unfreeze();
    original.step(model, GRADS[2]);
    FakeModel resumedModel = model.copy();
    Adam resumed = new Adam().learningRate(0.01);
    resumed.restoreState(original.state());
    for (int s = 3; s < 5; s++) {
      original.step(model, GRADS[s]);
      resumed.step(resumedModel, GRADS[s]);
    }
    assertArrayEquals(model.weights(), resumedModel.weights());
    Map<String, float[]> a = original.state();
    Map<String, float[]> b = resumed.state();
    assertEquals(a.keySet(), b.keySet());
    for (String key : a.keySet()) {
      assertArrayEquals(a.get(key), b.get(key), key);
    }
    // without the per-layer counts the resumed run would differ
    FakeModel lossy = FakeModel.small();
    Adam forgetful = new Adam().learningRate(0.01);
    Map<String, float[]> state = new java.util.HashMap<>(original.state());
    state.remove(Optimizer.LAYER_ITERATIONS);
    forgetful.restoreState(state);
    System.arraycopy(model.weights(), 0, lossy.weights(), 0, 8);
    forgetful.step(lossy, GRADS[0]);
    original.step(model, GRADS[0]);
    assertNotEquals(model.weights()[0], lossy.weights()[0]);
  }

  @Test
  void perLayerCountsForAnotherNetworkAreRefused() {
    FakeModel model = FakeModel.small();
    Adam adam = new Adam();
    adam.step(model, GRADS[0]);
    Map<String, float[]> state = new java.util.HashMap<>(adam.state());
    state.put(Optimizer.LAYER_ITERATIONS, new float[] {1, 0, 1, 0, 1, 0});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> adam.restoreState(state));
    assertTrue(e.getMessage().contains("counts 3 layers but the model has 2"), e.getMessage());
  }
}

package dev.jconv.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Saving and restoring an optimizer's state: names, round trips bit for bit, clear errors. */
class OptimizerStateTest {
  private static final float[][] GRADS = {
    {0.5f, -1f, 2f, 0f, -3f, 0.25f, 0f, 0f},
    {0.4f, -0.5f, 1f, 0.1f, 3f, -0.25f, 0f, 0f},
    {-0.2f, -2f, 0.5f, 0f, -1f, 0.5f, 0f, 0f},
    {1f, 1f, -1f, 0.3f, 0.2f, 0.1f, 0f, 0f},
    {-0.7f, 0.3f, 0.9f, -0.1f, 0f, 2f, 0f, 0f},
  };

  @Test
  void stateNames() {
    assertEquals(
        List.of(Optimizer.ITERATIONS, "adam.m", "adam.v"),
        List.copyOf(new Adam().state().keySet()));
    assertEquals(
        List.of(Optimizer.ITERATIONS, "adam.m", "adam.v"),
        List.copyOf(new AdamW().state().keySet()));
    assertEquals(
        List.of(Optimizer.ITERATIONS, "sgd.velocity"),
        List.copyOf(Sgd.withMomentum(0.9).state().keySet()));
    assertEquals(List.of(Optimizer.ITERATIONS), List.copyOf(new Sgd().state().keySet()));
  }

  @Test
  void adamResumesBitForBit() {
    roundTrip(() -> new Adam().learningRate(0.01));
  }

  @Test
  void adamWResumesBitForBit() {
    roundTrip(() -> new AdamW().learningRate(0.01).weightDecay(0.05));
  }

  @Test
  void nesterovSgdResumesBitForBit() {
    roundTrip(() -> Sgd.withMomentum(0.9).nesterov(true).learningRate(0.1).weightDecay(0.01));
  }

  // Two steps, save, restore into a fresh optimizer and a copy of the model, three more steps on
  // both: the weights and the state must be identical.
  private static void roundTrip(Supplier<Optimizer> make) {
    FakeModel model = FakeModel.small();
    Optimizer original = make.get();
    original.step(model, GRADS[0]);
    original.step(model, GRADS[1]);
    FakeModel resumedModel = model.copy();
    Optimizer resumed = make.get();
    resumed.restoreState(original.state());
    assertEquals(2, resumed.iterations());
    for (int s = 2; s < GRADS.length; s++) {
      original.step(model, GRADS[s]);
      resumed.step(resumedModel, GRADS[s]);
    }
    assertArrayEquals(model.weights(), resumedModel.weights(), 0f);
    Map<String, float[]> a = original.state();
    Map<String, float[]> b = resumed.state();
    assertEquals(a.keySet(), b.keySet());
    for (String key : a.keySet()) {
      assertArrayEquals(a.get(key), b.get(key), 0f, key);
    }
  }

  @Test
  void stateIsACopy() {
    FakeModel model = FakeModel.small();
    Adam adam = new Adam();
    adam.step(model, GRADS[0]);
    float m0 = adam.state().get(Adam.M)[0];
    adam.state().get(Adam.M)[0] = 42;
    assertEquals(m0, adam.state().get(Adam.M)[0]);
  }

  @Test
  void stateBeforeTheFirstStepRestores() {
    Map<String, float[]> empty = new Adam().state();
    assertEquals(0, empty.get(Adam.M).length);
    Adam adam = new Adam();
    adam.restoreState(empty);
    adam.step(FakeModel.small(), GRADS[0]);
    assertEquals(1, adam.iterations());
  }

  @Test
  void largeIterationCountsSurvive() {
    Sgd sgd = new Sgd();
    Map<String, float[]> state = new HashMap<>();
    state.put(Optimizer.ITERATIONS, new float[] {5, 64}); // 64 * 2^24 + 5
    sgd.restoreState(state);
    assertEquals(64L * (1 << 24) + 5, sgd.iterations());
    sgd.step(FakeModel.small(), GRADS[0]);
    assertArrayEquals(new float[] {6, 64}, sgd.state().get(Optimizer.ITERATIONS), 0f);
  }

  @Test
  void missingEntry() {
    Map<String, float[]> state = new HashMap<>(new Adam().state());
    state.remove(Adam.V);
    assertMessage(
        "Adam.restoreState: missing entry 'adam.v'; expected exactly"
            + " [adam.m, adam.v, optimizer.iterations]",
        () -> new Adam().restoreState(state));
  }

  @Test
  void stateOfAnotherOptimizer() {
    assertMessage(
        "Adam.restoreState: unknown entry 'sgd.velocity'; expected exactly"
            + " [adam.m, adam.v, optimizer.iterations]",
        () -> new Adam().restoreState(Sgd.withMomentum(0.9).state()));
  }

  @Test
  void sizeDoesNotMatchTheModel() {
    Map<String, float[]> state = new HashMap<>();
    state.put(Optimizer.ITERATIONS, new float[] {3, 0});
    state.put(Adam.M, new float[5]);
    state.put(Adam.V, new float[5]);
    String message =
        "Adam.restoreState: entry 'adam.m' has 5 values but the model has 8 weights;"
            + " the state was saved for a different network";
    Adam bound = new Adam();
    bound.step(FakeModel.small(), GRADS[0]);
    assertMessage(message, () -> bound.restoreState(state));
    assertEquals(1, bound.iterations()); // unchanged by the failed restore
    Adam unbound = new Adam();
    unbound.restoreState(state); // no model yet: checked at the first step
    assertMessage(message, () -> unbound.step(FakeModel.small(), GRADS[0]));
  }

  @Test
  void inconsistentSlots() {
    Map<String, float[]> state = new HashMap<>();
    state.put(Optimizer.ITERATIONS, new float[] {3, 0});
    state.put(Adam.M, new float[8]);
    state.put(Adam.V, new float[7]);
    assertMessage(
        "Adam.restoreState: entry 'adam.v' has 7 values but 'adam.m' has 8;"
            + " the state is inconsistent",
        () -> new Adam().restoreState(state));
  }

  @Test
  void malformedIterations() {
    Map<String, float[]> state = new HashMap<>();
    state.put(Optimizer.ITERATIONS, new float[] {3});
    assertMessage(
        "Sgd.restoreState: entry 'optimizer.iterations' has 1 values, expected 2"
            + " (count % 2^24, count / 2^24)",
        () -> new Sgd().restoreState(state));
    state.put(Optimizer.ITERATIONS, new float[] {0.5f, 0});
    assertThrows(IllegalArgumentException.class, () -> new Sgd().restoreState(state));
  }

  private static void assertMessage(String expected, Runnable action) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
    assertEquals(expected, e.getMessage());
  }
}

package dev.jconv.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Sgd's update against hand-computed values of Keras's formulas. */
class SgdTest {
  private static final float TOL = 1e-6f;

  @Test
  void defaultsAreKeras() {
    Sgd sgd = new Sgd();
    assertEquals(0.01, sgd.learningRate());
    assertEquals(0.0, sgd.momentum());
    assertFalse(sgd.isNesterov());
    assertEquals(0.0, sgd.weightDecay());
    assertEquals(0.9, Sgd.withMomentum(0.9).momentum());
    assertEquals(0.01, Sgd.withMomentum(0.9).learningRate());
  }

  @Test
  void plainStepIsWeightMinusRateTimesGradient() {
    FakeModel model = FakeModel.small();
    float[] g = {0.5f, -1f, 2f, 4f, -3f, 10f, 100f, 100f};
    new Sgd().step(model, g);
    // w = w - 0.01 * g; moving statistics (6, 7) untouched
    assertArrayEquals(
        new float[] {0.995f, 2.01f, 2.98f, 3.96f, 5.03f, 5.9f, 7f, 8f}, model.weights(), TOL);
  }

  @Test
  void momentumAccumulatesVelocity() {
    FakeModel model = FakeModel.small();
    Sgd sgd = Sgd.withMomentum(0.9).learningRate(0.1);
    float[] g = new float[8];
    g[0] = 1f;
    sgd.step(model, g); // v = -0.1, w = 1 - 0.1 = 0.9
    assertEquals(0.9f, model.weights()[0], TOL);
    sgd.step(model, g); // v = 0.9 * -0.1 - 0.1 = -0.19, w = 0.71
    assertEquals(0.71f, model.weights()[0], TOL);
    g[0] = 0.5f;
    sgd.step(model, g); // v = 0.9 * -0.19 - 0.05 = -0.221, w = 0.489
    assertEquals(0.489f, model.weights()[0], TOL);
    assertEquals(-0.221f, sgd.state().get(Sgd.VELOCITY)[0], TOL);
    assertEquals(2f, model.weights()[1], 0f); // zero gradient, zero velocity
  }

  @Test
  void nesterovLooksAhead() {
    FakeModel model = FakeModel.small();
    Sgd sgd = Sgd.withMomentum(0.9).nesterov(true).learningRate(0.1);
    float[] g = new float[8];
    g[0] = 1f;
    sgd.step(model, g); // v = -0.1, w = 1 + 0.9 * -0.1 - 0.1 = 0.81
    assertEquals(0.81f, model.weights()[0], TOL);
    sgd.step(model, g); // v = -0.19, w = 0.81 + 0.9 * -0.19 - 0.1 = 0.539
    assertEquals(0.539f, model.weights()[0], TOL);
  }

  @Test
  void weightDecayShrinksBeforeTheStep() {
    FakeModel model = FakeModel.small();
    Sgd sgd = new Sgd().learningRate(0.1).weightDecay(0.01);
    float[] g = new float[8];
    g[1] = 1f;
    sgd.step(model, g);
    // w = w - 0.1 * 0.01 * w, then w - 0.1 * g
    assertEquals(1f - 0.001f, model.weights()[0], TOL);
    assertEquals(2f - 0.002f - 0.1f, model.weights()[1], TOL);
    assertEquals(7f, model.weights()[6], 0f); // non-trainable: no decay either
  }

  @Test
  void weightDecayWithMomentum() {
    FakeModel model = FakeModel.small();
    Sgd sgd = Sgd.withMomentum(0.5).learningRate(0.1).weightDecay(0.1);
    float[] g = new float[8];
    g[1] = 1f;
    sgd.step(model, g); // w = 2 * 0.99 = 1.98; v = -0.1; w = 1.88
    sgd.step(model, g); // w = 1.88 * 0.99 = 1.8612; v = -0.05 - 0.1 = -0.15; w = 1.7112
    assertEquals(1.7112f, model.weights()[1], TOL);
  }

  @Test
  void rejectsBadSettings() {
    assertThrows(IllegalArgumentException.class, () -> Sgd.withMomentum(1.0));
    assertThrows(IllegalArgumentException.class, () -> new Sgd().learningRate(-1));
    assertThrows(IllegalArgumentException.class, () -> new Sgd().weightDecay(Double.NaN));
  }
}

package dev.jconv.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Adam and AdamW against Keras's formulas, evaluated here in doubles. */
class AdamTest {
  private static final float[][] GRADS = {
    {0.5f, -1f, 2f, 0f, -3f, 0.25f, 9f, 9f},
    {0.4f, -0.5f, 1f, 0.1f, 3f, -0.25f, 9f, 9f},
    {-0.2f, -2f, 0.5f, 0f, -1f, 0.5f, 9f, 9f},
  };

  @Test
  void defaultsAreKeras() {
    Adam adam = new Adam();
    assertEquals(0.001, adam.learningRate());
    assertEquals(0.9, adam.beta1());
    assertEquals(0.999, adam.beta2());
    assertEquals(1e-7, adam.epsilon());
    assertEquals(0.0, adam.weightDecay());
    AdamW adamW = new AdamW();
    assertEquals(0.001, adamW.learningRate());
    assertEquals(0.004, adamW.weightDecay());
    assertEquals(1e-7, adamW.epsilon());
  }

  @Test
  void firstStepMovesByAboutTheLearningRate() {
    FakeModel model = FakeModel.small();
    new Adam().step(model, GRADS[0]);
    // t = 1: m = 0.1 g, v = 0.001 g^2, lr_t = lr * sqrt(0.001) / 0.1, so the step is
    // lr * |g| sqrt(0.001) / (|g| sqrt(0.001) + 1e-7) * sign(g): 0.001 * (1 - 6.32e-6) for g = 0.5
    assertEquals(1 - 0.001 * (1 - 6.3245e-6), model.weights()[0], 1e-7);
    assertEquals(2 + 0.001, model.weights()[1], 1e-6);
    assertEquals(4f, model.weights()[3], 0f); // zero gradient: no move
  }

  @Test
  void threeStepsMatchTheFormula() {
    FakeModel model = FakeModel.small();
    Adam adam = new Adam().learningRate(0.01).beta1(0.8).beta2(0.99).epsilon(1e-3);
    double[] expected = reference(model.weights(), 0.01, 0.8, 0.99, 1e-3, 0);
    for (float[] g : GRADS) {
      adam.step(model, g);
    }
    assertClose(expected, model.weights());
    assertEquals(3, adam.iterations());
  }

  @Test
  void adamWDecaysThenTakesTheAdamStep() {
    FakeModel model = FakeModel.small();
    AdamW adamW = new AdamW().learningRate(0.01).weightDecay(0.1);
    double[] expected = reference(model.weights(), 0.01, 0.9, 0.999, 1e-7, 0.1);
    for (float[] g : GRADS) {
      adamW.step(model, g);
    }
    assertClose(expected, model.weights());
  }

  @Test
  void adamWithWeightDecayEqualsAdamW() {
    FakeModel a = FakeModel.small();
    FakeModel b = FakeModel.small();
    Adam adam = new Adam().weightDecay(0.004);
    AdamW adamW = new AdamW();
    for (float[] g : GRADS) {
      adam.step(a, g);
      adamW.step(b, g);
    }
    assertEquals(java.util.Arrays.toString(b.weights()), java.util.Arrays.toString(a.weights()));
  }

  /**
   * Three steps of Keras's AdamW in doubles: w -= lr * wd * w; m = b1 m + (1 - b1) g; v = b2 v + (1
   * - b2) g^2; lr_t = lr sqrt(1 - b2^t) / (1 - b1^t); w -= lr_t m / (sqrt(v) + eps). Indices 6 and
   * 7 are moving statistics and stay.
   */
  private static double[] reference(
      float[] start, double lr, double b1, double b2, double eps, double wd) {
    double[] w = new double[start.length];
    double[] m = new double[start.length];
    double[] v = new double[start.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = start[i];
    }
    for (int t = 1; t <= GRADS.length; t++) {
      double lrT = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
      for (int i = 0; i < 6; i++) {
        double g = GRADS[t - 1][i];
        w[i] -= lr * wd * w[i];
        m[i] = b1 * m[i] + (1 - b1) * g;
        v[i] = b2 * v[i] + (1 - b2) * g * g;
        w[i] -= lrT * m[i] / (Math.sqrt(v[i]) + eps);
      }
    }
    return w;
  }

  private static void assertClose(double[] expected, float[] actual) {
    for (int i = 0; i < expected.length; i++) {
      assertEquals(
          expected[i], actual[i], 2e-6 * Math.max(1, Math.abs(expected[i])), "w[" + i + "]");
    }
  }
}

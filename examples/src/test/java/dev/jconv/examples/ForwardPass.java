package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Model;
import java.util.SplittableRandom;

/** One forward pass of a big network on one random image, with the checks any softmax passes. */
final class ForwardPass {
  private ForwardPass() {}

  /** Runs {@code model} on one seeded random image and checks its output is a distribution. */
  static float[] assertProbabilities(Model model) {
    float[] x = new float[model.inputSize()];
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextDouble();
    }
    float[] p = model.predict(x);
    assertEquals(model.outputSize(), p.length);
    double sum = 0;
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float v : p) {
      assertTrue(Float.isFinite(v) && v >= 0 && v <= 1, "not a probability: " + v);
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertEquals(1, sum, 1e-3, "probabilities sum");
    // A network whose output ignores its input (a dead or skipped layer) gives uniform scores.
    assertTrue(max > min, model.name() + " gave " + min + " for every class");
    return p;
  }
}

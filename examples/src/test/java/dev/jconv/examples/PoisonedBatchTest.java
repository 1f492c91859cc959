package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.data.ArrayDataset;
import dev.jconv.train.Trainer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/**
 * NaN or infinite training data on a real generated network with BatchNormalization: the step is
 * rejected before it changes anything (the moving mean and variance included), so predict on clean
 * input stays as it was.
 */
class PoisonedBatchTest {
  @Test
  void badDataLeavesWeightsAndMovingStatisticsUntouched() {
    float[] values = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
    for (float value : values) {
      TinyNetModel model = new TinyNetModel(3);
      ArrayDataset good = TrainerTest.quadrants(64, 9);
      quiet(model).batchSize(16).epochs(1).fit(good);
      float[] before = model.weights().clone();
      float[] clean = new float[64];
      System.arraycopy(good.features(), 0, clean, 0, 64);
      float[] predictionBefore = model.predict(clean);

      float[] x = good.features().clone();
      x[10 * 64 + 5] = value;
      ArrayDataset bad = new ArrayDataset(x, good.labels(), new int[] {8, 8, 1}, 4);
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class, () -> quiet(model).batchSize(64).epochs(1).fit(bad));

      assertTrue(
          e.getMessage().contains("example 10 of the training data holds " + value + " at index 5"),
          e.getMessage());
      assertArrayEquals(before, model.weights(), "a weight or moving statistic changed");
      assertArrayEquals(predictionBefore, model.predict(clean));
    }
  }

  private static Trainer quiet(TinyNetModel model) {
    return Trainer.of(model).output(new PrintStream(new ByteArrayOutputStream())).seed(5);
  }
}

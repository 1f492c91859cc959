package dev.jconv.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Layer;
import dev.jconv.compiled.CompiledModel;
import dev.jconv.data.ArrayDataset;
import dev.jconv.testing.Blobs;
import dev.jconv.testing.StatModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rejected step leaves every weight and statistic as it was, whatever made it bad: NaN or
 * infinite data (which the training pass folds into the moving statistics before the loss is
 * known), or a divergence. The error names the example.
 */
class RejectedStepTest {
  static Trainer quiet(StatModel model) {
    return Trainer.of(model).output(new PrintStream(new ByteArrayOutputStream())).verbose(false);
  }

  private static ArrayDataset poisoned(float value, int example, int feature) {
    ArrayDataset good = Blobs.of(48, 4, 3, 1);
    float[] x = good.features().clone();
    x[example * 4 + feature] = value;
    return new ArrayDataset(x, good.labels(), new int[] {4}, 3);
  }

  @Test
  void nanOrInfinityInTheDataChangesNothing() {
    float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
    for (float value : bad) {
      StatModel model = new StatModel(4, 3, 7);
      quiet(model).batchSize(16).epochs(1).fit(Blobs.of(48, 4, 3, 2));
      float[] before = model.weights().clone();

      // One batch holds the whole data set, so the first and only step is the bad one.
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> quiet(model).batchSize(48).epochs(1).fit(poisoned(value, 13, 2)));

      assertTrue(
          e.getMessage().contains("example 13 of the training data holds " + value + " at index 2"),
          e.getMessage());
      assertTrue(e.getMessage().contains("the step was not applied"), e.getMessage());
      assertArrayEquals(before, model.weights(), "weights or moving statistics changed");
      for (float p : model.predict(new float[] {1, 0, 0, 1})) {
        assertTrue(Float.isFinite(p), "predict gives " + p);
      }
    }
  }

  /** A StatModel whose training pass, after computing a finite loss, spoils one value. */
  private static CompiledModel spoiling(StatModel base, boolean gradient) {
    return new CompiledModel() {
      @Override
      public String name() {
        return base.name();
      }

      @Override
      public int[] inputShape() {
        return base.inputShape();
      }

      @Override
      public int[] outputShape() {
        return base.outputShape();
      }

      @Override
      public List<Layer> layers() {
        return base.layers();
      }

      @Override
      public float[] weights() {
        return base.weights();
      }

      @Override
      public void predictInto(float[] x, int xo, float[] y, int yo) {
        base.predictInto(x, xo, y, yo);
      }

      @Override
      public void trainingOutputs(float[] out, int n) {
        base.trainingOutputs(out, n);
      }

      @Override
      public float backpropagate(
          float[] x, int[] labels, int n, float[] grads, float[] inputGrads, long seed) {
        float loss = base.backpropagate(x, labels, n, grads, inputGrads, seed);
        if (gradient) {
          grads[6] = Float.NaN; // in dense.kernel, which starts at 4
        } else {
          base.weights()[1] = Float.POSITIVE_INFINITY; // norm.moving_mean
        }
        return loss;
      }
    };
  }

  @Test
  void aNonFiniteGradientOrStatisticBehindAFiniteLossIsRejected() {
    String[] expected = {
      "training diverged: the gradient of dense.kernel is NaN at epoch 1, batch 1",
      "training diverged: the statistic norm.moving_mean became Infinity at epoch 1, batch 1"
    };
    for (int k = 0; k < 2; k++) {
      StatModel base = new StatModel(4, 3, 7);
      CompiledModel model = spoiling(base, k == 0);
      float[] before = base.weights().clone();

      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () ->
                  Trainer.of(model)
                      .verbose(false)
                      .optimizer(new Sgd())
                      .batchSize(32)
                      .fit(Blobs.of(32, 4, 3, 3)));

      assertTrue(e.getMessage().startsWith(expected[k]), e.getMessage());
      assertArrayEquals(before, base.weights());
    }
  }

  @Test
  void aLaterBadBatchLeavesFiniteWeights() {
    StatModel model = new StatModel(4, 3, 9);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> quiet(model).batchSize(8).fit(poisoned(Float.NaN, 40, 0)));

    assertTrue(e.getMessage().contains("example 40 of the training data"), e.getMessage());
    for (float w : model.weights()) {
      assertTrue(Float.isFinite(w), "a weight or statistic is " + w);
    }
  }
}

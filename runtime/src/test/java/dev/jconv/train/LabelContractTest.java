package dev.jconv.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jconv.data.ArrayDataset;
import dev.jconv.data.Dataset;
import dev.jconv.data.Datasets;
import dev.jconv.testing.Blobs;
import dev.jconv.testing.StatModel;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A custom {@link Dataset} that breaks its label contract gets an error naming the example and its
 * label, in every path that reads labels, and the model is untouched.
 */
class LabelContractTest {
  /** Blobs whose example {@code bad} claims label {@code label}. */
  static Dataset lying(int bad, int label) {
    ArrayDataset base = Blobs.of(24, 4, 3, 1);
    return new Dataset() {
      @Override
      public int size() {
        return base.size();
      }

      @Override
      public int[] shape() {
        return base.shape();
      }

      @Override
      public int classes() {
        return 3;
      }

      @Override
      public void copyExample(int i, float[] x, int xo) {
        base.copyExample(i, x, xo);
      }

      @Override
      public int label(int i) {
        return i == bad ? label : base.label(i);
      }
    };
  }

  private static void check(String what, Consumer<Dataset> use) {
    for (int label : new int[] {-1, 3, Integer.MIN_VALUE}) {
      Dataset data = lying(17, label);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> use.accept(data), what);
      assertEquals(
          "example 17 of the data has label " + label + ", outside [0, 3)", e.getMessage(), what);
    }
  }

  @Test
  void fitWithClassWeights() {
    StatModel model = new StatModel(4, 3, 1);
    float[] before = model.weights().clone();
    check(
        "classWeights",
        d -> RejectedStepTest.quiet(model).classWeights(new float[] {1, 2, 3}).fit(d));
    assertArrayEquals(before, model.weights());
  }

  @Test
  void fitWithLabelSmoothing() {
    StatModel model = new StatModel(4, 3, 1);
    float[] before = model.weights().clone();
    check("labelSmoothing", d -> RejectedStepTest.quiet(model).labelSmoothing(0.1).fit(d));
    assertArrayEquals(before, model.weights());
  }

  @Test
  void plainFitAndValidation() {
    StatModel model = new StatModel(4, 3, 1);
    check("fit", d -> RejectedStepTest.quiet(model).fit(d));
    check(
        "validation",
        d -> RejectedStepTest.quiet(model).validationData(d).fit(Blobs.of(12, 4, 3, 2)));
  }

  @Test
  void evaluate() {
    StatModel model = new StatModel(4, 3, 1);
    check("evaluate", d -> RejectedStepTest.quiet(model).evaluate(d));
  }

  @Test
  void datasetStatistics() {
    check("classCounts", Datasets::classCounts);
    check("classWeights", Datasets::classWeights);
    check("split", d -> Datasets.split(d, 0.25, 1));
    check("copyOf", ArrayDataset::copyOf);
  }
}

package dev.jconv.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jconv.Layer;
import dev.jconv.Model;
import dev.jconv.data.ArrayDataset;
import dev.jconv.parallel.Parallel;
import dev.jconv.train.Evaluation;
import dev.jconv.train.Evaluator;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Test-time augmentation averages the probabilities of the original and its augmented copies. */
class TestTimeAugmentationTest {
  /** Logits of 3 classes from a 4x4 grey image: left half, right half, top half sums. */
  static final class HalvesModel implements Model {
    @Override
    public String name() {
      return "Halves";
    }

    @Override
    public int[] inputShape() {
      return new int[] {4, 4, 1};
    }

    @Override
    public int[] outputShape() {
      return new int[] {3};
    }

    @Override
    public List<Layer> layers() {
      return List.of();
    }

    @Override
    public float[] weights() {
      return new float[0];
    }

    @Override
    public void predictInto(float[] x, int xo, float[] y, int yo) {
      Arrays.fill(y, yo, yo + 3, 0);
      for (int r = 0; r < 4; r++) {
        for (int c = 0; c < 4; c++) {
          float v = x[xo + r * 4 + c];
          y[yo + (c < 2 ? 0 : 1)] += v;
          y[yo + 2] += r < 2 ? v : 0;
        }
      }
    }

    @Override
    public void save(java.nio.file.Path file) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void load(java.nio.file.Path file) {
      throw new UnsupportedOperationException();
    }
  }

  static float[] softmax(float[] z) {
    double max = Math.max(z[0], Math.max(z[1], z[2]));
    double sum = 0;
    for (float v : z) {
      sum += Math.exp(v - max);
    }
    float[] p = new float[z.length];
    for (int i = 0; i < z.length; i++) {
      p[i] = (float) (Math.exp(z[i] - max) / sum);
    }
    return p;
  }

  @Test
  void oneCopyIsTheModelsProbabilities() {
    Model model = new HalvesModel();
    float[] x = Images.random(4, 4, 1, 1);
    TestTimeAugmentation tta = TestTimeAugmentation.of(model, Pipeline.of(Flip.horizontal()), 1, 3);
    assertArrayEquals(softmax(model.predict(x)), tta.predict(x), 1e-6f);
  }

  @Test
  void theOutputIsTheMeanOverTheOriginalAndTheAugmentedCopies() {
    Model model = new HalvesModel();
    float[] x = Images.random(4, 4, 1, 2);
    Pipeline pipeline = Pipeline.of(Flip.horizontal(), Translate.of(0.25, 0.25));
    int k = 5;
    float[] expected = new float[3];
    for (int l = 0; l < k; l++) {
      float[] copy = l == 0 ? x : pipeline.apply(x, new int[] {4, 4, 1}, Rng.derive(11, l));
      float[] p = softmax(model.predict(copy));
      for (int i = 0; i < 3; i++) {
        expected[i] += p[i] / k;
      }
    }
    TestTimeAugmentation tta = TestTimeAugmentation.of(model, pipeline, k, 11);
    assertArrayEquals(expected, tta.predict(x), 1e-6f);
    assertFalse(Arrays.equals(softmax(model.predict(x)), tta.predict(x)));
    // a flip-only TTA of this model makes the two half scores symmetric in expectation
    TestTimeAugmentation flips =
        TestTimeAugmentation.of(model, Pipeline.of(Flip.horizontal().probability(1)), 2, 1);
    float[] p = flips.predict(x);
    assertEquals(p[0], p[1], 1e-6f);
  }

  @Test
  void batchesAndWholeEvaluationsAgreeWithSingleImages() {
    Model model = new HalvesModel();
    int n = 9;
    float[] batch = Images.random(n * 4, 4, 1, 3);
    TestTimeAugmentation tta =
        TestTimeAugmentation.of(model, Pipeline.of(Rotate.degrees(30), Contrast.of(0.3)), 4, 5);
    int threads = Parallel.threads();
    try {
      Parallel.setThreads(2);
      float[] out = new float[n * 3];
      tta.predict(batch, n, out);
      Parallel.setThreads(1);
      float[] again = new float[n * 3];
      tta.predict(batch, n, again);
      assertArrayEquals(out, again);
      for (int i = 0; i < n; i++) {
        float[] one = tta.predict(Arrays.copyOfRange(batch, i * 16, (i + 1) * 16));
        assertArrayEquals(one, Arrays.copyOfRange(out, i * 3, (i + 1) * 3));
      }
      int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = i % 3;
      }
      ArrayDataset data = new ArrayDataset(batch, labels, new int[] {4, 4, 1}, 3);
      Evaluation e = Evaluator.evaluate(tta, data, 4);
      int hits = 0;
      for (int i = 0; i < n; i++) {
        float[] p = Arrays.copyOfRange(out, i * 3, (i + 1) * 3);
        int best = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
        hits += best == labels[i] ? 1 : 0;
      }
      assertEquals((double) hits / n, e.accuracy(), 1e-12);
    } finally {
      Parallel.setThreads(threads);
    }
  }

  @Test
  void trainingThroughItIsRefused() {
    TestTimeAugmentation tta =
        TestTimeAugmentation.of(new HalvesModel(), Pipeline.identity(), 2, 1);
    assertThrows(IllegalArgumentException.class, () -> dev.jconv.train.Trainer.of(tta));
    assertThrows(
        IllegalArgumentException.class,
        () -> TestTimeAugmentation.of(new HalvesModel(), Pipeline.identity(), 0, 1));
  }
}

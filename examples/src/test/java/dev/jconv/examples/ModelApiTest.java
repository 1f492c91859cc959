package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Layer;
import dev.jconv.Model;
import dev.jconv.compiled.CompiledModel;
import dev.jconv.data.ArrayDataset;
import dev.jconv.train.Evaluation;
import dev.jconv.train.Evaluator;
import dev.jconv.train.Trainer;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The user-facing {@link Model} API on a generated model: predict on a data set, evaluate. */
class ModelApiTest {
  private static ArrayDataset data(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n * 64];
    int[] labels = new int[n];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextDouble();
    }
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextInt(4);
    }
    return new ArrayDataset(x, labels, new int[] {8, 8, 1}, 4);
  }

  @Test
  void generatedModelsImplementTheHooksAndUsersSeeTheApi() {
    Model model = new TinyNetModel(3);
    assertTrue(model instanceof CompiledModel);
  }

  @Test
  void predictOnADatasetEqualsPredictPerExample() {
    Model model = new TinyNetModel(3);
    ArrayDataset ds = data(300, 1); // more than one internal chunk of 256
    float[] all = model.predict(ds);
    assertEquals(300 * 4, all.length);
    float[] x = new float[64];
    for (int i = 0; i < ds.size(); i++) {
      ds.copyExample(i, x, 0);
      float[] one = model.predict(x);
      for (int k = 0; k < 4; k++) {
        assertEquals(one[k], all[i * 4 + k], 0f, "example " + i + " class " + k);
      }
    }
  }

  @Test
  void predictOnADatasetOfAnotherShapeNamesBothShapes() {
    Model model = new TinyNetModel(3);
    ArrayDataset wrong = new ArrayDataset(new float[2 * 16], new int[2], new int[] {4, 4, 1}, 4);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> model.predict(wrong));
    assertTrue(e.getMessage().contains("[4, 4, 1]"), e.getMessage());
    assertTrue(e.getMessage().contains("[8, 8, 1]"), e.getMessage());
  }

  @Test
  void evaluatorIsPublicAndAgreesWithTheTrainer() {
    TinyNetModel model = new TinyNetModel(5);
    ArrayDataset ds = data(100, 2);
    Evaluation direct = Evaluator.evaluate(model, ds);
    Evaluation viaTrainer = Trainer.of(model).evaluate(ds);
    assertEquals(viaTrainer.accuracy(), direct.accuracy());
    assertEquals(viaTrainer.loss(), direct.loss(), 1e-9);
    float[] p = model.predict(ds);
    int hits = 0;
    for (int i = 0; i < ds.size(); i++) {
      int best = 0;
      for (int k = 1; k < 4; k++) {
        best = p[i * 4 + k] > p[i * 4 + best] ? k : best;
      }
      hits += best == ds.label(i) ? 1 : 0;
    }
    assertEquals(hits / 100.0, direct.accuracy(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Evaluator.evaluate(model, ds, 0));
  }

  @Test
  void aModelWithoutAGeneratedTrainingPassCannotBeTrained() {
    Model plain = new InferenceOnly(new TinyNetModel(1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Trainer.of(plain));
    assertTrue(e.getMessage().contains("no generated training pass"), e.getMessage());
    assertArrayEquals(new TinyNetModel(1).predict(new float[64]), plain.predict(new float[64]));
  }

  /** A hand-written Model that only delegates inference. */
  private record InferenceOnly(Model inner) implements Model {
    @Override
    public String name() {
      return "InferenceOnly";
    }

    @Override
    public int[] inputShape() {
      return inner.inputShape();
    }

    @Override
    public int[] outputShape() {
      return inner.outputShape();
    }

    @Override
    public List<Layer> layers() {
      return inner.layers();
    }

    @Override
    public float[] weights() {
      return inner.weights();
    }

    @Override
    public void predictInto(float[] x, int xo, float[] y, int yo) {
      inner.predictInto(x, xo, y, yo);
    }

    @Override
    public void save(Path file) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void load(Path file) {
      throw new UnsupportedOperationException();
    }
  }
}

package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.data.ArrayDataset;
import dev.jconv.train.Adam;
import dev.jconv.train.EarlyStopping;
import dev.jconv.train.Evaluation;
import dev.jconv.train.History;
import dev.jconv.train.Sgd;
import dev.jconv.train.Trainer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training a real generated model end to end: loss falls, runs resume exactly, NaN stops. */
class TrainerTest {
  @TempDir Path dir;

  /** Four classes: which quadrant of the 8x8 image holds a bright blob, over noise. */
  static ArrayDataset quadrants(int n, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n * 64];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      int label = i % 4;
      labels[i] = label;
      int top = (label / 2) * 4;
      int left = (label % 2) * 4;
      for (int p = 0; p < 64; p++) {
        int h = p / 8;
        int w = p % 8;
        boolean inside = h >= top && h < top + 4 && w >= left && w < left + 4;
        x[i * 64 + p] = (float) (r.nextGaussian() * 0.3 + (inside ? 1.0 : 0.0));
      }
    }
    return new ArrayDataset(x, labels, new int[] {8, 8, 1}, 4);
  }

  private static Trainer quiet(TinyNetModel model) {
    return Trainer.of(model).output(new PrintStream(new ByteArrayOutputStream())).seed(5);
  }

  @Test
  void lossFallsAndAccuracyRises() {
    TinyNetModel model = new TinyNetModel(1);
    ArrayDataset train = quadrants(512, 1);
    History h =
        quiet(model)
            .optimizer(new Adam().learningRate(1e-2))
            .batchSize(32)
            .epochs(4)
            .validationSplit(0.25)
            .fit(train);
    double[] loss = h.metric("loss");
    assertTrue(loss[3] < loss[0] * 0.5, "loss should fall: " + java.util.Arrays.toString(loss));
    assertTrue(h.last().valAccuracy() > 0.9, "val accuracy " + h.last().valAccuracy());
    Evaluation e = quiet(model).evaluate(quadrants(200, 2));
    assertTrue(e.accuracy() > 0.9, e.toString());
    int sum = 0;
    for (int[] row : e.confusion()) {
      for (int v : row) {
        sum += v;
      }
    }
    assertEquals(200, sum);
  }

  @Test
  void resumedRunContinuesBitForBit() throws Exception {
    ArrayDataset train = quadrants(256, 3);
    TinyNetModel straight = new TinyNetModel(2);
    quiet(straight).optimizer(new Sgd().learningRate(0.05)).batchSize(16).epochs(3).fit(train);

    Path ckpt = dir.resolve("run.safetensors");
    TinyNetModel first = new TinyNetModel(2);
    quiet(first)
        .optimizer(new Sgd().learningRate(0.05))
        .batchSize(16)
        .epochs(2)
        .checkpoint(ckpt)
        .fit(train);
    assertTrue(Files.exists(ckpt));
    TinyNetModel resumed = new TinyNetModel(99); // different init: everything comes from the file
    History rest =
        quiet(resumed)
            .optimizer(new Sgd().learningRate(0.05))
            .batchSize(16)
            .epochs(3)
            .checkpoint(ckpt)
            .fit(train);
    assertEquals(1, rest.epochs().size(), "only the third epoch is left");
    assertArrayEquals(straight.weights(), resumed.weights());
  }

  @Test
  void adamStateIsPartOfTheCheckpoint() throws Exception {
    ArrayDataset train = quadrants(128, 4);
    TinyNetModel straight = new TinyNetModel(3);
    quiet(straight).optimizer(new Adam()).batchSize(32).epochs(2).fit(train);
    Path ckpt = dir.resolve("adam.safetensors");
    quiet(new TinyNetModel(3))
        .optimizer(new Adam())
        .batchSize(32)
        .epochs(1)
        .checkpoint(ckpt)
        .fit(train);
    TinyNetModel resumed = new TinyNetModel(3);
    quiet(resumed).optimizer(new Adam()).batchSize(32).epochs(2).checkpoint(ckpt).fit(train);
    assertArrayEquals(straight.weights(), resumed.weights());
  }

  @Test
  void nanLossStopsWithAClearErrorAndKeepsTheCheckpoint() throws Exception {
    ArrayDataset good = quadrants(64, 5);
    Path ckpt = dir.resolve("nan.safetensors");
    TinyNetModel model = new TinyNetModel(4);
    quiet(model).batchSize(16).epochs(1).checkpoint(ckpt).fit(good);
    byte[] before = Files.readAllBytes(ckpt);
    float[] x = good.features().clone();
    x[5] = Float.NaN;
    ArrayDataset bad = new ArrayDataset(x, good.labels(), new int[] {8, 8, 1}, 4);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> quiet(model).batchSize(16).epochs(3).checkpoint(ckpt).fit(bad));
    assertTrue(
        e.getMessage().contains("of the training data holds NaN at index 5"), e.getMessage());
    assertTrue(e.getMessage().contains("the last good checkpoint is"), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(ckpt));
  }

  @Test
  void earlyStoppingStopsAndRestoresTheBestWeights() {
    TinyNetModel model = new TinyNetModel(6);
    History h =
        quiet(model)
            .optimizer(new Adam().learningRate(1e-2))
            .epochs(30)
            .validationData(quadrants(64, 7))
            .callback(new EarlyStopping("val_loss", 0, 1.0, true))
            .fit(quadrants(128, 8));
    assertTrue(h.stoppedEarly());
    assertTrue(h.epochs().size() < 30);
  }

  @Test
  void dataOfTheWrongShapeIsRejected() {
    ArrayDataset wrong = new ArrayDataset(new float[2 * 49], new int[2], new int[] {7, 7, 1}, 4);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> quiet(new TinyNetModel(1)).fit(wrong));
    assertTrue(e.getMessage().contains("[7, 7, 1]") && e.getMessage().contains("[8, 8, 1]"));
  }

  @Test
  void oneHotTargetsEqualIntegerLabelsAndWeightsScaleExactly() {
    ArrayDataset data = quadrants(8, 9);
    TinyNetModel a = new TinyNetModel(3);
    TinyNetModel b = new TinyNetModel(3);
    float[] x = data.features();
    int[] labels = data.labels();
    float[] targets = new float[8 * 4];
    float[] twos = new float[8];
    for (int i = 0; i < 8; i++) {
      targets[i * 4 + labels[i]] = 1f;
      twos[i] = 2f;
    }
    float[] ga = new float[a.weights().length];
    float[] gb = new float[b.weights().length];
    float la = a.lossAndGradients(x, labels, 8, ga, null, 1);
    float lb = b.lossAndGradients(x, targets, null, 8, gb, null, 1);
    assertEquals(la, lb, 1e-6f);
    assertArrayEquals(ga, gb, 1e-7f);
    float[] gw = new float[b.weights().length];
    float lw = b.lossAndGradients(x, targets, twos, 8, gw, null, 1);
    assertEquals(2 * lb, lw, 1e-5f);
    for (int i = 0; i < gw.length; i++) {
      assertEquals(2 * gb[i], gw[i], 1e-6f * Math.max(1, Math.abs(gw[i])), "gradient " + i);
    }
  }

  @Test
  void labelSmoothingRaisesTheLossFloorAndStillLearns() {
    TinyNetModel model = new TinyNetModel(1);
    History h =
        quiet(model)
            .optimizer(new Adam().learningRate(1e-2))
            .labelSmoothing(0.2)
            .classWeights(new float[] {1f, 1f, 2f, 1f})
            .batchSize(32)
            .epochs(4)
            .validationSplit(0.25)
            .fit(quadrants(512, 1));
    assertTrue(h.last().valAccuracy() > 0.9, "val accuracy " + h.last().valAccuracy());
  }

  @Test
  void targetsThatAreNotDistributionsAreRejected() {
    TinyNetModel model = new TinyNetModel(1);
    float[] x = new float[64];
    float[] g = new float[model.weights().length];
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> model.lossAndGradients(x, new float[] {0.5f, 0.2f, 0f, 0f}, null, 1, g, null, 0));
    assertTrue(e.getMessage().contains("sum to 0.7"), e.getMessage());
  }

  @Test
  void theCheckpointDirectoryIsCreated() {
    Path ckpt = dir.resolve("runs/today/run.safetensors");
    quiet(new TinyNetModel(1)).epochs(1).checkpoint(ckpt).fit(quadrants(32, 1));
    assertTrue(Files.exists(ckpt));
  }
}

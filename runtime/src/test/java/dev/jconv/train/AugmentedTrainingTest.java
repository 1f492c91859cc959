package dev.jconv.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Layer;
import dev.jconv.augment.ClassAugmentation;
import dev.jconv.augment.Flip;
import dev.jconv.augment.Pipeline;
import dev.jconv.augment.Rotate;
import dev.jconv.augment.Translate;
import dev.jconv.compiled.CompiledModel;
import dev.jconv.data.ArrayDataset;
import dev.jconv.parallel.Parallel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trainer.augment feeds seeded, prefetched, augmented batches; resumed runs repeat them. */
class AugmentedTrainingTest {
  /** Records every batch it is trained on; its gradients are zero. */
  static final class RecordingModel implements CompiledModel {
    final FakeModel weights = FakeModel.small();
    final List<float[]> batches = new ArrayList<>();
    final List<int[]> labels = new ArrayList<>();

    @Override
    public String name() {
      return "Recording";
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
      return weights.layers();
    }

    @Override
    public float[] weights() {
      return weights.weights();
    }

    @Override
    public void predictInto(float[] x, int xo, float[] y, int yo) {
      Arrays.fill(y, yo, yo + 3, 0);
    }

    @Override
    public float backpropagate(
        float[] x, int[] l, int n, float[] grads, float[] inputGrads, long seed) {
      batches.add(Arrays.copyOf(x, n * 16));
      labels.add(Arrays.copyOf(l, n));
      Arrays.fill(grads, 0);
      return 0;
    }

    @Override
    public void trainingOutputs(float[] out, int n) {
      Arrays.fill(out, 0, n * 3, 0);
    }
  }

  /** 30 random 4x4 images, 20 of class 0, 6 of class 1, 4 of class 2. */
  static ArrayDataset data() {
    SplittableRandom r = new SplittableRandom(1);
    float[] x = new float[30 * 16];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextDouble();
    }
    int[] labels = new int[30];
    for (int i = 0; i < 30; i++) {
      labels[i] = i < 20 ? 0 : i < 26 ? 1 : 2;
    }
    return new ArrayDataset(x, labels, new int[] {4, 4, 1}, 3);
  }

  static final Pipeline PIPELINE =
      Pipeline.of(Flip.horizontal(), Translate.of(0.25, 0.25), Rotate.degrees(20));

  static RecordingModel fit(ClassAugmentation aug, int epochs, int threads, Path checkpoint) {
    RecordingModel model = new RecordingModel();
    int saved = Parallel.threads();
    try {
      Parallel.setThreads(threads);
      Trainer t = Trainer.of(model).batchSize(8).epochs(epochs).seed(5).verbose(false).augment(aug);
      if (checkpoint != null) {
        t.checkpoint(checkpoint);
      }
      t.fit(data());
    } finally {
      Parallel.setThreads(saved);
    }
    return model;
  }

  @Test
  void batchesAreAugmentedAndRepeatForTheSameSeedWhateverTheThreads() {
    RecordingModel a = fit(ClassAugmentation.of(PIPELINE), 2, 1, null);
    RecordingModel b = fit(ClassAugmentation.of(PIPELINE), 2, 2, null);
    assertEquals(8, a.batches.size()); // 2 epochs of ceil(30 / 8)
    for (int i = 0; i < a.batches.size(); i++) {
      assertArrayEquals(a.batches.get(i), b.batches.get(i), "batch " + i);
      assertArrayEquals(a.labels.get(i), b.labels.get(i));
    }
    // augmented: no batch example equals its data set image
    ArrayDataset data = data();
    float[] first = Arrays.copyOf(a.batches.get(0), 16);
    boolean found = false;
    for (int i = 0; i < 30; i++) {
      found |= Arrays.equals(first, Arrays.copyOfRange(data.features(), i * 16, (i + 1) * 16));
    }
    assertFalse(found, "the first example was not augmented");
  }

  @Test
  void labelsStayWithTheirImages() {
    // every image of class k is the constant (k + 1) / 10: flips, shifts with reflect fill and
    // rotations keep it, so a mismatched label would show
    float[] x = new float[30 * 16];
    int[] labels = data().labels();
    for (int i = 0; i < 30; i++) {
      Arrays.fill(x, i * 16, (i + 1) * 16, (labels[i] + 1) / 10f);
    }
    RecordingModel model = new RecordingModel();
    Trainer.of(model)
        .batchSize(7)
        .epochs(2)
        .verbose(false)
        .augment(ClassAugmentation.of(PIPELINE).balance(PIPELINE))
        .fit(new ArrayDataset(x, labels, new int[] {4, 4, 1}, 3));
    int[] perClass = new int[3];
    for (int b = 0; b < model.batches.size(); b++) {
      float[] batch = model.batches.get(b);
      int[] l = model.labels.get(b);
      for (int i = 0; i < l.length; i++) {
        perClass[l[i]]++;
        for (int j = 0; j < 16; j++) {
          assertEquals((l[i] + 1) / 10f, batch[i * 16 + j], 1e-6f);
        }
      }
    }
    assertArrayEquals(new int[] {40, 40, 40}, perClass, "balanced: 20 per class per epoch");
    assertEquals(2 * 9, model.batches.size()); // ceil(60 / 7) per epoch
  }

  @Test
  void aResumedRunRepeatsTheSameImages(@TempDir Path dir) {
    RecordingModel whole = fit(ClassAugmentation.of(PIPELINE), 3, 2, null);
    Path checkpoint = dir.resolve("run.safetensors");
    fit(ClassAugmentation.of(PIPELINE), 1, 2, checkpoint);
    RecordingModel resumed = fit(ClassAugmentation.of(PIPELINE), 3, 2, checkpoint);
    assertEquals(8, resumed.batches.size()); // epochs 2 and 3
    for (int i = 0; i < 8; i++) {
      assertArrayEquals(whole.batches.get(4 + i), resumed.batches.get(i), "batch " + i);
    }
    assertTrue(whole.batches.size() == 12);
  }
}

package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.jconv.Layer;
import dev.jconv.Param;
import dev.jconv.data.ArrayDataset;
import dev.jconv.train.Adam;
import dev.jconv.train.Trainer;
import dev.jconv.transfer.LayerGroup;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Training a generated model with frozen layers: their weights stay bit for bit, the others move,
 * and the trainable layers' gradients are those of the unfrozen model.
 */
class FrozenTrainingTest {
  @Test
  void frozenWeightsAreBitForBitUnchangedAfterTraining() {
    TinyNetModel model = new TinyNetModel(5);
    model.conv1.freeze();
    model.fc1.freeze();
    float[] before = model.weights().clone();
    Trainer.of(model)
        .optimizer(new Adam().learningRate(0.01))
        .batchSize(8)
        .epochs(2)
        .verbose(false)
        .fit(data(32, 7));
    for (Layer layer : model.layers()) {
      for (Param p : layer.params()) {
        float[] was = slice(before, p);
        float[] now = slice(model.weights(), p);
        if (!layer.isTrainable()) {
          assertArrayEquals(was, now, p.name() + " of a frozen layer moved");
        } else if (p.isTrainable()) {
          assertNotEquals(Arrays.toString(was), Arrays.toString(now), p.name() + " did not train");
        }
      }
    }
  }

  @Test
  void trainableGradientsEqualThoseWithoutFreezing() {
    ArrayDataset data = data(8, 3);
    float[] x = data.features();
    int[] labels = data.labels();
    TinyNetModel free = new TinyNetModel(9);
    TinyNetModel frozen = new TinyNetModel(9);
    LayerGroup.upTo(frozen, "flat").freeze();
    // A frozen BatchNormalization trains in inference mode, which changes the forward pass
    // (FrozenPassTest checks that); here the other layers below the head are frozen.
    frozen.bn1.unfreeze();
    float[] g1 = new float[free.weights().length];
    float[] g2 = new float[frozen.weights().length];
    float l1 = free.lossAndGradients(x, labels, 8, g1, null, 11);
    float l2 = frozen.lossAndGradients(x, labels, 8, g2, null, 11);
    assertEquals(l1, l2);
    for (Layer layer : LayerGroup.after(frozen, "flat").layers()) {
      for (Param p : layer.params()) {
        assertArrayEquals(slice(g1, p), slice(g2, p), p.name());
      }
    }
  }

  private static float[] slice(float[] w, Param p) {
    return Arrays.copyOfRange(w, p.offset(), p.offset() + (int) p.size());
  }

  private static ArrayDataset data(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n * 64];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 4;
      for (int j = 0; j < 64; j++) {
        x[i * 64 + j] = (float) random.nextDouble() + (j % 4 == labels[i] ? 1f : 0f);
      }
    }
    return new ArrayDataset(x, labels, new int[] {8, 8, 1}, 4);
  }
}

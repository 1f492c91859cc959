package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.data.ArrayDataset;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code model.features(layer, ...)} on a generated model: the one-example, batch and data-set
 * forms agree, the output layer's features are the predictions, and bad arguments fail with a
 * message naming the layer and the expected shape.
 */
class FeaturesApiTest {
  private final TinyNetModel model = new TinyNetModel(4);

  @Test
  void theThreeFormsAgreeAndTheLastLayerIsPredict() {
    int n = 5;
    float[] x = images(n, 3);
    int size = model.fc1.outputSize();
    float[] batch = new float[n * size];
    model.features("fc1", x, n, batch);
    float[] all = model.features("fc1", new ArrayDataset(x, new int[n], new int[] {8, 8, 1}, 4));
    assertArrayEquals(batch, all);
    for (int i = 0; i < n; i++) {
      float[] one = model.features("fc1", java.util.Arrays.copyOfRange(x, i * 64, i * 64 + 64));
      assertArrayEquals(java.util.Arrays.copyOfRange(batch, i * size, i * size + size), one);
    }
    float[] first = java.util.Arrays.copyOf(x, 64);
    assertArrayEquals(model.predict(first), model.features("out", first));
    assertEquals(16, size);
  }

  @Test
  void flattenFeaturesAreThePooledMapsInOrder() {
    float[] x = images(1, 5);
    float[] pooled = model.features("pool1", x);
    assertArrayEquals(pooled, model.features("flat", x));
    assertEquals(4 * 4 * 6, pooled.length);
  }

  @Test
  void unknownLayerListsTheLayers() {
    NoSuchElementException e =
        assertThrows(NoSuchElementException.class, () -> model.features("fc9", new float[64]));
    assertTrue(e.getMessage().contains("no layer 'fc9' in TinyNet"), e.getMessage());
    assertTrue(e.getMessage().contains("fc1"), e.getMessage());
  }

  @Test
  void wrongInputSizeNamesTheLayerAndTheInputShape() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> model.features("fc1", new float[63]));
    assertEquals(
        "TinyNet.features(\"fc1\"): input has 63 floats, expected 64 = 1 x [8, 8, 1] (NHWC order)",
        e.getMessage());
  }

  @Test
  void wrongOutputSizeNamesTheLayersShape() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> model.features("pool1", new float[2 * 64], 2, new float[10]));
    assertEquals(
        "TinyNet.features(\"pool1\"): output has 10 floats, expected 192 = 2 x [4, 4, 6] (NHWC"
            + " order)",
        e.getMessage());
  }

  @Test
  void dataSetOfAnotherShapeIsRefused() {
    ArrayDataset wrong = new ArrayDataset(new float[2 * 49], new int[2], new int[] {7, 7, 1}, 4);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> model.features("fc1", wrong));
    assertTrue(
        e.getMessage().contains("[7, 7, 1], expected the input shape [8, 8, 1]"), e.getMessage());
    assertTrue(e.getMessage().startsWith("TinyNet.features(\"fc1\")"), e.getMessage());
  }

  private static float[] images(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n * 64];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextDouble();
    }
    return x;
  }
}

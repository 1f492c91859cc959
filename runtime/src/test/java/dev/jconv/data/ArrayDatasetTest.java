package dev.jconv.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArrayDatasetTest {
  @Test
  void copiesExamplesAndLabels() {
    float[] x = {1, 2, 3, 4, 5, 6, 7, 8};
    ArrayDataset ds = new ArrayDataset(x, new int[] {1, 0}, new int[] {2, 1, 2}, 2);
    assertEquals(2, ds.size());
    assertEquals(4, ds.exampleSize());
    assertArrayEquals(new int[] {2, 1, 2}, ds.shape());
    float[] out = new float[6];
    ds.copyExample(1, out, 2);
    assertArrayEquals(new float[] {0, 0, 5, 6, 7, 8}, out);
    assertEquals(1, ds.label(0));
    assertArrayEquals(new String[] {"0", "1"}, ds.classNames());
  }

  @Test
  void wrongLengthNamesTheExpectedShape() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ArrayDataset(new float[7], new int[] {0, 0}, new int[] {2, 2, 1}, 1));
    assertTrue(
        e.getMessage().contains("2 labels of shape [2, 2, 1] need 8 floats"), e.getMessage());
    assertTrue(e.getMessage().contains("[2, 2, 2, 1]"), e.getMessage());
    assertTrue(e.getMessage().contains("got 7"), e.getMessage());
  }

  @Test
  void labelOutOfRangeIsAnError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ArrayDataset(new float[2], new int[] {0, 3}, new int[] {1, 1, 1}, 3));
    assertTrue(e.getMessage().contains("label 3 of example 1 is outside [0, 3)"), e.getMessage());
  }

  @Test
  void nonPositiveShapeIsAnError() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ArrayDataset(new float[0], new int[0], new int[] {2, 0, 1}, 1));
  }

  @Test
  void copyOfMaterialisesAView() {
    ArrayDataset ds =
        new ArrayDataset(new float[] {1, 2, 3}, new int[] {0, 1, 2}, new int[] {1, 1, 1}, 3)
            .withClassNames("a", "b", "c");
    ArrayDataset copy = ArrayDataset.copyOf(Datasets.subset(ds, new int[] {2, 0}));
    assertArrayEquals(new float[] {3, 1}, copy.features());
    assertArrayEquals(new int[] {2, 0}, copy.labels());
    assertArrayEquals(new String[] {"a", "b", "c"}, copy.classNames());
  }
}

package dev.jconv.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetsTest {
  /** Example i holds the single value i; labels as given. */
  private static ArrayDataset indexed(int... labels) {
    float[] x = new float[labels.length];
    int classes = 0;
    for (int i = 0; i < labels.length; i++) {
      x[i] = i;
      classes = Math.max(classes, labels[i] + 1);
    }
    return new ArrayDataset(x, labels, new int[] {1, 1, 1}, classes);
  }

  private static int[] ids(Dataset ds) {
    int[] ids = new int[ds.size()];
    float[] v = new float[1];
    for (int i = 0; i < ids.length; i++) {
      ds.copyExample(i, v, 0);
      ids[i] = (int) v[0];
    }
    return ids;
  }

  @Test
  void subsetAndRangeAreViews() {
    ArrayDataset ds = indexed(0, 1, 0, 1, 0);
    Dataset sub = Datasets.subset(ds, new int[] {4, 1});
    assertArrayEquals(new int[] {4, 1}, ids(sub));
    assertEquals(1, sub.label(1));
    assertArrayEquals(new int[] {1, 2, 3}, ids(Datasets.range(ds, 1, 4)));
    IndexOutOfBoundsException e =
        assertThrows(IndexOutOfBoundsException.class, () -> Datasets.subset(ds, new int[] {0, 5}));
    assertTrue(e.getMessage().contains("index 5"), e.getMessage());
  }

  @Test
  void splitIsStratifiedDisjointAndDeterministic() {
    int[] labels = new int[100];
    for (int i = 0; i < 100; i++) {
      labels[i] = i < 80 ? 0 : (i < 90 ? 1 : 2); // 80 / 10 / 10
    }
    ArrayDataset ds = indexed(labels);
    Datasets.Split split = Datasets.split(ds, 0.1, 42);
    assertEquals(90, split.train().size());
    assertEquals(10, split.validation().size());
    assertArrayEquals(new int[] {8, 1, 1}, Datasets.classCounts(split.validation()));
    Set<Integer> seen = new HashSet<>();
    for (int id : ids(split.train())) {
      seen.add(id);
    }
    for (int id : ids(split.validation())) {
      assertTrue(seen.add(id), "example " + id + " in both parts");
    }
    assertEquals(100, seen.size());
    Datasets.Split again = Datasets.split(ds, 0.1, 42);
    assertArrayEquals(ids(split.validation()), ids(again.validation()));
    assertFalse(
        Arrays.equals(ids(split.validation()), ids(Datasets.split(ds, 0.1, 43).validation())));
  }

  @Test
  void splitRoundsTheTotalByLargestRemainder() {
    // 3 + 3 + 1 examples, 30 %: exact quotas 0.9, 0.9, 0.3 -> total round(2.1) = 2 -> 1, 1, 0.
    ArrayDataset ds = indexed(0, 0, 0, 1, 1, 1, 2);
    Datasets.Split split = Datasets.split(ds, 0.3, 7);
    assertArrayEquals(new int[] {1, 1, 0}, Datasets.classCounts(split.validation()));
    assertEquals(5, split.train().size());
  }

  @Test
  void splitRejectsAFractionOutsideZeroOne() {
    ArrayDataset ds = indexed(0, 1);
    assertThrows(IllegalArgumentException.class, () -> Datasets.split(ds, 1.0, 1));
    assertThrows(IllegalArgumentException.class, () -> Datasets.split(ds, -0.1, 1));
    assertEquals(0, Datasets.split(ds, 0, 1).validation().size());
  }

  @Test
  void shuffledIsAPermutation() {
    ArrayDataset ds = indexed(0, 1, 0, 1, 0, 1, 0, 1);
    int[] a = ids(Datasets.shuffled(ds, 3));
    assertArrayEquals(a, ids(Datasets.shuffled(ds, 3)));
    int[] sorted = a.clone();
    Arrays.sort(sorted);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, sorted);
  }

  @Test
  void classWeightsFollowTheBalancedFormula() {
    // 6 examples, 3 classes, counts 3, 2, 1: 6 / (3 * count) = 2/3, 1, 2.
    ArrayDataset ds = indexed(0, 0, 0, 1, 1, 2);
    assertArrayEquals(new int[] {3, 2, 1}, Datasets.classCounts(ds));
    assertArrayEquals(new float[] {2f / 3, 1f, 2f}, Datasets.classWeights(ds), 1e-6f);
  }

  @Test
  void classWeightOfAnAbsentClassIsAnError() {
    ArrayDataset ds =
        new ArrayDataset(new float[2], new int[] {0, 0}, new int[] {1, 1, 1}, 2)
            .withClassNames("cat", "dog");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Datasets.classWeights(ds));
    assertTrue(e.getMessage().contains("class 1 (dog) has no examples"), e.getMessage());
  }
}

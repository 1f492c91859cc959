package dev.jconv.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jconv.data.ArrayDataset;
import dev.jconv.testing.Blobs;
import dev.jconv.testing.StatModel;
import org.junit.jupiter.api.Test;

/** Training on no examples is an error, not a silent success. */
class EmptyDataTest {
  @Test
  void fitOnAnEmptyDataSetFails() {
    StatModel model = new StatModel(4, 3, 1);
    float[] before = model.weights().clone();
    ArrayDataset empty = new ArrayDataset(new float[0], new int[0], new int[] {4}, 3);

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> RejectedStepTest.quiet(model).fit(empty));

    assertEquals("the training data is empty: nothing to train Stat on", e.getMessage());
    assertArrayEquals(before, model.weights());
  }

  @Test
  void aSplitThatLeavesNoTrainingDataFails() {
    StatModel model = new StatModel(4, 3, 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RejectedStepTest.quiet(model).validationSplit(0.9).fit(Blobs.of(1, 4, 3, 1)));

    assertEquals(
        "the training data is empty after holding out 1 of 1 examples for validation"
            + " (validationSplit 0.9): nothing to train Stat on",
        e.getMessage());
  }
}

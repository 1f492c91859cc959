package dev.jconv.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jconv.testing.StatModel;
import org.junit.jupiter.api.Test;

/** {@code predict} arrays of the wrong size, or counts that overflow, name the expected size. */
class PredictArgumentsTest {
  private final StatModel model = new StatModel(4, 3, 1);

  @Test
  void wrongLengthsAndCounts() {
    assertEquals(
        "Stat.predict: input has 5 floats, expected 4 = 1 x [4] (row-major order)",
        assertThrows(IllegalArgumentException.class, () -> model.predict(new float[5]))
            .getMessage());
    assertEquals(
        "Stat.predict: n = -1 must not be negative",
        assertThrows(
                IllegalArgumentException.class, () -> model.predict(new float[4], -1, new float[3]))
            .getMessage());
    // n * 4 overflows an int; the check multiplies in long, so the message holds the true figure.
    assertEquals(
        "Stat.predict: input has 8 floats, expected 8,589,934,588 = 2147483647 x [4] (row-major"
            + " order)",
        assertThrows(
                IllegalArgumentException.class,
                () -> model.predict(new float[8], Integer.MAX_VALUE, new float[6]))
            .getMessage());
    assertEquals(
        "Stat.predict: output has 5 floats, expected 6 = 2 x [3] (row-major order)",
        assertThrows(
                IllegalArgumentException.class, () -> model.predict(new float[8], 2, new float[5]))
            .getMessage());
  }
}

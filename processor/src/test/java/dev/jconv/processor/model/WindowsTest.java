package dev.jconv.processor.model;

import static dev.jconv.Padding.SAME;
import static dev.jconv.Padding.VALID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Window arithmetic against TensorFlow's formulas and hand-worked cases. */
class WindowsTest {
  @ParameterizedTest(name = "kernel {0}, dilation {1} -> {2}")
  @CsvSource({"1, 1, 1", "3, 1, 3", "3, 2, 5", "3, 3, 7", "5, 2, 9", "1, 4, 1", "2, 3, 4"})
  void effectiveKernelIsKMinusOneTimesDPlusOne(int kernel, int dilation, int expected) {
    assertEquals(expected, Windows.effective(kernel, dilation));
  }

  @ParameterizedTest(name = "in {0}, window {1}, stride {2}: VALID {3}, SAME {4}")
  @CsvSource({
    // in, window, stride, VALID, SAME
    "7, 3, 2, 3, 4", // odd size: SAME rounds up, VALID down
    "7, 2, 2, 3, 4",
    "8, 3, 2, 3, 4",
    "28, 3, 1, 26, 28", // Keras Conv2D docs: (28, 28, 3) -> (26, 26, 2) or (28, 28, 2)
    "28, 5, 1, 24, 28", // Keras Conv2D docs, dilation 2: effective kernel 5 -> 24
    "3, 2, 1, 2, 3", // Keras MaxPooling2D docs: 3x3, pool 2, strides 1 -> 2x2
    "4, 2, 2, 2, 2", // Keras MaxPooling2D docs: 3x4, pool 2, strides 2 -> 1x2
    "224, 3, 2, 111, 112",
    "225, 3, 2, 112, 113", // MobileNet conv1 after ZeroPadding2D((0, 1), (0, 1))
    "113, 3, 2, 56, 57",
    "5, 5, 1, 1, 5", // window equal to the input
    "3, 1, 5, 1, 1", // stride larger than the input
    "1, 1, 1, 1, 1"
  })
  void outputLength(int in, int window, int stride, int valid, int same) {
    assertEquals(valid, Windows.outputLength(in, window, stride, VALID), "VALID");
    assertEquals(same, Windows.outputLength(in, window, stride, SAME), "SAME");
  }

  @Test
  void validIsZeroWhenTheWindowDoesNotFit() {
    assertEquals(0, Windows.outputLength(4, 5, 1, VALID));
    assertEquals(0, Windows.outputLength(1, 2, 2, VALID));
  }

  @Test
  void sameIgnoresTheWindowSize() {
    assertEquals(4, Windows.outputLength(4, 5, 1, SAME));
    assertEquals(2, Windows.outputLength(4, 9, 2, SAME));
  }

  @Test
  void formulasAgreeWithKerasDocumentation() {
    // keras.layers.MaxPooling2D: VALID floor((in - pool) / strides) + 1 when in >= pool;
    // SAME floor((in - 1) / strides) + 1, which is ceil(in / strides).
    for (int in = 1; in <= 64; in++) {
      for (int stride = 1; stride <= 7; stride++) {
        int same = (int) Math.ceil(in / (double) stride);
        assertEquals(same, Windows.outputLength(in, 3, stride, SAME), in + "/" + stride);
        assertEquals((in - 1) / stride + 1, Windows.outputLength(in, 3, stride, SAME));
        for (int window = 1; window <= in; window++) {
          int valid = (int) Math.floor((in - window) / (double) stride) + 1;
          assertEquals(valid, Windows.outputLength(in, window, stride, VALID));
        }
      }
    }
  }

  @Test
  void sameDoesNotOverflowOnTheLargestSize() {
    assertEquals(1_073_741_824, Windows.outputLength(Integer.MAX_VALUE, 3, 2, SAME));
    assertEquals(Integer.MAX_VALUE, Windows.outputLength(Integer.MAX_VALUE, 3, 1, SAME));
    assertEquals(2, Windows.samePaddingTotal(Integer.MAX_VALUE, 3, 2));
  }

  @ParameterizedTest(name = "in {0}, window {1}, stride {2} -> total pad {3}")
  @CsvSource({
    "7, 3, 2, 2", // 4 outputs: (4 - 1) * 2 + 3 - 7
    "224, 3, 2, 1", // odd total: 0 on top, 1 at the bottom, as MobileNet's ZeroPadding2D
    "28, 5, 1, 4",
    "4, 5, 1, 4",
    "8, 1, 2, 0", // never negative
    "6, 2, 2, 0",
    "5, 3, 1, 2"
  })
  void samePaddingTotal(int in, int window, int stride, int total) {
    assertEquals(total, Windows.samePaddingTotal(in, window, stride));
  }

  @Test
  void samePaddingMakesValidGiveTheSameLength() {
    for (int in = 1; in <= 40; in++) {
      for (int window = 1; window <= 7; window++) {
        for (int stride = 1; stride <= 4; stride++) {
          int padded = in + Windows.samePaddingTotal(in, window, stride);
          assertEquals(
              Windows.outputLength(in, window, stride, SAME),
              Windows.outputLength(padded, window, stride, VALID),
              in + " " + window + " " + stride);
        }
      }
    }
  }
}

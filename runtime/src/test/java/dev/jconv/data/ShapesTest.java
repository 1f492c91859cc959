package dev.jconv.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.parallel.Parallel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShapesTest {
  @Test
  void sameSeedSameDataWhateverTheThreadCount() {
    ArrayDataset a = Shapes.generate(23, 5);
    int threads = Parallel.threads();
    ArrayDataset b;
    try {
      Parallel.setThreads(1);
      b = Shapes.generate(23, 5);
    } finally {
      Parallel.setThreads(threads);
    }
    assertArrayEquals(a.features(), b.features());
    assertArrayEquals(a.labels(), b.labels());
    ArrayDataset c = Shapes.generate(23, 6);
    assertFalse(Arrays.equals(a.features(), c.features()));
  }

  @Test
  void classesAreBalancedAndNamed() {
    ArrayDataset ds = Shapes.generate(52, 1);
    assertArrayEquals(new int[] {11, 11, 10, 10, 10}, Datasets.classCounts(ds));
    assertArrayEquals(
        new String[] {"circle", "square", "triangle", "star", "cross"}, ds.classNames());
    assertArrayEquals(new int[] {64, 64, 3}, ds.shape());
    // Shuffled, not in round-robin order.
    assertFalse(Arrays.equals(new int[] {0, 1, 2, 3, 4}, Arrays.copyOf(ds.labels(), 5)));
  }

  @Test
  void valuesAreInUnitRangeAndImagesVary() {
    ArrayDataset ds = Shapes.generate(10, 2);
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float v : ds.features()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertTrue(min >= 0 && max <= 1, min + " .. " + max);
    float[] first = Arrays.copyOf(ds.features(), ds.exampleSize());
    float[] second = Arrays.copyOfRange(ds.features(), ds.exampleSize(), 2 * ds.exampleSize());
    assertFalse(Arrays.equals(first, second));
  }

  @Test
  void theShapeStandsOutFromTheBackground() {
    // The shape is drawn in a colour far from the background: many pixels differ strongly from the
    // top-left pixel (background, as shapes keep a 1-pixel margin, unless a distractor crosses it).
    ArrayDataset ds = Shapes.generate(20, 3);
    float[] x = new float[ds.exampleSize()];
    for (int i = 0; i < ds.size(); i++) {
      ds.copyExample(i, x, 0);
      float[] border = new float[3];
      for (int c = 0; c < 3; c++) {
        border[c] = x[c]; // top-left pixel: background (plus noise)
      }
      int far = 0;
      for (int p = 0; p < 64 * 64; p++) {
        double d = 0;
        for (int c = 0; c < 3; c++) {
          d += Math.pow(x[p * 3 + c] - border[c], 2);
        }
        far += Math.sqrt(d) > 0.25 ? 1 : 0;
      }
      // The smallest shape (a 14-pixel star) covers about 50 pixels.
      assertTrue(far >= 40, "example " + i + " (" + ds.classNames()[ds.label(i)] + "): " + far);
    }
  }

  @Test
  void previewWritesPngs(@TempDir Path dir) throws IOException {
    Path sheet = ShapesPreview.write(dir, 5, 1);
    assertTrue(Files.size(sheet) > 0);
    try (var files = Files.list(dir)) {
      assertEquals(6, files.count());
    }
  }
}

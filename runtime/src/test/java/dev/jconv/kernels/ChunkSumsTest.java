package dev.jconv.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jconv.parallel.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Clearing and summing chunk gradients over ranges, against plain loops, on 1 to 3 threads. */
class ChunkSumsTest {
  private int saved;

  @BeforeEach
  void save() {
    saved = Parallel.threads();
  }

  @AfterEach
  void restore() {
    Parallel.setThreads(saved);
  }

  @Test
  void sumsAndClearsOnlyTheRangesInChunkOrder() {
    SplittableRandom r = new SplittableRandom(7);
    for (int trial = 0; trial < 60; trial++) {
      // Small layouts and some above the parallel threshold, sizes off the vector length.
      int length = r.nextBoolean() ? 1 + r.nextInt(200) : ChunkSums.PARALLEL_MIN + r.nextInt(9000);
      List<Integer> bounds = new ArrayList<>();
      int at = r.nextInt(3);
      while (at < length) {
        int end = Math.min(length, at + 1 + r.nextInt(Math.max(1, length / 3)));
        bounds.add(at);
        bounds.add(end);
        at = end + r.nextInt(Math.max(1, length / 4));
      }
      int[] b = bounds.stream().mapToInt(Integer::intValue).toArray();
      ChunkSums sums = new ChunkSums(b);
      boolean[] inRange = new boolean[length];
      int total = 0;
      for (int i = 0; i < b.length; i += 2) {
        for (int j = b[i]; j < b[i + 1]; j++) {
          inRange[j] = true;
          total++;
        }
      }
      assertEquals(total, sums.total());
      int count = r.nextInt(4);
      float[][] parts = new float[count + 1][length];
      for (float[] p : parts) {
        for (int i = 0; i < length; i++) {
          p[i] = (float) r.nextDouble(-1, 1);
        }
      }
      float[] target = new float[length];
      for (int i = 0; i < length; i++) {
        target[i] = (float) r.nextDouble(-1, 1);
      }
      float[] expected = target.clone();
      for (int i = 0; i < length; i++) {
        if (inRange[i]) {
          for (int t = 0; t < count; t++) {
            expected[i] += parts[t][i];
          }
        }
      }
      Parallel.setThreads(1 + r.nextInt(3));
      sums.sum(target, parts, count);
      for (int i = 0; i < length; i++) {
        assertEquals(expected[i], target[i], "trial " + trial + " at " + i);
      }
      float[] cleared = parts[count].clone();
      sums.clear(cleared);
      for (int i = 0; i < length; i++) {
        assertEquals(inRange[i] ? 0f : parts[count][i], cleared[i], "cleared at " + i);
      }
    }
  }

  @Test
  void rejectsBadRanges() {
    assertThrows(IllegalArgumentException.class, () -> new ChunkSums(0, 4, 2, 6));
    assertThrows(IllegalArgumentException.class, () -> new ChunkSums(3, 3));
    assertThrows(IllegalArgumentException.class, () -> new ChunkSums(1));
  }

  @Test
  void noRangesIsFine() {
    ChunkSums none = new ChunkSums();
    float[] g = {1f, 2f};
    none.clear(g);
    none.sum(g, new float[][] {{5f, 5f}}, 1);
    assertEquals(1f, g[0]);
    assertEquals(2f, g[1]);
  }
}

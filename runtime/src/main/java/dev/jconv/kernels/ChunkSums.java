package dev.jconv.kernels;

import dev.jconv.parallel.Parallel;
import java.util.Arrays;

/**
 * The part of a training pass's parameter gradient that each chunk of examples accumulates in an
 * array of its own: fixed ranges {@code [start, end)} of the gradient layout. The pass clears only
 * these ranges (the rest of the layout, such as a Dense kernel whose gradient is computed once over
 * the whole batch, is written directly) and at the end adds the chunks' arrays into the result,
 * vectorized and, for large ranges, split over the threads. Every element sums the chunks in order
 * (the result array holds chunk 0's part, then chunk 1's is added, ...), whatever the split. Made
 * once per model; a call allocates nothing. One pass at a time.
 */
public final class ChunkSums {
  /** Below this many floats the sum stays on the calling thread. */
  static final int PARALLEL_MIN = 1 << 15;

  private final int[] starts;
  private final int[] ends;
  // before[r]: floats in the ranges before r, so a position in their concatenation finds its range.
  private final int[] before;
  private final int total;
  private final Parallel.RangeBody body = this::sumPositions;

  // The sum under way, read by the range body on every core.
  private float[] target;
  private float[][] parts;
  private int count;

  /**
   * The ranges {@code bounds[0]} to {@code bounds[1]}, {@code bounds[2]} to {@code bounds[3]}, ...:
   * ascending, not overlapping, none empty.
   */
  public ChunkSums(int... bounds) {
    if (bounds.length % 2 != 0) {
      throw new IllegalArgumentException("bounds come in pairs, got " + bounds.length);
    }
    int ranges = bounds.length / 2;
    starts = new int[ranges];
    ends = new int[ranges];
    before = new int[ranges + 1];
    int last = 0;
    for (int r = 0; r < ranges; r++) {
      starts[r] = bounds[2 * r];
      ends[r] = bounds[2 * r + 1];
      if (starts[r] < last || ends[r] <= starts[r]) {
        throw new IllegalArgumentException(
            "range " + r + " [" + starts[r] + ", " + ends[r] + ") is empty or out of order");
      }
      last = ends[r];
      before[r + 1] = before[r] + ends[r] - starts[r];
    }
    total = before[ranges];
  }

  /** Floats in all the ranges. */
  public int total() {
    return total;
  }

  /** Zeroes the ranges of {@code g}. */
  public void clear(float[] g) {
    for (int r = 0; r < starts.length; r++) {
      Arrays.fill(g, starts[r], ends[r], 0f);
    }
  }

  /**
   * Adds {@code parts[0]}, ..., {@code parts[count - 1]} into {@code target} over the ranges, in
   * that order.
   */
  public void sum(float[] target, float[][] parts, int count) {
    if (count <= 0 || total == 0) {
      return;
    }
    this.target = target;
    this.parts = parts;
    this.count = count;
    try {
      if (total >= PARALLEL_MIN && Parallel.threads() > 1) {
        Parallel.forRange(total, body);
      } else {
        sumPositions(0, total);
      }
    } finally {
      this.target = null;
      this.parts = null;
    }
  }

  // Positions [from, to) of the concatenation of the ranges.
  private void sumPositions(int from, int to) {
    int r = Arrays.binarySearch(before, from);
    r = r >= 0 ? r : -r - 2;
    for (; r < starts.length && before[r] < to; r++) {
      int a = starts[r] + Math.max(0, from - before[r]);
      int b = starts[r] + Math.min(ends[r] - starts[r], to - before[r]);
      for (int t = 0; t < count; t++) {
        Blas.axpy(1f, parts[t], a, target, a, b - a);
      }
    }
  }
}

package dev.jconv.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** Checks and encodes the maps of {@link Optimizer#state()}, with errors naming the entry. */
final class OptimizerStates {
  private static final long FLOAT_EXACT = 1L << 24;

  private OptimizerStates() {}

  /** The iteration count as two floats, each an exact integer below 2^24. */
  static float[] iterations(long count) {
    return new float[] {count % FLOAT_EXACT, count / FLOAT_EXACT};
  }

  /** The iteration count encoded by {@link #iterations(long)}. */
  static long iterations(float[] encoded) {
    return (long) encoded[0] + (long) encoded[1] * FLOAT_EXACT;
  }

  /**
   * Checks that {@code state} has exactly the iteration entry and the slots {@code names}, that the
   * iteration count is well formed and that the slots have the same length; returns copies.
   */
  static Map<String, float[]> check(String owner, Map<String, float[]> state, String[] names) {
    String where = owner + ".restoreState";
    TreeSet<String> expected = new TreeSet<>();
    expected.add(Optimizer.ITERATIONS);
    for (String n : names) {
      expected.add(n);
    }
    for (String key : state.keySet()) {
      if (!expected.contains(key)) {
        throw new IllegalArgumentException(
            where + ": unknown entry '" + key + "'; expected exactly " + expected);
      }
    }
    for (String key : expected) {
      if (state.get(key) == null) {
        throw new IllegalArgumentException(
            where + ": missing entry '" + key + "'; expected exactly " + expected);
      }
    }
    float[] it = state.get(Optimizer.ITERATIONS);
    if (it.length != 2) {
      throw new IllegalArgumentException(
          where
              + ": entry '"
              + Optimizer.ITERATIONS
              + "' has "
              + it.length
              + " values, expected 2 (count % 2^24, count / 2^24)");
    }
    for (float f : it) {
      if (!(f >= 0 && f < FLOAT_EXACT && f == Math.rint(f))) {
        throw new IllegalArgumentException(
            where
                + ": entry '"
                + Optimizer.ITERATIONS
                + "' holds "
                + f
                + ", expected whole numbers in [0, 2^24)");
      }
    }
    Map<String, float[]> copy = new LinkedHashMap<>();
    copy.put(Optimizer.ITERATIONS, it.clone());
    int length = -1;
    String first = null;
    for (String n : names) {
      float[] slot = state.get(n);
      if (length >= 0 && slot.length != length) {
        throw new IllegalArgumentException(
            where
                + ": entry '"
                + n
                + "' has "
                + slot.length
                + " values but '"
                + first
                + "' has "
                + length
                + "; the state is inconsistent");
      }
      length = slot.length;
      first = first == null ? n : first;
      copy.put(n, slot.clone());
    }
    return copy;
  }

  /** Checks that every slot of {@code state} has {@code weights} values (or none: zeros). */
  static void checkLength(String owner, Map<String, float[]> state, String[] names, int weights) {
    for (String n : names) {
      float[] slot = state.get(n);
      int length = slot == null ? 0 : slot.length;
      if (length != 0 && length != weights) {
        throw new IllegalArgumentException(
            owner
                + ".restoreState: entry '"
                + n
                + "' has "
                + length
                + " values but the model has "
                + weights
                + " weights; the state was saved for a different network");
      }
    }
  }
}

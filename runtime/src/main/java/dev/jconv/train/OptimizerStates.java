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
      if (!expected.contains(key) && !key.equals(Optimizer.LAYER_ITERATIONS)) {
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
      checkCount(where, Optimizer.ITERATIONS, f);
    }
    Map<String, float[]> copy = new LinkedHashMap<>();
    copy.put(Optimizer.ITERATIONS, it.clone());
    float[] perLayer = state.get(Optimizer.LAYER_ITERATIONS);
    if (perLayer != null) {
      if (perLayer.length % 2 != 0) {
        throw new IllegalArgumentException(
            where
                + ": entry '"
                + Optimizer.LAYER_ITERATIONS
                + "' has "
                + perLayer.length
                + " values, expected two per layer");
      }
      for (float f : perLayer) {
        checkCount(where, Optimizer.LAYER_ITERATIONS, f);
      }
      copy.put(Optimizer.LAYER_ITERATIONS, perLayer.clone());
    }
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

  private static void checkCount(String where, String entry, float f) {
    if (!(f >= 0 && f < FLOAT_EXACT && f == Math.rint(f))) {
      throw new IllegalArgumentException(
          where + ": entry '" + entry + "' holds " + f + ", expected whole numbers in [0, 2^24)");
    }
  }

  /** Per-layer counts, each as {@link #iterations(long)} encodes it. */
  static float[] encode(long[] counts) {
    float[] out = new float[counts.length * 2];
    for (int i = 0; i < counts.length; i++) {
      out[2 * i] = counts[i] % FLOAT_EXACT;
      out[2 * i + 1] = counts[i] / FLOAT_EXACT;
    }
    return out;
  }

  /** The counts encoded by {@link #encode(long[])}. */
  static long[] decode(float[] encoded) {
    long[] out = new long[encoded.length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (long) encoded[2 * i] + (long) encoded[2 * i + 1] * FLOAT_EXACT;
    }
    return out;
  }

  /** Checks that per-layer counts, when present, cover {@code layers} layers. */
  static void checkLayers(String owner, float[] perLayer, int layers) {
    if (perLayer != null && perLayer.length != 2 * layers) {
      throw new IllegalArgumentException(
          owner
              + ".restoreState: entry '"
              + Optimizer.LAYER_ITERATIONS
              + "' counts "
              + perLayer.length / 2
              + " layers but the model has "
              + layers
              + "; the state was saved for a different network");
    }
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

package dev.jconv.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The one timing loop every engine goes through: rounds of repeated calls, the engines' rounds
 * interleaved (who goes first alternates), medians over rounds.
 */
final class Rounds {
  private Rounds() {}

  /**
   * Calls {@code op} until at least {@code nanos} have passed (at least once); returns the seconds
   * per call.
   */
  static double round(Runnable op, long nanos) {
    long start = System.nanoTime();
    long now;
    int calls = 0;
    do {
      op.run();
      calls++;
      now = System.nanoTime();
    } while (now - start < nanos);
    return (now - start) / 1e9 / calls;
  }

  /**
   * Warms every op up for {@code warmNanos}, then times {@code rounds} rounds of each, alternating
   * between the ops round by round, each round after its op's untimed {@code setUps} entry (null:
   * none); returns seconds per call, {@code [op][round]}.
   */
  static double[][] interleaved(
      List<Runnable> ops, List<Runnable> setUps, int rounds, long roundNanos, long warmNanos) {
    for (int i = 0; i < ops.size(); i++) {
      setUp(setUps, i);
      round(ops.get(i), warmNanos);
    }
    double[][] seconds = new double[ops.size()][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < ops.size(); k++) {
        // Reversing the order every other round keeps either engine from always following the
        // other (caches, turbo, the other's lingering threads).
        int i = r % 2 == 0 ? k : ops.size() - 1 - k;
        setUp(setUps, i);
        seconds[i][r] = round(ops.get(i), roundNanos);
      }
    }
    return seconds;
  }

  private static void setUp(List<Runnable> setUps, int i) {
    if (setUps != null) {
      setUps.get(i).run();
    }
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }
}

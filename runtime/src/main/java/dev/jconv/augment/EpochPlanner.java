package dev.jconv.augment;

import java.util.ArrayList;
import java.util.List;

/** Builds the {@link EpochPlan} of a {@link ClassAugmentation}: oversampling, then one shuffle. */
final class EpochPlanner {
  private EpochPlanner() {}

  static EpochPlan plan(ClassAugmentation aug, int[] labels, int classes, int epoch, long seed) {
    for (int rule : aug.ruleClasses()) {
      if (rule >= classes) {
        throw new IllegalArgumentException(
            "forClass("
                + rule
                + ", ...) names a class the data does not have ("
                + classes
                + " classes)");
      }
    }
    int[][] members = members(labels, classes);
    int[] counts = new int[classes];
    for (int k = 0; k < classes; k++) {
      counts[k] = members[k].length;
    }
    int[] target = aug.epochCounts(counts);
    List<Pipeline> pipelines = new ArrayList<>();
    int total = 0;
    for (int t : target) {
      total = Math.addExact(total, t);
    }
    int[] indices = new int[total];
    byte[] pipelineOf = new byte[total];
    long epochSeed = Rng.derive(seed, epoch);
    int at = 0;
    for (int k = 0; k < classes; k++) {
      byte id = id(pipelines, aug.pipelineOf(k, counts));
      int[] m = members[k];
      int[] cycle = permutation(m.length, Rng.derive(epochSeed, k));
      for (int j = 0; j < target[k]; j++) {
        // The originals first, in order; the extra draws cycle through a shuffled copy.
        indices[at] = j < m.length ? m[j] : m[cycle[(j - m.length) % m.length]];
        pipelineOf[at++] = id;
      }
    }
    int[] order = permutation(total, Rng.derive(epochSeed, -1));
    int[] shuffledIndices = new int[total];
    byte[] shuffledPipelines = new byte[total];
    for (int i = 0; i < total; i++) {
      shuffledIndices[i] = indices[order[i]];
      shuffledPipelines[i] = pipelineOf[order[i]];
    }
    return new EpochPlan(shuffledIndices, shuffledPipelines, pipelines.toArray(new Pipeline[0]));
  }

  private static byte id(List<Pipeline> pipelines, Pipeline p) {
    int i = pipelines.indexOf(p);
    if (i < 0) {
      pipelines.add(p);
      i = pipelines.size() - 1;
    }
    return (byte) i;
  }

  private static int[][] members(int[] labels, int classes) {
    int[] counts = new int[classes];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException(
            "label " + labels[i] + " of example " + i + " is outside [0, " + classes + ")");
      }
      counts[labels[i]]++;
    }
    int[][] members = new int[classes][];
    for (int k = 0; k < classes; k++) {
      members[k] = new int[counts[k]];
      counts[k] = 0;
    }
    for (int i = 0; i < labels.length; i++) {
      members[labels[i]][counts[labels[i]]++] = i;
    }
    return members;
  }

  /** A seeded Fisher-Yates permutation of {@code [0, n)}. */
  static int[] permutation(int n, long seed) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    Rng rng = new Rng(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(0, i);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}

package dev.jconv.train;

/**
 * Classification metrics over model outputs (one row of {@code classes} scores per example):
 * accuracy, top-k accuracy and the confusion matrix.
 */
public final class Metrics {
  private Metrics() {}

  /** The index of the largest score of example {@code i} (the first one on ties). */
  public static int argmax(float[] scores, int i, int classes) {
    int best = 0;
    int o = i * classes;
    for (int c = 1; c < classes; c++) {
      if (scores[o + c] > scores[o + best]) {
        best = c;
      }
    }
    return best;
  }

  /** Whether the label of example {@code i} is among its {@code k} highest scores. */
  public static boolean inTopK(float[] scores, int i, int classes, int label, int k) {
    int o = i * classes;
    float target = scores[o + label];
    int higher = 0;
    for (int c = 0; c < classes; c++) {
      if (scores[o + c] > target || (scores[o + c] == target && c < label)) {
        higher++;
      }
    }
    return higher < k;
  }

  /** Fraction of the {@code n} examples whose top score is their label. */
  public static double accuracy(float[] scores, int[] labels, int n, int classes) {
    return topK(scores, labels, n, classes, 1);
  }

  /** Fraction of the {@code n} examples whose label is among their {@code k} top scores. */
  public static double topK(float[] scores, int[] labels, int n, int classes, int k) {
    if (n == 0) {
      return 0;
    }
    int hits = 0;
    for (int i = 0; i < n; i++) {
      if (inTopK(scores, i, classes, labels[i], k)) {
        hits++;
      }
    }
    return (double) hits / n;
  }

  /** {@code matrix[true][predicted]} counts over {@code n} examples. */
  public static int[][] confusionMatrix(float[] scores, int[] labels, int n, int classes) {
    int[][] m = new int[classes][classes];
    for (int i = 0; i < n; i++) {
      m[labels[i]][argmax(scores, i, classes)]++;
    }
    return m;
  }
}

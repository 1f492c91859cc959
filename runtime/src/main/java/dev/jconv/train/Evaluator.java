package dev.jconv.train;

import dev.jconv.Model;
import dev.jconv.compiled.CompiledModel;
import dev.jconv.data.Dataset;
import dev.jconv.parallel.Parallel;

/**
 * Runs inference over a data set in batches and measures loss, accuracy, top-5 accuracy and the
 * confusion matrix: {@code Evaluator.evaluate(model, testSet)}, Keras's {@code model.evaluate}.
 */
public final class Evaluator {
  private Evaluator() {}

  /** Evaluates {@code model} on every example of {@code data} in batches of 256. */
  public static Evaluation evaluate(Model model, Dataset data) {
    return evaluate(model, data, 256);
  }

  /**
   * Evaluates {@code model} on every example of {@code data}, {@code batchSize} examples at a time
   * (spread over the cores).
   *
   * @throws IllegalArgumentException if the data's shape or class count does not fit the model, or
   *     {@code batchSize < 1}
   */
  public static Evaluation evaluate(Model model, Dataset data, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "Evaluator.evaluate: batchSize = " + batchSize + " must be at least 1");
    }
    Trainer.checkCompatible(model, data);
    int classes = model.outputSize();
    int in = model.inputSize();
    int n = data.size();
    float[] x = new float[batchSize * in];
    float[] y = new float[batchSize * classes];
    int[] labels = new int[batchSize];
    double loss = 0;
    long hits = 0;
    long top5 = 0;
    int[][] confusion = new int[classes][classes];
    boolean probabilities = isProbabilities(model);
    for (int start = 0; start < n; start += batchSize) {
      int b = Math.min(batchSize, n - start);
      for (int i = 0; i < b; i++) {
        data.copyExample(start + i, x, i * in);
        labels[i] = data.label(start + i);
      }
      float[] out = y;
      if (model instanceof CompiledModel compiled) {
        // Layer by layer over each thread's share: a Dense kernel is read once per block of
        // examples, not once per example.
        Parallel.forRange(
            b, (from, to) -> compiled.predictBlock(x, from * in, to - from, out, from * classes));
      } else {
        Parallel.forRange(
            b,
            (from, to) -> {
              for (int i = from; i < to; i++) {
                model.predictInto(x, i * in, out, i * classes);
              }
            });
      }
      for (int i = 0; i < b; i++) {
        loss += crossEntropy(y, i * classes, classes, labels[i], probabilities);
        int predicted = Metrics.argmax(y, i, classes);
        confusion[labels[i]][predicted]++;
        hits += predicted == labels[i] ? 1 : 0;
        top5 += Metrics.inTopK(y, i, classes, labels[i], 5) ? 1 : 0;
      }
    }
    return new Evaluation(
        n,
        n == 0 ? 0 : loss / n,
        n == 0 ? 0 : (double) hits / n,
        n == 0 ? 0 : (double) top5 / n,
        confusion);
  }

  /** Whether the output layer ends in softmax (its outputs are probabilities, not logits). */
  static boolean isProbabilities(Model model) {
    return model.outputsProbabilities();
  }

  /** -log p[label], from probabilities or from logits through a stable log-sum-exp. */
  static double crossEntropy(float[] y, int o, int classes, int label, boolean probabilities) {
    if (probabilities) {
      return -Math.log(Math.max(y[o + label], 1e-12));
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < classes; c++) {
      max = Math.max(max, y[o + c]);
    }
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      sum += Math.exp(y[o + c] - max);
    }
    return max + Math.log(sum) - y[o + label];
  }
}

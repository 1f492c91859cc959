package dev.jconv.train;

import java.util.Locale;

/**
 * The result of evaluating a model on labelled data: mean cross-entropy loss, accuracy, top-5
 * accuracy and the confusion matrix ({@code confusion[true][predicted]}).
 */
public record Evaluation(
    int examples, double loss, double accuracy, double top5Accuracy, int[][] confusion) {
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%,d examples: loss %.4f - accuracy %.4f - top-5 accuracy %.4f",
        examples,
        loss,
        accuracy,
        top5Accuracy);
  }
}

package dev.jconv.train;

import java.util.Locale;

/**
 * What one epoch measured: training loss and accuracy, validation loss and accuracy (NaN without
 * validation data), the learning rate and the wall time.
 */
public record EpochLogs(
    int epoch,
    double loss,
    double accuracy,
    double valLoss,
    double valAccuracy,
    double learningRate,
    double seconds) {
  /** A metric by Keras's name: loss, accuracy, val_loss, val_accuracy. */
  public double get(String metric) {
    switch (metric) {
      case "loss":
        return loss;
      case "accuracy":
        return accuracy;
      case "val_loss":
        return valLoss;
      case "val_accuracy":
        return valAccuracy;
      default:
        throw new IllegalArgumentException(
            "unknown metric '" + metric + "'; use loss, accuracy, val_loss or val_accuracy");
    }
  }

  /** Whether there were validation metrics. */
  public boolean hasValidation() {
    return !Double.isNaN(valLoss);
  }

  @Override
  public String toString() {
    String s =
        String.format(
            Locale.ROOT, "epoch %d: loss %.4f - accuracy %.4f", epoch + 1, loss, accuracy);
    if (hasValidation()) {
      s += String.format(Locale.ROOT, " - val_loss %.4f - val_accuracy %.4f", valLoss, valAccuracy);
    }
    return s + String.format(Locale.ROOT, " - lr %.3g - %.1f s", learningRate, seconds);
  }
}

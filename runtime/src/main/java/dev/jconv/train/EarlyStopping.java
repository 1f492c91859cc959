package dev.jconv.train;

import dev.jconv.Model;

/**
 * Stops training when a metric has not improved by {@code minDelta} for {@code patience} epochs,
 * optionally restoring the best weights seen, as Keras's {@code EarlyStopping}.
 */
public final class EarlyStopping implements Callback {
  private final String monitor;
  private final int patience;
  private final double minDelta;
  private final boolean restoreBestWeights;
  private final boolean maximize;
  private double best;
  private int wait;
  private float[] bestWeights;

  /**
   * Watches {@code monitor} (loss, accuracy, val_loss or val_accuracy; accuracies are maximised).
   */
  public EarlyStopping(String monitor, int patience, double minDelta, boolean restoreBestWeights) {
    if (patience < 0) {
      throw new IllegalArgumentException("patience must not be negative, got " + patience);
    }
    this.monitor = monitor;
    this.patience = patience;
    this.minDelta = Math.abs(minDelta);
    this.restoreBestWeights = restoreBestWeights;
    this.maximize = monitor.endsWith("accuracy");
    new EpochLogs(0, 0, 0, 0, 0, 0, 0).get(monitor); // rejects unknown names now
  }

  /** Stops after {@code patience} epochs without a lower {@code val_loss}. */
  public static EarlyStopping onValidationLoss(int patience) {
    return new EarlyStopping("val_loss", patience, 0, true);
  }

  @Override
  public void onTrainBegin(Model model) {
    best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    wait = 0;
    bestWeights = null;
  }

  @Override
  public boolean onEpochEnd(Model model, EpochLogs logs) {
    double value = logs.get(monitor);
    if (Double.isNaN(value)) {
      throw new IllegalStateException(
          "EarlyStopping monitors '" + monitor + "' but it is not measured; give validation data");
    }
    boolean improved = maximize ? value > best + minDelta : value < best - minDelta;
    if (improved) {
      best = value;
      wait = 0;
      if (restoreBestWeights) {
        bestWeights = model.weights().clone();
      }
      return false;
    }
    wait++;
    return wait > patience;
  }

  @Override
  public void onTrainEnd(Model model, History history) {
    if (restoreBestWeights && bestWeights != null) {
      System.arraycopy(bestWeights, 0, model.weights(), 0, bestWeights.length);
    }
  }
}

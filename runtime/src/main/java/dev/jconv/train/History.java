package dev.jconv.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The metrics of every epoch of a training run, as Keras's {@code History}. */
public final class History {
  private final List<EpochLogs> epochs = new ArrayList<>();
  private boolean stoppedEarly;

  void add(EpochLogs logs) {
    epochs.add(logs);
  }

  void markStoppedEarly() {
    stoppedEarly = true;
  }

  /** The epochs run, in order. */
  public List<EpochLogs> epochs() {
    return Collections.unmodifiableList(epochs);
  }

  /** The last epoch's logs. */
  public EpochLogs last() {
    if (epochs.isEmpty()) {
      throw new IllegalStateException("no epoch has run");
    }
    return epochs.get(epochs.size() - 1);
  }

  /** One metric over the epochs, by Keras's name (loss, accuracy, val_loss, val_accuracy). */
  public double[] metric(String name) {
    double[] values = new double[epochs.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = epochs.get(i).get(name);
    }
    return values;
  }

  /** Whether a callback stopped training before the last epoch. */
  public boolean stoppedEarly() {
    return stoppedEarly;
  }
}

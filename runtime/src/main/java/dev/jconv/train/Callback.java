package dev.jconv.train;

import dev.jconv.Model;

/** Hooks into training, as Keras callbacks; every method does nothing by default. */
public interface Callback {
  /** Before the first epoch. */
  default void onTrainBegin(Model model) {}

  /** After each epoch; return true to stop training. */
  default boolean onEpochEnd(Model model, EpochLogs logs) {
    return false;
  }

  /** After the last epoch (also after an early stop). */
  default void onTrainEnd(Model model, History history) {}
}

package dev.jconv.train;

/**
 * Training stopped because its thread was interrupted. The thread's interrupt status stays set; the
 * message says which checkpoint, if any, holds the last completed epoch.
 */
public final class TrainingInterruptedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TrainingInterruptedException(String message, Throwable cause) {
    super(message, cause);
  }
}

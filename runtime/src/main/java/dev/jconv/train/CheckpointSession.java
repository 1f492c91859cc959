package dev.jconv.train;

import dev.jconv.Model;
import dev.jconv.io.AtomicWriteException;
import dev.jconv.io.SafeTensors;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkpoint file of one {@link Trainer#fit} run: resumes from it, writes it after each epoch,
 * and remembers which epoch the file on disk holds, so that every failure can say what survived.
 */
final class CheckpointSession {
  private final Path file;
  private final Model model;
  private final Optimizer optimizer;
  private final long seed;
  private int savedEpoch = -1;

  CheckpointSession(Path file, Model model, Optimizer optimizer, long seed) {
    this.file = file;
    this.model = model;
    this.optimizer = optimizer;
    this.seed = seed;
  }

  /**
   * Loads the checkpoint when it exists and returns the epoch to start from (0 without one). Stale
   * temporary files of killed writes are removed first; a missing directory is created now rather
   * than failing after the first epoch.
   */
  int resume(boolean verbose, PrintStream out) {
    SafeTensors.removeStaleTemporaries(file);
    if (!Files.exists(file)) {
      Path parent = file.toAbsolutePath().getParent();
      try {
        Files.createDirectories(parent);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the checkpoint directory " + parent, e);
      }
      return 0;
    }
    try {
      Checkpoint.Resume r = Checkpoint.load(file, model, optimizer);
      if (verbose) {
        out.println("Resuming from " + file + " at epoch " + (r.nextEpoch() + 1));
      }
      savedEpoch = r.nextEpoch();
      return r.nextEpoch();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resume from " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the checkpoint taken after {@code epochsDone} epochs. */
  void save(int epochsDone) {
    try {
      Checkpoint.save(file, model, optimizer, epochsDone, seed);
      savedEpoch = epochsDone;
    } catch (ClosedByInterruptException e) {
      throw new TrainingInterruptedException(
          "training was interrupted while writing the checkpoint of epoch "
              + epochsDone
              + " to "
              + file
              + "; "
              + survivor(),
          e);
    } catch (IOException e) {
      String reason = e instanceof AtomicWriteException a ? a.reason() : e.getMessage();
      throw new UncheckedIOException(
          "cannot write the checkpoint of epoch "
              + epochsDone
              + " to "
              + file
              + " ("
              + reason
              + "); "
              + survivor(),
          e);
    }
  }

  /** What the file on disk holds now, for error messages. */
  String survivor() {
    return savedEpoch < 0
        ? "there is no earlier checkpoint"
        : "the last checkpoint " + file + " still holds epoch " + savedEpoch;
  }

  /** As {@link #survivor()}, for a stop between steps. */
  String lastGood() {
    return savedEpoch < 0
        ? "no checkpoint was written"
        : "the last checkpoint " + file + " holds epoch " + savedEpoch;
  }
}

package dev.jconv.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Model;
import dev.jconv.data.ArrayDataset;
import dev.jconv.testing.Blobs;
import dev.jconv.testing.FaultyFileSystem;
import dev.jconv.testing.StatModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults during training (a callback that throws, an interrupt between steps or in the middle of a
 * checkpoint write, a disk that fills up while a checkpoint is written) stop the run with an error
 * that says what happened; the last good checkpoint survives, nothing else is left in its
 * directory, and the next run resumes from it to the same weights as a run without the fault.
 */
class TrainingFaultTest {
  @TempDir Path dir;
  private final ArrayDataset train = Blobs.of(40, 4, 3, 11);

  private Trainer trainer(StatModel model, int epochs) {
    return RejectedStepTest.quiet(model)
        .optimizer(new Sgd().momentum(0.9).learningRate(0.05))
        .batchSize(8)
        .epochs(epochs);
  }

  private float[] straightRun() {
    StatModel model = new StatModel(4, 3, 5);
    trainer(model, 3).fit(train);
    return model.weights();
  }

  /** Resumes from {@code checkpoint} in a fresh process's place and checks the final weights. */
  private void resumeMatchesTheStraightRun(Path checkpoint, int expectedEpochsLeft) {
    StatModel resumed = new StatModel(4, 3, 77); // different init: all state comes from the file
    History rest = trainer(resumed, 3).checkpoint(checkpoint).fit(train);
    assertEquals(expectedEpochsLeft, rest.epochs().size());
    assertArrayEquals(straightRun(), resumed.weights());
  }

  private static Callback failingAtEpoch(int epoch, RuntimeException failure) {
    return new Callback() {
      @Override
      public boolean onEpochEnd(Model model, EpochLogs logs) {
        if (logs.epoch() + 1 == epoch) {
          throw failure;
        }
        return false;
      }
    };
  }

  @Test
  void aCallbackThatThrowsKeepsTheCheckpointOfItsEpoch() throws IOException {
    Path ckpt = dir.resolve("run.safetensors");
    IllegalStateException boom = new IllegalStateException("callback bug");

    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () ->
                trainer(new StatModel(4, 3, 5), 3)
                    .checkpoint(ckpt)
                    .callback(failingAtEpoch(2, boom))
                    .fit(train));

    assertTrue(e == boom || e.getCause() == boom, e.toString());
    assertEquals(List.of("run.safetensors"), names());
    resumeMatchesTheStraightRun(ckpt, 1);
  }

  @Test
  void anInterruptBetweenStepsStopsCleanly() throws IOException {
    Path ckpt = dir.resolve("run.safetensors");
    Callback interrupt =
        new Callback() {
          @Override
          public boolean onEpochEnd(Model model, EpochLogs logs) {
            Thread.currentThread().interrupt();
            return false;
          }
        };

    RuntimeException e;
    try {
      e =
          assertThrows(
              RuntimeException.class,
              () ->
                  trainer(new StatModel(4, 3, 5), 3)
                      .checkpoint(ckpt)
                      .callback(interrupt)
                      .fit(train));
      assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status was swallowed");
    } finally {
      Thread.interrupted();
    }

    assertEquals(
        "training was interrupted at epoch 2, batch 1; the last checkpoint "
            + ckpt
            + " holds epoch 1",
        e.getMessage());
    assertEquals(List.of("run.safetensors"), names());
    resumeMatchesTheStraightRun(ckpt, 2);
  }

  @Test
  void anInterruptDuringACheckpointWriteKeepsThePreviousOne() throws IOException {
    Path ckpt = dir.resolve("run.safetensors");
    trainer(new StatModel(4, 3, 5), 1).checkpoint(ckpt).fit(train);
    byte[] good = Files.readAllBytes(ckpt);
    FaultyFileSystem fs = new FaultyFileSystem().interruptWhenFull().diskFullAfter(good.length / 2);

    RuntimeException e;
    try {
      e =
          assertThrows(
              RuntimeException.class,
              () -> trainer(new StatModel(4, 3, 5), 3).checkpoint(fs.wrap(ckpt)).fit(train));
    } finally {
      Thread.interrupted();
    }

    assertEquals(
        "training was interrupted while writing the checkpoint of epoch 2 to "
            + ckpt
            + "; the last checkpoint "
            + ckpt
            + " still holds epoch 1",
        e.getMessage());
    assertArrayEquals(good, Files.readAllBytes(ckpt));
    assertEquals(List.of("run.safetensors"), names());
    resumeMatchesTheStraightRun(ckpt, 2);
  }

  @Test
  void aFullDiskDuringACheckpointKeepsThePreviousOne() throws IOException {
    Path ckpt = dir.resolve("run.safetensors");
    trainer(new StatModel(4, 3, 5), 1).checkpoint(ckpt).fit(train);
    byte[] good = Files.readAllBytes(ckpt);
    for (long budget : new long[] {0, 100, good.length / 2, good.length - 1}) {
      FaultyFileSystem fs = new FaultyFileSystem().diskFullAfter(budget);

      RuntimeException e =
          assertThrows(
              RuntimeException.class,
              () -> trainer(new StatModel(4, 3, 5), 3).checkpoint(fs.wrap(ckpt)).fit(train));

      assertEquals(
          "cannot write the checkpoint of epoch 2 to "
              + ckpt
              + " (No space left on device); the last checkpoint "
              + ckpt
              + " still holds epoch 1",
          e.getMessage(),
          "budget " + budget);
      assertArrayEquals(good, Files.readAllBytes(ckpt));
      assertEquals(List.of("run.safetensors"), names());
    }
    resumeMatchesTheStraightRun(ckpt, 2);
  }

  @Test
  void aFullDiskAtTheFirstCheckpointLeavesNothing() throws IOException {
    Path ckpt = dir.resolve("run.safetensors");
    FaultyFileSystem fs = new FaultyFileSystem().diskFullAfter(50);

    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () -> trainer(new StatModel(4, 3, 5), 3).checkpoint(fs.wrap(ckpt)).fit(train));

    assertEquals(
        "cannot write the checkpoint of epoch 1 to "
            + ckpt
            + " (No space left on device); there is no earlier checkpoint",
        e.getMessage());
    assertEquals(List.of(), names());
    StatModel fresh = new StatModel(4, 3, 5); // nothing to resume: the run starts clean
    assertEquals(3, trainer(fresh, 3).checkpoint(ckpt).fit(train).epochs().size());
    assertArrayEquals(straightRun(), fresh.weights());
  }

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void noFaultNoLeftovers() throws IOException {
    Path ckpt = dir.resolve("run.safetensors");
    trainer(new StatModel(4, 3, 5), 2).checkpoint(ckpt).fit(train);
    assertEquals(List.of("run.safetensors"), names());
    assertFalse(Thread.currentThread().isInterrupted());
  }
}

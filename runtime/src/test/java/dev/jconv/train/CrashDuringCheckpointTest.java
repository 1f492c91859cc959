package dev.jconv.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.data.ArrayDataset;
import dev.jconv.io.SafeTensors;
import dev.jconv.testing.Blobs;
import dev.jconv.testing.FaultyFileSystem;
import dev.jconv.testing.StatModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training process killed ({@code SIGKILL}) in the middle of writing a checkpoint: while it is
 * alive its temporary file is left alone; once it is dead, the next run removes it and resumes from
 * the last good checkpoint, or starts clean when the first checkpoint was the one cut short. The
 * child process blocks inside its write (a file system that never returns), so the kill lands at a
 * known point without any timing.
 */
class CrashDuringCheckpointTest {
  @TempDir Path dir;

  static final ArrayDataset TRAIN = Blobs.of(40, 4, 3, 11);

  static Trainer trainer(StatModel model, int epochs) {
    return RejectedStepTest.quiet(model)
        .optimizer(new Sgd().momentum(0.9).learningRate(0.05))
        .batchSize(8)
        .epochs(epochs);
  }

  /** The child: trains towards 3 epochs with a checkpoint whose write blocks part-way. */
  public static void main(String[] args) throws Exception {
    Path checkpoint = Path.of(args[0]);
    FaultyFileSystem fs = new FaultyFileSystem().blockWhenFull().diskFullAfter(100);
    Thread reporter =
        new Thread(
            () -> {
              try {
                fs.awaitBlocked();
                System.out.println("blocked");
                System.out.flush();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    reporter.setDaemon(true);
    reporter.start();
    trainer(new StatModel(4, 3, 5), 3).checkpoint(fs.wrap(checkpoint)).fit(TRAIN);
  }

  private void killDuringCheckpoint(Path checkpoint, byte[] expected) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                CrashDuringCheckpointTest.class.getName(),
                checkpoint.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("blocked", out.readLine(), "the child did not reach its checkpoint write");
      List<String> during = names();
      assertEquals(expected == null ? 1 : 2, during.size(), during.toString());
      assertEquals(
          0, SafeTensors.removeStaleTemporaries(checkpoint), "a live writer's file was removed");
      child.destroyForcibly();
      assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    } finally {
      child.destroyForcibly();
    }
    List<String> after = names();
    assertEquals(expected == null ? 1 : 2, after.size(), "the crash left " + after);
    assertTrue(after.stream().anyMatch(n -> n.matches("\\.run\\.safetensors\\.[0-9a-z]+\\.tmp")));
    if (expected != null) {
      assertArrayEquals(expected, Files.readAllBytes(checkpoint), "the good checkpoint changed");
    }
  }

  private float[] straightRun() {
    StatModel model = new StatModel(4, 3, 5);
    trainer(model, 3).fit(TRAIN);
    return model.weights();
  }

  @Test
  void aCrashDuringTheFirstCheckpointStartsTheNextRunClean() throws Exception {
    Path ckpt = dir.resolve("run.safetensors");
    killDuringCheckpoint(ckpt, null);

    StatModel model = new StatModel(4, 3, 5);
    History h = trainer(model, 3).checkpoint(ckpt).fit(TRAIN);

    assertEquals(3, h.epochs().size());
    assertArrayEquals(straightRun(), model.weights());
    assertEquals(List.of("run.safetensors"), names());
  }

  @Test
  void aCrashDuringALaterCheckpointResumesFromTheLastGoodOne() throws Exception {
    Path ckpt = dir.resolve("run.safetensors");
    trainer(new StatModel(4, 3, 5), 1).checkpoint(ckpt).fit(TRAIN);
    killDuringCheckpoint(ckpt, Files.readAllBytes(ckpt));

    StatModel model = new StatModel(4, 3, 99);
    History h = trainer(model, 3).checkpoint(ckpt).fit(TRAIN);

    assertEquals(2, h.epochs().size());
    assertArrayEquals(straightRun(), model.weights());
    assertEquals(List.of("run.safetensors"), names());
  }

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}

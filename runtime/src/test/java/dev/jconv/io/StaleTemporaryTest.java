package dev.jconv.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary files that a killed writer left next to a target are removed by the next write to that
 * target; files that only look similar, and the temporary file of a writer still at work, are not.
 */
class StaleTemporaryTest {
  @TempDir Path dir;

  private static final List<Tensor> ONE = List.of(Tensor.of("w", new int[] {1}, new float[] {3}));

  /** What a writer killed mid-write leaves: a partial file under the writer's naming pattern. */
  private Path crashedTemporary(String target, String suffix) throws IOException {
    Path temp = dir.resolve("." + target + "." + suffix + ".tmp");
    Files.write(temp, new byte[4096]);
    return temp;
  }

  @Test
  void theNextWriteRemovesWhatCrashedWritesLeft() throws IOException {
    crashedTemporary("model.safetensors", "3k9x0q2m1z");
    crashedTemporary("model.safetensors", "0");
    crashedTemporary("model.safetensors", "3w5e11264sgsf");

    SafeTensors.write(dir.resolve("model.safetensors"), ONE, Map.of());

    assertEquals(Set.of("model.safetensors"), names());
  }

  @Test
  void filesOutsideTheExactPatternAreKept() throws IOException {
    Set<String> others =
        Set.of(
            ".model.safetensors.tmp", // no random part
            "model.safetensors.abc.tmp", // not hidden
            ".other.safetensors.abc.tmp", // another target's
            ".model.safetensors.ABC.tmp", // upper case is not ours
            ".model.safetensors.a-b.tmp", // not base 36
            ".model.safetensors.3w5e11264sgsf0.tmp", // longer than any unsigned long in base 36
            ".model.safetensors.abc.tmp.bak",
            "notes.tmp");
    for (String name : others) {
      Files.write(dir.resolve(name), new byte[] {1});
    }
    Files.createDirectory(dir.resolve(".model.safetensors.dir1.tmp")); // a directory, not ours

    SafeTensors.write(dir.resolve("model.safetensors"), ONE, Map.of());

    Set<String> expected = new TreeSet<>(others);
    expected.add("model.safetensors");
    expected.add(".model.safetensors.dir1.tmp");
    assertEquals(expected, names());
  }

  @Test
  void aTemporaryFileLockedByALiveWriterIsKept() throws IOException {
    Path live = crashedTemporary("model.safetensors", "live1");
    try (FileChannel writer = FileChannel.open(live, StandardOpenOption.WRITE);
        FileLock lock = writer.lock()) {
      assertEquals(0, SafeTensors.removeStaleTemporaries(dir.resolve("model.safetensors")));
      SafeTensors.write(dir.resolve("model.safetensors"), ONE, Map.of());
      assertTrue(Files.exists(live), "a live writer's file was deleted");
      assertTrue(lock.isValid(), "the live writer lost its lock");
    }
    assertEquals(1, SafeTensors.removeStaleTemporaries(dir.resolve("model.safetensors")));
    assertFalse(Files.exists(live));
  }

  @Test
  void removalCountsAndNeedsNoTarget() throws IOException {
    crashedTemporary("run.safetensors", "a1");
    crashedTemporary("run.safetensors", "b2");

    assertEquals(2, SafeTensors.removeStaleTemporaries(dir.resolve("run.safetensors")));
    assertEquals(0, SafeTensors.removeStaleTemporaries(dir.resolve("run.safetensors")));
    assertEquals(Set.of(), names());
    assertEquals(0, SafeTensors.removeStaleTemporaries(dir.resolve("no/such/dir/run.safetensors")));
  }

  private Set<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
    }
  }
}

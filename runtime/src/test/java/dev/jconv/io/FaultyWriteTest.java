package dev.jconv.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.testing.FaultyFileSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes that fail part-way through (a full disk at every point of the file, a failed rename) leave
 * the previous file byte for byte, no temporary file, and an error naming the file.
 */
class FaultyWriteTest {
  @TempDir Path real;
  private Path target;
  private byte[] original;
  private final float[] big = new float[300_000];

  @BeforeEach
  void writeOriginal() throws IOException {
    target = real.resolve("model.safetensors");
    SafeTensors.write(target, List.of(Tensor.of("w", new int[] {2}, new float[] {1, 2})), Map.of());
    original = Files.readAllBytes(target);
    for (int i = 0; i < big.length; i++) {
      big[i] = i;
    }
  }

  @Test
  void aDiskThatFillsUpAtAnyPointLeavesThePreviousFile() throws IOException {
    // The file is 8 + header + 1.2 MB: fill the disk after the length, in the header, at a chunk
    // boundary and inside the second chunk.
    long[] budgets = {0, 7, 8, 20, 1 << 20, (1 << 20) + 100, 1_199_000};
    for (long budget : budgets) {
      FaultyFileSystem fs = new FaultyFileSystem().diskFullAfter(budget);
      IOException e =
          assertThrows(
              IOException.class,
              () ->
                  SafeTensors.write(
                      fs.wrap(target),
                      List.of(Tensor.of("w", new int[] {big.length}, big)),
                      Map.of()));
      assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
      assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
      assertTrue(e.getMessage().contains("unchanged"), e.getMessage());
      assertUnchanged("budget " + budget);
    }
  }

  @Test
  void aFailedRenameLeavesThePreviousFile() {
    FaultyFileSystem fs = new FaultyFileSystem().failMoves();
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                SafeTensors.write(
                    fs.wrap(target),
                    List.of(Tensor.of("w", new int[] {1}, new float[1])),
                    Map.of()));
    assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
    assertUnchanged("rename");
  }

  @Test
  void aNewFileThatCannotBeWrittenLeavesNothing() throws IOException {
    Path fresh = real.resolve("fresh.safetensors");
    FaultyFileSystem fs = new FaultyFileSystem().diskFullAfter(100);
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                SafeTensors.write(
                    fs.wrap(fresh),
                    List.of(Tensor.of("w", new int[] {big.length}, big)),
                    Map.of()));
    assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
    assertUnchanged("fresh");
  }

  private void assertUnchanged(String what) {
    try {
      assertArrayEquals(original, Files.readAllBytes(target), what + ": target changed");
      try (Stream<Path> files = Files.list(real)) {
        assertEquals(List.of(target), files.toList(), what + ": files left in the directory");
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

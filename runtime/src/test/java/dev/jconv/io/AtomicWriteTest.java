package dev.jconv.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jconv.testing.FaultyFileSystem;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed write leaves an existing file untouched and no temporary file behind; a successful one
 * replaces the target completely.
 */
class AtomicWriteTest {
  @TempDir Path dir;
  private Path target;
  private byte[] original;

  @BeforeEach
  void writeOriginal() throws IOException {
    target = dir.resolve("model.safetensors");
    SafeTensors.write(
        target, List.of(Tensor.of("old", new int[] {2}, new float[] {1, 2})), Map.of());
    original = Files.readAllBytes(target);
  }

  @Test
  void failureMidwayLeavesTheTargetAndNoTemporaryFile() {
    // An interrupted thread makes the first write to the (already created) temporary file fail
    // with ClosedByInterruptException: a real I/O failure after the temp file exists.
    float[] big = new float[1_000_000];
    Thread.currentThread().interrupt();
    try {
      assertThrows(
          ClosedByInterruptException.class,
          () ->
              SafeTensors.write(
                  target, List.of(Tensor.of("new", new int[] {big.length}, big)), Map.of()));
    } finally {
      Thread.interrupted();
    }

    assertUnchanged();
  }

  @Test
  void invalidTensorsFailBeforeAnythingIsWritten() {
    float[] data = {1, 2, 3};
    List<Tensor> duplicates =
        List.of(Tensor.of("w", new int[] {3}, data), Tensor.of("w", new int[] {3}, data));

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SafeTensors.write(target, duplicates, Map.of()));

    assertEquals("duplicate tensor name 'w'", e.getMessage());
    assertUnchanged();
  }

  @Test
  void reservedNameIsRejected() {
    List<Tensor> reserved = List.of(Tensor.of("__metadata__", new int[] {1}, new float[1]));

    assertThrows(
        IllegalArgumentException.class, () -> SafeTensors.write(target, reserved, Map.of()));
    assertUnchanged();
  }

  @Test
  void tensorWithTooShortAnArrayCannotBeBuilt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Tensor("w", new int[] {3, 3}, new float[10], 2));

    assertEquals(
        "tensor 'w': shape [3, 3] needs 9 floats from offset 2, but the array holds 10",
        e.getMessage());
  }

  @Test
  void readOnlyDirectoryFailsCleanly() {
    // Permissions do not bind root (as CI runs), so the file system itself refuses the write here.
    FaultyFileSystem readOnly = new FaultyFileSystem().readOnly();

    IOException e =
        assertThrows(
            IOException.class,
            () ->
                SafeTensors.write(
                    readOnly.wrap(target),
                    List.of(Tensor.of("new", new int[] {1}, new float[1])),
                    Map.of()));

    assertEquals(
        "cannot write " + target + ": permission denied; the previous file is unchanged",
        e.getMessage());
    assertUnchanged();
  }

  @Test
  void readOnlyDirectoryByPermissionsFailsCleanly() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(Files.isWritable(dir), "permissions do not bind this user (root?)");
      IOException e =
          assertThrows(
              IOException.class,
              () ->
                  SafeTensors.write(
                      target, List.of(Tensor.of("new", new int[] {1}, new float[1])), Map.of()));
      assertTrue(e.getCause() instanceof AccessDeniedException, e.toString());
      assertUnchanged();
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void missingDirectoryIsReported() {
    Path nowhere = dir.resolve("no/such/dir/model.safetensors");

    NoSuchFileException e =
        assertThrows(
            NoSuchFileException.class, () -> SafeTensors.write(nowhere, List.of(), Map.of()));

    assertEquals(nowhere + ": the directory does not exist", e.getMessage());
  }

  @Test
  void successReplacesTheTargetCompletely() throws IOException {
    SafeTensors.write(target, List.of(Tensor.of("new", new int[] {}, new float[] {9})), Map.of());

    assertEquals(List.of(target), listing());
    Map<String, Tensor> back = SafeTensors.read(target);
    assertEquals(List.of("new"), List.copyOf(back.keySet()));
    assertArrayEquals(new float[] {9}, back.get("new").toArray());
  }

  @Test
  void relativePathInTheWorkingDirectoryWorks() throws IOException {
    Path relative = Path.of("target", "jconv-relative-" + ProcessHandle.current().pid());
    try {
      SafeTensors.write(
          relative, List.of(Tensor.of("x", new int[] {1}, new float[] {5})), Map.of());
      assertArrayEquals(new float[] {5}, SafeTensors.read(relative).get("x").toArray());
    } finally {
      Files.deleteIfExists(relative);
    }
  }

  private void assertUnchanged() {
    try {
      assertArrayEquals(original, Files.readAllBytes(target), "target changed");
      assertEquals(List.of(target), listing(), "files left in the directory");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private List<Path> listing() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }
}

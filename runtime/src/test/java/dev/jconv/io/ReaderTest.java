package dev.jconv.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's API: header entries, reads into a caller's array, and misuse. */
class ReaderTest {
  @TempDir Path dir;

  @Test
  void headerEntriesDescribeEachTensor() throws IOException {
    Path file = write();

    try (SafeTensorsReader reader = SafeTensors.open(file)) {
      assertEquals(
          List.of(
              new TensorInfo("a", DType.F32, new int[] {2, 2}, 0, 16),
              new TensorInfo("b", DType.F32, new int[] {3}, 16, 28)),
          reader.tensors());
      assertEquals(4, reader.tensor("a").elementCount());
      assertEquals(12, reader.tensor("b").byteCount());
      assertNull(reader.tensor("c"));
      assertEquals(file, reader.file());
    }
  }

  @Test
  void readIntoWritesAtTheGivenOffsetOnly() throws IOException {
    float[] dst = {-1, -1, -1, -1, -1};

    try (SafeTensorsReader reader = SafeTensors.open(write())) {
      reader.readInto("b", dst, 1);
    }

    assertArrayEquals(new float[] {-1, 5, 6, 7, -1}, dst);
  }

  @Test
  void readIntoATooSmallArrayIsRejectedBeforeReading() throws IOException {
    float[] dst = new float[4];

    try (SafeTensorsReader reader = SafeTensors.open(write())) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> reader.readInto("b", dst, 2));
      assertEquals(
          "tensor 'b' has 3 elements; they do not fit an array of 4 from offset 2", e.getMessage());
    }
    assertArrayEquals(new float[4], dst);
  }

  @Test
  void unknownNameListsTheTensors() throws IOException {
    Path file = write();

    try (SafeTensorsReader reader = SafeTensors.open(file)) {
      NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> reader.read("c"));
      assertEquals(file + " has no tensor 'c'; it has [a, b]", e.getMessage());
    }
  }

  private Path write() throws IOException {
    Path file = dir.resolve("ab.safetensors");
    SafeTensors.write(
        file,
        List.of(
            Tensor.of("a", new int[] {2, 2}, new float[] {1, 2, 3, 4}),
            Tensor.of("b", new int[] {3}, new float[] {5, 6, 7})),
        Map.of());
    return file;
  }
}

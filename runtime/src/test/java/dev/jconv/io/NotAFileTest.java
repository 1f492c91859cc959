package dev.jconv.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading from a path that is a directory or absent names the path and leaves the model alone. */
class NotAFileTest {
  @TempDir Path dir;

  @Test
  void aDirectoryIsNamedInTheError() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("weights.safetensors"));
    TinyModel model = new TinyModel(1);
    float[] before = model.weights().clone();

    IOException e = assertThrows(IOException.class, () -> model.load(folder));

    assertEquals(folder + " is a directory, not a safetensors file", e.getMessage());
    assertArrayEquals(before, model.weights());
  }

  @Test
  void aMissingFileIsNamedInTheError() {
    Path missing = dir.resolve("nope.safetensors");
    TinyModel model = new TinyModel(1);
    float[] before = model.weights().clone();

    IOException e = assertThrows(IOException.class, () -> model.load(missing));

    assertEquals(missing + ": no such file", e.getMessage());
    assertArrayEquals(before, model.weights());
  }
}

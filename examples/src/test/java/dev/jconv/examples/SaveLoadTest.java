package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.io.SafeTensors;
import dev.jconv.io.SafeTensorsException;
import dev.jconv.io.SafeTensorsReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save/load round trip on really generated models, and a clear error across networks. */
class SaveLoadTest {
  @TempDir Path dir;

  @Test
  void patchNetRoundTrip() throws IOException {
    BatchNormNetModel saved = new BatchNormNetModel(1);
    BatchNormNetModel loaded = new BatchNormNetModel(2);
    assertFalse(Arrays.equals(saved.weights(), loaded.weights()), "seeds give different weights");
    Path file = dir.resolve("patch.safetensors");

    saved.save(file);
    loaded.load(file);

    assertArrayEquals(saved.weights(), loaded.weights());
    try (SafeTensorsReader reader = SafeTensors.open(file)) {
      assertEquals(Map.of("format", "jconv", "network", "BatchNormNet"), reader.metadata());
      assertEquals(
          saved.layers().stream().mapToInt(layer -> layer.params().size()).sum(),
          reader.tensors().size());
      assertArrayEquals(new int[] {3, 3, 32, 1}, reader.tensor("sep4.depthwise_kernel").shape());
      assertArrayEquals(new int[] {1, 1, 32, 32}, reader.tensor("sep4.pointwise_kernel").shape());
      assertArrayEquals(new int[] {32}, reader.tensor("bn3.moving_variance").shape());
    }
  }

  @Test
  void fashionWeightsDoNotLoadIntoBatchNormNet() throws IOException {
    Path file = dir.resolve("fashion.safetensors");
    new FashionTutorialNetModel(1).save(file);
    BatchNormNetModel patch = new BatchNormNetModel(2);

    SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> patch.load(file));

    String message = e.getMessage();
    assertTrue(
        message.startsWith(
            file
                + " does not fit BatchNormNet (it was saved from FashionTutorialNet); nothing was"
                + " loaded:"),
        message);
    assertContains(
        message,
        "conv1.kernel: expected shape [3, 3, 3, 8], found [5, 5, 1, 32] in"
            + " fashion.safetensors");
    assertContains(message, "fc1.kernel: expected shape [64, 64], found [3136, 1024]");
    assertContains(message, "missing from the file: conv3.kernel, conv3.bias, bn3.gamma");
    assertArrayEquals(new BatchNormNetModel(2).weights(), patch.weights(), "model changed");
  }

  private static void assertContains(String message, String part) {
    assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
  }
}

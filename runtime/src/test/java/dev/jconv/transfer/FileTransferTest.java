package dev.jconv.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.train.Adam;
import dev.jconv.train.Checkpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weight transfer from files: saved weights and training checkpoints. */
class FileTransferTest {
  @TempDir Path dir;

  @Test
  void fromSavedWeights() throws IOException {
    TestNet source = WeightTransferTest.base(1000);
    Path file = dir.resolve("base.safetensors");
    source.save(file);
    TestNet target = WeightTransferTest.target(0);
    TransferReport report = WeightTransfer.from(file).into(target);
    assertEquals("base.safetensors", report.source());
    assertEquals(
        List.of("conv1.kernel", "conv1.bias", "conv2.kernel", "conv2.bias"), report.takenNames());
    assertArrayEquals(
        WeightTransferTest.values(source, "conv2.kernel"),
        WeightTransferTest.values(target, "conv2.kernel"));
  }

  @Test
  void fromACheckpointIgnoresTheOptimizerState() throws IOException {
    TestNet source = WeightTransferTest.base(1000);
    Adam adam = new Adam();
    adam.step(source, new float[source.weights().length]);
    Path file = dir.resolve("run.safetensors");
    Checkpoint.save(file, source, adam, 3, 42);
    TestNet same = WeightTransferTest.base(0);
    TransferReport report = WeightTransfer.from(file).into(same);
    assertEquals(6, report.taken().size());
    assertTrue(report.skipped().isEmpty(), report.toString());
    assertArrayEquals(source.weights(), same.weights());
  }

  @Test
  void aMismatchFromAFileNamesTheFileAndChangesNothing() throws IOException {
    TestNet source = WeightTransferTest.base(1000);
    Path file = dir.resolve("base.safetensors");
    source.save(file);
    TestNet target =
        TestNet.named("Wide").layer("conv1").param("kernel", 3, 3, 1, 16).param("bias", 4).build(0);
    float[] before = target.weights().clone();
    TransferException e =
        assertThrows(TransferException.class, () -> WeightTransfer.from(file).into(target));
    assertTrue(
        e.getMessage().contains("conv1.kernel: [3, 3, 1, 4] in base.safetensors, [3, 3, 1, 16]"),
        e.getMessage());
    assertArrayEquals(before, target.weights());
  }

  @Test
  void aMissingFileFailsAtOnce() {
    assertThrows(IOException.class, () -> WeightTransfer.from(dir.resolve("none.safetensors")));
    assertTrue(Files.notExists(dir.resolve("none.safetensors")));
  }
}

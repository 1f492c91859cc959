package dev.jconv.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.io.SafeTensors;
import dev.jconv.io.Tensor;
import dev.jconv.testing.StatModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint whose metadata is missing, not a number or out of range is rejected before anything
 * is loaded: the model's weights and the optimizer's state stay as they were.
 */
class CheckpointMetadataTest {
  @TempDir Path dir;

  private Path checkpointWith(String key, String value) throws IOException {
    Path file = dir.resolve(key + "-" + (value == null ? "missing" : value.hashCode()) + ".st");
    Sgd optimizer = new Sgd().momentum(0.9);
    StatModel model = new StatModel(4, 3, 1);
    optimizer.step(model, new float[model.weights().length]);
    Checkpoint.save(file, model, optimizer, 3, 42);
    Map<String, Tensor> tensors = SafeTensors.read(file);
    Map<String, String> meta = metadata(file);
    if (value == null) {
      meta.remove(key);
    } else {
      meta.put(key, value);
    }
    SafeTensors.write(file, new ArrayList<>(tensors.values()), meta);
    return file;
  }

  private static Map<String, String> metadata(Path file) throws IOException {
    try (var reader = SafeTensors.open(file)) {
      return new LinkedHashMap<>(reader.metadata());
    }
  }

  @Test
  void badEpochOrSeedLoadsNothing() throws IOException {
    String[][] cases = {
      {"epoch", "abc", "'epoch' is \"abc\", expected a whole number >= 0"},
      {"epoch", null, "'epoch' is missing"},
      {"epoch", "-1", "'epoch' is \"-1\", expected a whole number >= 0"},
      {"epoch", "1e3", "'epoch' is \"1e3\", expected a whole number >= 0"},
      {"epoch", "99999999999", "'epoch' is \"99999999999\", expected a whole number >= 0"},
      {"seed", "x", "'seed' is \"x\", expected a whole number"},
      {"seed", null, "'seed' is missing"},
    };
    for (String[] c : cases) {
      Path file = checkpointWith(c[0], c[1]);
      StatModel model = new StatModel(4, 3, 2);
      float[] before = model.weights().clone();
      Sgd optimizer = new Sgd().momentum(0.9);
      Map<String, float[]> stateBefore = optimizer.state();

      IOException e =
          assertThrows(IOException.class, () -> Checkpoint.load(file, model, optimizer));

      assertEquals(
          file + ": the checkpoint's metadata " + c[2] + "; nothing was loaded", e.getMessage());
      assertArrayEquals(before, model.weights(), c[0] + "=" + c[1]);
      assertStateEquals(stateBefore, optimizer.state());
    }
  }

  @Test
  void trainerReportsTheCheckpointAndKeepsTheModel() throws IOException {
    Path file = checkpointWith("epoch", "x");
    StatModel model = new StatModel(4, 3, 2);
    float[] before = model.weights().clone();

    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () ->
                RejectedStepTest.quiet(model)
                    .optimizer(new Sgd().momentum(0.9))
                    .checkpoint(file)
                    .fit(dev.jconv.testing.Blobs.of(12, 4, 3, 1)));
    assertTrue(e.getMessage().startsWith("cannot resume from " + file), e.getMessage());
    assertArrayEquals(before, model.weights());
  }

  private static void assertStateEquals(Map<String, float[]> a, Map<String, float[]> b) {
    assertEquals(a.keySet(), b.keySet());
    for (String k : a.keySet()) {
      assertArrayEquals(a.get(k), b.get(k), k);
    }
    assertTrue(List.copyOf(a.keySet()).size() > 0);
  }

  @Test
  void anOversizedOptimizerTensorIsRefusedBeforeItIsRead() throws IOException {
    Path file = checkpointWith("epoch", "1");
    Map<String, Tensor> tensors = new LinkedHashMap<>(SafeTensors.read(file));
    tensors.put(
        "optimizer/sgd.velocity",
        Tensor.of("optimizer/sgd.velocity", new int[] {1000}, new float[1000]));
    Map<String, String> meta = metadata(file);
    SafeTensors.write(file, new ArrayList<>(tensors.values()), meta);
    StatModel model = new StatModel(4, 3, 2);
    float[] before = model.weights().clone();

    IOException e =
        assertThrows(
            IOException.class, () -> Checkpoint.load(file, model, new Sgd().momentum(0.9)));

    assertEquals(
        file
            + ": optimizer tensor optimizer/sgd.velocity has 1000 elements, more than Stat's 19"
            + " weights; nothing was loaded",
        e.getMessage());
    assertArrayEquals(before, model.weights());
  }
}

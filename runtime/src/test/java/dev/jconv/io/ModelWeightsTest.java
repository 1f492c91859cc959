package dev.jconv.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Param;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model.save and Model.load on a hand-made model: round trip, conversions, and all-or-nothing. */
class ModelWeightsTest {
  private static final List<String> NAMES =
      List.of(
          "conv.kernel",
          "conv.bias",
          "bn.gamma",
          "bn.beta",
          "bn.moving_mean",
          "bn.moving_variance",
          "dense.kernel",
          "dense.bias");

  @TempDir Path dir;

  @Test
  void saveWritesEveryParamWithKerasNamesShapesAndMetadata() throws IOException {
    TinyModel model = new TinyModel(1);
    Path file = dir.resolve("tiny.safetensors");

    model.save(file);

    try (SafeTensorsReader reader = SafeTensors.open(file)) {
      assertEquals(Map.of("format", "jconv", "network", "Tiny"), reader.metadata());
      assertEquals(NAMES, reader.tensors().stream().map(TensorInfo::name).toList());
      for (Param p : params(model)) {
        TensorInfo t = reader.tensor(p.name());
        assertEquals(DType.F32, t.dtype());
        assertArrayEquals(p.shape(), t.shape(), p.name());
        float[] expected =
            Arrays.copyOfRange(model.weights(), p.offset(), p.offset() + (int) p.size());
        assertArrayEquals(expected, reader.read(p.name()), p.name());
      }
    }
  }

  @Test
  void loadRestoresSavedWeightsExactly() throws IOException {
    TinyModel source = new TinyModel(1);
    source.weights()[3] = Float.NaN;
    source.weights()[4] = -0f;
    Path file = dir.resolve("tiny.safetensors");
    source.save(file);
    TinyModel target = new TinyModel(2);

    target.load(file);

    assertArrayEquals(RoundTripTest.bits(source.weights()), RoundTripTest.bits(target.weights()));
  }

  @Test
  void loadConvertsF64Tensors() throws IOException {
    TinyModel model = new TinyModel(0);
    StringBuilder header = new StringBuilder("{");
    double[] values = new double[TinyModel.PARAM_COUNT];
    long at = 0;
    for (Param p : params(model)) {
      for (int i = 0; i < p.size(); i++) {
        values[(int) at / 8 + i] = 0.1 * (p.offset() + i);
      }
      String shape = Arrays.toString(p.shape());
      header.append(header.length() > 1 ? "," : "");
      header.append(RawFile.entry(p.name(), "F64", shape, at, at + 8 * p.size()));
      at += 8 * p.size();
    }
    Path file = RawFile.write(dir.resolve("f64.safetensors"), header + "}", RawFile.f64(values));

    model.load(file);

    for (int i = 0; i < TinyModel.PARAM_COUNT; i++) {
      assertEquals((float) (0.1 * i), model.weights()[i], "weight " + i);
    }
  }

  @Test
  void wrongShapeNamesTheTensorAndBothShapes() throws IOException {
    Path file = dir.resolve("wide.safetensors");
    Map<String, Tensor> tensors = tensorsOf(new TinyModel(1));
    tensors.put("conv.kernel", Tensor.of("conv.kernel", new int[] {2, 2, 1, 4}, new float[16]));
    SafeTensors.write(file, List.copyOf(tensors.values()), Map.of());

    String message = failedLoad(file);

    assertEquals(
        file
            + " does not fit Tiny; nothing was loaded:\n"
            + "  conv.kernel: expected shape [2, 2, 1, 3], found [2, 2, 1, 4] in wide.safetensors",
        message);
  }

  @Test
  void missingTensorIsListed() throws IOException {
    Path file = dir.resolve("missing.safetensors");
    Map<String, Tensor> tensors = tensorsOf(new TinyModel(1));
    tensors.remove("bn.moving_variance");
    tensors.remove("dense.bias");
    SafeTensors.write(file, List.copyOf(tensors.values()), Map.of());

    assertEquals(
        file
            + " does not fit Tiny; nothing was loaded:\n"
            + "  missing from the file: bn.moving_variance, dense.bias",
        failedLoad(file));
  }

  @Test
  void unexpectedTensorIsListed() throws IOException {
    Path file = dir.resolve("extra.safetensors");
    Map<String, Tensor> tensors = tensorsOf(new TinyModel(1));
    tensors.put("head.kernel", Tensor.of("head.kernel", new int[] {2, 7}, new float[14]));
    SafeTensors.write(file, List.copyOf(tensors.values()), Map.of());

    assertEquals(
        file
            + " does not fit Tiny; nothing was loaded:\n"
            + "  unexpected in the file: head.kernel",
        failedLoad(file));
  }

  @Test
  void nearMissSuggestsTheExpectedName() throws IOException {
    Path file = dir.resolve("typo.safetensors");
    Map<String, Tensor> tensors = tensorsOf(new TinyModel(1));
    Tensor kernel = tensors.remove("dense.kernel");
    tensors.put(
        "dense.kernal", new Tensor("dense.kernal", kernel.shape(), kernel.data(), kernel.offset()));
    SafeTensors.write(file, List.copyOf(tensors.values()), Map.of());

    assertEquals(
        file
            + " does not fit Tiny; nothing was loaded:\n"
            + "  missing from the file: dense.kernel\n"
            + "  unexpected in the file: dense.kernal (did you mean dense.kernel?)",
        failedLoad(file));
  }

  @Test
  void everyProblemIsReportedAtOnceWithTheSourceNetwork() throws IOException {
    Path file = dir.resolve("other.safetensors");
    List<Tensor> tensors = new ArrayList<>();
    tensors.add(Tensor.of("conv.kernel", new int[] {3, 3, 1, 3}, new float[27]));
    tensors.add(Tensor.of("conv.bias", new int[] {4}, new float[4]));
    tensors.add(Tensor.of("fc.kernel", new int[] {3, 2}, new float[6]));
    SafeTensors.write(file, tensors, Map.of("format", "jconv", "network", "Other"));

    String message = failedLoad(file);

    assertTrue(message.startsWith(file + " does not fit Tiny (it was saved from Other)"), message);
    assertContains(message, "conv.kernel: expected shape [2, 2, 1, 3], found [3, 3, 1, 3]");
    assertContains(message, "conv.bias: expected shape [3], found [4]");
    assertContains(
        message,
        "missing from the file: bn.gamma, bn.beta, bn.moving_mean, bn.moving_variance,"
            + " dense.kernel, dense.bias");
    assertContains(message, "unexpected in the file: fc.kernel");
  }

  @Test
  void malformedFileLeavesTheModelUnchanged() throws IOException {
    Path file = dir.resolve("cut.safetensors");
    new TinyModel(1).save(file);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() - 4);
    }

    String message = failedLoad(file);

    assertContains(message, file + ": file is truncated: tensor 'dense.bias' ends at byte 140");
  }

  @Test
  void missingFileLeavesTheModelUnchanged() {
    TinyModel model = new TinyModel(2);

    assertThrows(NoSuchFileException.class, () -> model.load(dir.resolve("absent")));
    assertArrayEquals(new TinyModel(2).weights(), model.weights());
  }

  @Test
  void savingOverTheLoadedFileWorks() throws IOException {
    Path file = dir.resolve("same.safetensors");
    TinyModel model = new TinyModel(1);
    model.save(file);
    model.load(file);
    model.weights()[0] = 42;

    model.save(file);

    TinyModel other = new TinyModel(3);
    other.load(file);
    assertEquals(42f, other.weights()[0]);
    assertFalse(Arrays.equals(new TinyModel(3).weights(), other.weights()));
  }

  /** Loads {@code file} into a fresh model, expects failure, checks the model is unchanged. */
  private static String failedLoad(Path file) {
    TinyModel model = new TinyModel(2);
    SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> model.load(file));
    assertArrayEquals(new TinyModel(2).weights(), model.weights(), "model changed");
    return e.getMessage();
  }

  private static Map<String, Tensor> tensorsOf(TinyModel model) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (Param p : params(model)) {
      out.put(p.name(), new Tensor(p.name(), p.shape(), model.weights(), p.offset()));
    }
    return out;
  }

  private static List<Param> params(TinyModel model) {
    return model.layers().stream().flatMap(l -> l.params().stream()).toList();
  }

  private static void assertContains(String message, String part) {
    assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
  }
}

package dev.jconv.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing then reading gives back the same names, shapes, metadata and float bits. */
class RoundTripTest {
  @TempDir Path dir;

  private static final float[] SPECIAL = {
    0f,
    -0f,
    1f,
    -1.5f,
    Float.MIN_VALUE, // smallest subnormal
    -Float.MIN_VALUE,
    Float.MIN_NORMAL / 3, // subnormal
    Float.MIN_NORMAL,
    Float.MAX_VALUE,
    -Float.MAX_VALUE,
    Float.POSITIVE_INFINITY,
    Float.NEGATIVE_INFINITY,
    Float.NaN,
    Float.intBitsToFloat(0x7fc00001), // quiet NaN with a payload
    Float.intBitsToFloat(0xffc12345), // negative NaN with a payload
    Float.intBitsToFloat(0x7f800001), // signalling NaN
  };

  @Test
  void specialValuesSurviveBitForBit() throws IOException {
    Path file = dir.resolve("special.safetensors");
    SafeTensors.write(
        file, List.of(Tensor.of("special", new int[] {SPECIAL.length}, SPECIAL)), Map.of());

    float[] back = SafeTensors.read(file).get("special").toArray();

    assertArrayEquals(bits(SPECIAL), bits(back));
  }

  @Test
  void viewsIntoOneArrayKeepTheirOwnSlices() throws IOException {
    float[] flat = new float[31];
    for (int i = 0; i < flat.length; i++) {
      flat[i] = i * 0.25f - 3;
    }
    List<Tensor> tensors =
        List.of(
            new Tensor("conv1.kernel", new int[] {2, 2, 1, 3}, flat, 0),
            new Tensor("conv1.bias", new int[] {3}, flat, 12),
            new Tensor("scalar", new int[] {}, flat, 15),
            new Tensor("empty", new int[] {4, 0}, flat, 16),
            new Tensor("fc.kernel", new int[] {3, 5}, flat, 16));
    Path file = dir.resolve("views.safetensors");
    SafeTensors.write(file, tensors, Map.of());

    Map<String, Tensor> back = SafeTensors.read(file);

    assertEquals(
        List.of("conv1.kernel", "conv1.bias", "scalar", "empty", "fc.kernel"),
        List.copyOf(back.keySet()));
    for (Tensor t : tensors) {
      Tensor read = back.get(t.name());
      assertArrayEquals(t.shape(), read.shape(), t.name());
      assertArrayEquals(bits(t.toArray()), bits(read.toArray()), t.name());
    }
  }

  @Test
  void metadataWithEscapesAndNonAsciiRoundTrips() throws IOException {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("format", "jconv");
    metadata.put("quote \" and \\ backslash", "tab\there\nnewline \u0001 control");
    metadata.put("ünïcödé", "日本語 \uD83D\uDE00");
    Path file = dir.resolve("meta.safetensors");
    SafeTensors.write(
        file, List.of(Tensor.of("a.b/c \"d\"", new int[] {1}, new float[] {7})), metadata);

    try (SafeTensorsReader reader = SafeTensors.open(file)) {
      assertEquals(metadata, reader.metadata());
      assertEquals(List.copyOf(metadata.keySet()), List.copyOf(reader.metadata().keySet()));
      assertArrayEquals(new float[] {7}, reader.read("a.b/c \"d\""));
    }
  }

  @Test
  void tensorsLargerThanOneChunkAreStreamedExactly() throws IOException {
    // 1 MiB chunks: 700,001 floats spans three chunks and ends mid-chunk.
    float[] big = new float[700_001];
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < big.length; i++) {
      big[i] = Float.intBitsToFloat(random.nextInt());
    }
    float[] small = {1, 2, 3};
    Path file = dir.resolve("big.safetensors");
    SafeTensors.write(
        file,
        List.of(
            Tensor.of("small", new int[] {3}, small),
            Tensor.of("big", new int[] {big.length}, big)),
        Map.of());

    Map<String, Tensor> back = SafeTensors.read(file);

    assertArrayEquals(bits(big), bits(back.get("big").toArray()));
    assertArrayEquals(small, back.get("small").toArray());
  }

  @Test
  void emptyFileHasNoTensors() throws IOException {
    Path file = dir.resolve("empty.safetensors");
    SafeTensors.write(file, List.of(), Map.of());

    assertEquals(Map.of(), SafeTensors.read(file));
  }

  static int[] bits(float[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Float.floatToRawIntBits(values[i]);
    }
    return out;
  }
}

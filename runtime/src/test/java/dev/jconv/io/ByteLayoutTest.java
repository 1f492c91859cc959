package dev.jconv.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the exact bytes the writer produces for a tiny file, checked by hand against the safetensors
 * specification: 8-byte little-endian N, N bytes of compact JSON padded with spaces to a multiple
 * of 8, then little-endian F32 data with offsets relative to the data section.
 */
class ByteLayoutTest {
  @TempDir Path dir;

  @Test
  void tinyFileHasTheSpecifiedLayout() throws IOException {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("format", "jconv");
    metadata.put("network", "Tiny");
    Path file = dir.resolve("tiny.safetensors");
    SafeTensors.write(
        file,
        List.of(
            Tensor.of("a", new int[] {2}, new float[] {1f, -2f}),
            Tensor.of("b", new int[] {1, 1}, new float[] {0.5f})),
        metadata);

    byte[] bytes = Files.readAllBytes(file);

    String json =
        "{\"__metadata__\":{\"format\":\"jconv\",\"network\":\"Tiny\"},"
            + "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
            + "\"b\":{\"dtype\":\"F32\",\"shape\":[1,1],\"data_offsets\":[8,12]}}";
    assertEquals(161, json.length());
    // N = 168: the 161-byte JSON plus 7 spaces, so the data starts at byte 176, 8-byte aligned.
    byte[] length = {(byte) 168, 0, 0, 0, 0, 0, 0, 0};
    byte[] data = {
      0x00, 0x00, (byte) 0x80, 0x3f, // 1.0f
      0x00, 0x00, 0x00, (byte) 0xc0, // -2.0f
      0x00, 0x00, 0x00, 0x3f, // 0.5f
    };
    assertEquals(8 + 168 + 12, bytes.length);
    assertArrayEquals(length, Arrays.copyOfRange(bytes, 0, 8));
    assertEquals(
        json + "       ", new String(bytes, 8, 168, StandardCharsets.UTF_8), "header and padding");
    assertArrayEquals(data, Arrays.copyOfRange(bytes, 176, 188));
  }

  @Test
  void headerLengthIsAlwaysAMultipleOfEight() throws IOException {
    for (int nameLength = 1; nameLength <= 9; nameLength++) {
      Path file = dir.resolve("pad" + nameLength + ".safetensors");
      SafeTensors.write(
          file,
          List.of(Tensor.of("x".repeat(nameLength), new int[] {1}, new float[] {3})),
          Map.of());
      byte[] bytes = Files.readAllBytes(file);
      long n = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();

      assertEquals(0, n % 8, "N for a name of length " + nameLength);
      assertEquals(8 + n + 4, bytes.length);
      assertEquals(3f, SafeTensors.read(file).get("x".repeat(nameLength)).data()[0]);
    }
  }

  @Test
  void handWrittenFileIsReadWithPaddingAndWhitespace() throws IOException {
    String header =
        "{\n  \"w\" : { \"shape\" : [ 2 , 1 ] , \"data_offsets\" : [ 0 , 8 ] , \"dtype\" : \"F32\" }"
            + " ,\n  \"__metadata__\": {}\n}    ";
    Path file = RawFile.write(dir.resolve("hand.safetensors"), header, RawFile.f32(4f, -5f));

    try (SafeTensorsReader reader = SafeTensors.open(file)) {
      assertEquals(
          List.of(new TensorInfo("w", DType.F32, new int[] {2, 1}, 0, 8)), reader.tensors());
      assertEquals(Map.of(), reader.metadata());
      assertArrayEquals(new float[] {4f, -5f}, reader.read("w"));
    }
  }

  @Test
  void tensorsMayBeListedInAnyOrderOfOffsets() throws IOException {
    String header =
        "{"
            + RawFile.entry("second", "F32", "[1]", 4, 8)
            + ","
            + RawFile.entry("first", "F32", "[1]", 0, 4)
            + "}";
    Path file = RawFile.write(dir.resolve("order.safetensors"), header, RawFile.f32(1f, 2f));

    Map<String, Tensor> back = SafeTensors.read(file);

    assertEquals(List.of("second", "first"), List.copyOf(back.keySet()));
    assertEquals(2f, back.get("second").data()[0]);
    assertEquals(1f, back.get("first").data()[0]);
  }
}

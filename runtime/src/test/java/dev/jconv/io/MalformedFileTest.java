package dev.jconv.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every way a file can be malformed is rejected when it is opened, before any data is read, with a
 * message that starts with the file and says what was expected and what was found.
 */
class MalformedFileTest {
  @TempDir Path dir;

  @Test
  void fileShorterThanTheLengthField() throws IOException {
    Path file = Files.write(dir.resolve("short.safetensors"), new byte[] {1, 2, 3, 4, 5});

    assertEquals(
        file
            + ": file is 5 bytes, too short for safetensors (it starts with an 8-byte header"
            + " length)",
        error(file));
  }

  @Test
  void headerLengthLargerThanTheFile() throws IOException {
    Path file = RawFile.write(dir.resolve("f.safetensors"), 1000, "{}".getBytes(), new byte[8]);

    assertEquals(
        file
            + ": header length 1000 is larger than the file: only 10 bytes follow the 8-byte"
            + " length",
        error(file));
  }

  @Test
  void headerLengthBeyondAnyRealHeader() throws IOException {
    Path file = RawFile.write(dir.resolve("f.safetensors"), -1, "{}".getBytes(), new byte[0]);

    assertEquals(
        file
            + ": header length 18446744073709551615 is not in [2, 100000000]: not a safetensors"
            + " file?",
        error(file));
  }

  @Test
  void headerNotAnObject() throws IOException {
    Path file = RawFile.write(dir.resolve("f.safetensors"), "[1, 2]", new byte[0]);

    assertEquals(file + ": the header does not start with '{' (found '[')", error(file));
  }

  @Test
  void headerNotUtf8() throws IOException {
    byte[] header = "{\"a\u00ff\":{}}".getBytes(StandardCharsets.ISO_8859_1);
    Path file = RawFile.write(dir.resolve("f.safetensors"), header.length, header, new byte[0]);

    assertContains(error(file), file + ": the header is not valid UTF-8");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "trailing comma | {\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},}"
            + " | at offset 54: expected a tensor name, found '}'",
        "unterminated string | {\"a | expected a closing '\"' for a tensor name, found the end",
        "missing colon | {\"a\" {} | at offset 5: expected ':' after \"a\", found '{'",
        "unquoted key | {a:1} | at offset 1: expected a tensor name, found 'a'",
        "fractional dimension | {\"a\":{\"shape\":[1.5]}}"
            + " | at offset 15: expected an integer in the shape of tensor 'a', found '1'",
        "exponent | {\"a\":{\"shape\":[1e3]}} | expected an integer in the shape of tensor 'a'",
        "leading zero | {\"a\":{\"shape\":[01]}} | expected an integer in the shape of tensor 'a'",
        "huge integer | {\"a\":{\"shape\":[99999999999999999999]}}"
            + " | expected an integer below 2^63 in the shape of tensor 'a'",
        "boolean value | {\"a\":true} | expected an object {dtype, shape, data_offsets} for tensor"
            + " 'a', found 't'",
        "string shape | {\"a\":{\"shape\":\"[1]\"}}"
            + " | expected an array of integers for the shape of tensor 'a', found '\"'",
        "garbage after the object | {}x | expected only whitespace padding after the header"
            + " object, found 'x'",
        "bad escape | {\"a\\q\":{}} | expected one of",
        "unclosed array | {\"a\":{\"shape\":[1 | expected ',' or ']' in the shape of tensor 'a'",
        "unknown field | {\"a\":{\"dtypes\":\"F32\"}}"
            + " | expected \"dtype\", \"shape\" or \"data_offsets\" in tensor 'a', found 'dtypes'",
        "repeated field | {\"a\":{\"shape\":[1],\"shape\":[1]}}"
            + " | expected each field once in tensor 'a', found a second 'shape'",
        "metadata number | {\"__metadata__\":{\"k\":1}}"
            + " | expected a string value for __metadata__ key 'k', found '1'",
        "metadata not an object | {\"__metadata__\":\"x\"}"
            + " | expected an object of strings for __metadata__, found '\"'",
      })
  void malformedJson(String what, String header, String expected) throws IOException {
    Path file = RawFile.write(dir.resolve("bad.safetensors"), header, new byte[0]);

    String message = error(file);

    assertContains(message, file + ": malformed header JSON");
    assertContains(message, expected);
  }

  @Test
  void rawControlCharacterInAString() throws IOException {
    Path file = RawFile.write(dir.resolve("f.safetensors"), "{\"a\nb\":{}}", new byte[0]);

    assertContains(error(file), "found control character U+000A");
  }

  @Test
  void overlappingOffsets() throws IOException {
    String header = header(entry("a", "F32", "[2]", 0, 8), entry("b", "F32", "[2]", 4, 12));
    Path file = RawFile.write(dir.resolve("f.safetensors"), header, new byte[12]);

    assertEquals(file + ": tensors 'a' [0, 8] and 'b' [4, 12] overlap", error(file));
  }

  @Test
  void identicalOffsetsOverlap() throws IOException {
    String header = header(entry("a", "F32", "[1]", 0, 4), entry("b", "F32", "[1]", 0, 4));
    Path file = RawFile.write(dir.resolve("f.safetensors"), header, new byte[4]);

    assertContains(error(file), "[0, 4] and ");
    assertContains(error(file), "overlap");
  }

  @Test
  void gapBetweenTensors() throws IOException {
    String header = header(entry("a", "F32", "[1]", 0, 4), entry("b", "F32", "[1]", 8, 12));
    Path file = RawFile.write(dir.resolve("f.safetensors"), header, new byte[12]);

    assertEquals(
        file
            + ": bytes [4, 8) of the data section belong to no tensor ('a' ends at 4, 'b' begins"
            + " at 8)",
        error(file));
  }

  @Test
  void gapBeforeTheFirstTensor() throws IOException {
    Path file =
        RawFile.write(
            dir.resolve("f.safetensors"), header(entry("a", "F32", "[1]", 4, 8)), new byte[8]);

    assertEquals(
        file
            + ": bytes [0, 4) of the data section belong to no tensor (the first tensor, 'a',"
            + " begins at 4)",
        error(file));
  }

  @Test
  void bytesAfterTheLastTensor() throws IOException {
    Path file =
        RawFile.write(
            dir.resolve("f.safetensors"), header(entry("a", "F32", "[1]", 0, 4)), new byte[9]);

    assertEquals(
        file
            + ": 5 bytes after the last tensor 'a' belong to no tensor (the tensors end at byte 4"
            + " of the data section, the file has 9 data bytes)",
        error(file));
  }

  @Test
  void truncatedData() throws IOException {
    String header = header(entry("a", "F32", "[1]", 0, 4), entry("b", "F32", "[4]", 4, 20));
    Path file = RawFile.write(dir.resolve("f.safetensors"), header, new byte[10]);

    assertEquals(
        file
            + ": file is truncated: tensor 'b' ends at byte 20 of the data section, but only 10"
            + " data bytes follow the "
            + header.length()
            + "-byte header",
        error(file));
  }

  @Test
  void sizeDisagreesWithShapeAndDtype() throws IOException {
    Path file =
        RawFile.write(
            dir.resolve("f.safetensors"), header(entry("a", "F32", "[2, 3]", 0, 20)), new byte[20]);

    assertEquals(
        file + ": tensor 'a': F32 shape [2, 3] needs 24 bytes, but data_offsets [0, 20] span 20",
        error(file));
  }

  @Test
  void sizeCountsTheDtypeWidth() throws IOException {
    Path file =
        RawFile.write(
            dir.resolve("f.safetensors"), header(entry("a", "F16", "[4]", 0, 16)), new byte[16]);

    assertEquals(
        file + ": tensor 'a': F16 shape [4] needs 8 bytes, but data_offsets [0, 16] span 16",
        error(file));
  }

  @Test
  void offsetsThatEndBeforeTheyBegin() throws IOException {
    Path file =
        RawFile.write(
            dir.resolve("f.safetensors"), header(entry("a", "F32", "[0]", 8, 0)), new byte[8]);

    assertEquals(file + ": tensor 'a': data_offsets [8, 0] end before they begin", error(file));
  }

  @Test
  void shapeWhoseByteCountOverflows() throws IOException {
    String shape = "[2147483647, 2147483647, 2147483647]";
    Path file =
        RawFile.write(
            dir.resolve("f.safetensors"), header(entry("a", "F32", shape, 0, 4)), new byte[4]);

    assertEquals(
        file
            + ": tensor 'a': shape [2147483647, 2147483647, 2147483647] overflows a 64-bit byte"
            + " count",
        error(file));
  }

  @ParameterizedTest
  @CsvSource({"I64", "U8", "BOOL", "F8_E4M3", "f32", "Q4"})
  void unsupportedDtype(String dtype) throws IOException {
    Path file =
        RawFile.write(
            dir.resolve("f.safetensors"), header(entry("w", dtype, "[1]", 0, 8)), new byte[8]);

    assertEquals(
        file
            + ": tensor 'w': unsupported dtype '"
            + dtype
            + "' (jconv reads F32, F16, BF16 and"
            + " F64)",
        error(file));
  }

  @Test
  void duplicateTensorNames() throws IOException {
    String header = header(entry("a", "F32", "[1]", 0, 4), entry("a", "F32", "[1]", 4, 8));
    Path file = RawFile.write(dir.resolve("f.safetensors"), header, new byte[8]);

    assertEquals(
        file
            + ": duplicate tensor name 'a' in the header (second one at offset "
            + header.lastIndexOf("\"a\"")
            + ")",
        error(file));
  }

  @Test
  void duplicateMetadata() throws IOException {
    String header = "{\"__metadata__\":{},\"__metadata__\":{}}";
    Path file = RawFile.write(dir.resolve("f.safetensors"), header, new byte[0]);

    assertContains(error(file), file + ": duplicate '__metadata__' in the header");
  }

  @Test
  void negativeDimension() throws IOException {
    Path file =
        RawFile.write(
            dir.resolve("f.safetensors"), header(entry("a", "F32", "[2, -1]", 0, 0)), new byte[0]);

    assertEquals(
        file + ": tensor 'a': dimension 1 of the shape is -1, not in [0, 2^31)", error(file));
  }

  @Test
  void missingField() throws IOException {
    String header = "{\"a\":{\"shape\":[1],\"data_offsets\":[0,4]}}";
    Path file = RawFile.write(dir.resolve("f.safetensors"), header, new byte[4]);

    assertEquals(file + ": tensor 'a': no \"dtype\" field", error(file));
  }

  @Test
  void offsetsThatAreNotAPair() throws IOException {
    String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4,8]}}";
    Path file = RawFile.write(dir.resolve("f.safetensors"), header, new byte[4]);

    assertEquals(
        file
            + ": tensor 'a': data_offsets must be two non-negative integers [begin, end], found"
            + " [0, 4, 8]",
        error(file));
  }

  @Test
  void missingFile() {
    assertThrows(
        java.nio.file.NoSuchFileException.class,
        () -> SafeTensors.read(dir.resolve("absent.safetensors")));
  }

  private static String header(String... entries) {
    return "{" + String.join(",", entries) + "}";
  }

  private static String entry(String name, String dtype, String shape, long begin, long end) {
    return RawFile.entry(name, dtype, shape, begin, end);
  }

  private static String error(Path file) {
    return assertThrows(SafeTensorsException.class, () -> SafeTensors.read(file)).getMessage();
  }

  private static void assertContains(String message, String part) {
    assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
  }
}

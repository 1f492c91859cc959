package dev.jconv.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds safetensors files byte by byte, so tests do not depend on the writer under test. */
final class RawFile {
  private RawFile() {}

  /** A file with {@code header} (its UTF-8 length as N) followed by {@code data}. */
  static Path write(Path file, String header, byte[] data) throws IOException {
    byte[] json = header.getBytes(StandardCharsets.UTF_8);
    return write(file, json.length, json, data);
  }

  /** A file whose 8-byte length field says {@code n}, whatever the header really holds. */
  static Path write(Path file, long n, byte[] header, byte[] data) throws IOException {
    ByteBuffer out =
        ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    out.putLong(n).put(header).put(data);
    Files.write(file, out.array());
    return file;
  }

  static byte[] f32(float... values) {
    ByteBuffer out = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      out.putFloat(v);
    }
    return out.array();
  }

  static byte[] f64(double... values) {
    ByteBuffer out = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      out.putDouble(v);
    }
    return out.array();
  }

  /** 16-bit patterns (F16 or BF16), little-endian. */
  static byte[] u16(int... bits) {
    ByteBuffer out = ByteBuffer.allocate(2 * bits.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int b : bits) {
      out.putShort((short) b);
    }
    return out.array();
  }

  /** A one-tensor header. */
  static String entry(String name, String dtype, String shape, long begin, long end) {
    return "\""
        + name
        + "\":{\"dtype\":\""
        + dtype
        + "\",\"shape\":"
        + shape
        + ",\"data_offsets\":["
        + begin
        + ","
        + end
        + "]}";
  }
}

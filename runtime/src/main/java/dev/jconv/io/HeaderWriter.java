package dev.jconv.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a safetensors header as the reference implementation does: compact JSON, {@code
 * __metadata__} first, then the tensors in the order given with contiguous F32 byte ranges, padded
 * with spaces to a multiple of 8 bytes so the data section is 8-byte aligned.
 */
final class HeaderWriter {
  private static final int ALIGNMENT = 8;

  private HeaderWriter() {}

  /**
   * The padded UTF-8 header bytes.
   *
   * @throws IllegalArgumentException on a duplicate or reserved tensor name
   */
  static byte[] write(List<Tensor> tensors, Map<String, String> metadata) {
    StringBuilder json = new StringBuilder("{");
    if (!metadata.isEmpty()) {
      string(json, HeaderParser.METADATA_KEY).append(":{");
      boolean first = true;
      for (Map.Entry<String, String> e : metadata.entrySet()) {
        if (!first) {
          json.append(',');
        }
        first = false;
        string(json, e.getKey()).append(':');
        string(json, e.getValue());
      }
      json.append('}');
    }
    Set<String> names = new HashSet<>();
    long offset = 0;
    for (Tensor t : tensors) {
      if (HeaderParser.METADATA_KEY.equals(t.name())) {
        throw new IllegalArgumentException("'__metadata__' is reserved and cannot name a tensor");
      }
      if (!names.add(t.name())) {
        throw new IllegalArgumentException("duplicate tensor name '" + t.name() + "'");
      }
      long end = offset + (long) t.size() * DType.F32.size();
      if (json.length() > 1) {
        json.append(',');
      }
      string(json, t.name()).append(":{\"dtype\":\"F32\",\"shape\":[");
      int[] shape = t.shape();
      for (int i = 0; i < shape.length; i++) {
        json.append(i == 0 ? "" : ",").append(shape[i]);
      }
      json.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
      offset = end;
    }
    json.append('}');
    byte[] utf8 = json.toString().getBytes(StandardCharsets.UTF_8);
    int padded = (utf8.length + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    byte[] out = Arrays.copyOf(utf8, padded);
    Arrays.fill(out, utf8.length, padded, (byte) ' ');
    return out;
  }

  /** Appends {@code s} as a JSON string; non-ASCII characters stay as UTF-8, as serde writes. */
  private static StringBuilder string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }
}

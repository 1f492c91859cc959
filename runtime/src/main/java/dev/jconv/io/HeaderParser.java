package dev.jconv.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A strict parser for the one JSON shape a safetensors header has: an object mapping tensor names
 * to {@code {"dtype": str, "shape": [int...], "data_offsets": [int, int]}}, plus an optional {@code
 * "__metadata__": {str: str}}. Anything else (other value types, unknown or duplicate keys, numbers
 * with fractions) is an error that names the file, the position and what was expected.
 */
final class HeaderParser {
  static final String METADATA_KEY = "__metadata__";

  private final String file;
  private final String text;
  private int pos;

  private HeaderParser(String file, String text) {
    this.file = file;
    this.text = text;
  }

  /** Parses and checks each entry on its own; the layout is checked by {@link Header}. */
  static Header parse(String file, String text) throws SafeTensorsException {
    return new HeaderParser(file, text).header();
  }

  private Header header() throws SafeTensorsException {
    if (text.isEmpty() || text.charAt(0) != '{') {
      throw new SafeTensorsException(
          file + ": the header does not start with '{' (found " + describeNext() + ")");
    }
    List<TensorInfo> tensors = new ArrayList<>();
    Map<String, String> metadata = Map.of();
    Set<String> seen = new HashSet<>();
    pos++;
    skipWhitespace();
    if (!tryConsume('}')) {
      do {
        skipWhitespace();
        int keyAt = pos;
        String key = string("a tensor name");
        if (!seen.add(key)) {
          throw new SafeTensorsException(
              file
                  + ": duplicate "
                  + (METADATA_KEY.equals(key) ? "" : "tensor name ")
                  + "'"
                  + key
                  + "' in the header (second one at offset "
                  + keyAt
                  + ")");
        }
        colon(key);
        if (METADATA_KEY.equals(key)) {
          metadata = metadata();
        } else {
          TensorInfo t = entry(key);
          Header.checkEntry(file, t);
          tensors.add(t);
        }
        skipWhitespace();
      } while (tryConsume(','));
      expect('}', "',' or '}' after a header entry");
    }
    skipWhitespace();
    if (pos < text.length()) {
      throw error("only whitespace padding after the header object", null);
    }
    return new Header(tensors, metadata);
  }

  private TensorInfo entry(String name) throws SafeTensorsException {
    String where = "tensor '" + name + "'";
    expect('{', "an object {dtype, shape, data_offsets} for " + where);
    String dtypeName = null;
    long[] shape = null;
    long[] offsets = null;
    skipWhitespace();
    if (!tryConsume('}')) {
      do {
        skipWhitespace();
        int keyAt = pos;
        String key = string("\"dtype\", \"shape\" or \"data_offsets\" in " + where);
        colon(key);
        boolean duplicate;
        switch (key) {
          case "dtype" -> {
            duplicate = dtypeName != null;
            dtypeName = string("a dtype string for " + where);
          }
          case "shape" -> {
            duplicate = shape != null;
            shape = integers("the shape of " + where);
          }
          case "data_offsets" -> {
            duplicate = offsets != null;
            offsets = integers("the data_offsets of " + where);
          }
          default -> {
            pos = keyAt;
            throw error("\"dtype\", \"shape\" or \"data_offsets\" in " + where, "'" + key + "'");
          }
        }
        if (duplicate) {
          pos = keyAt;
          throw error("each field once in " + where, "a second '" + key + "'");
        }
        skipWhitespace();
      } while (tryConsume(','));
      expect('}', "',' or '}' in " + where);
    }
    return tensorInfo(name, dtypeName, shape, offsets);
  }

  private TensorInfo tensorInfo(String name, String dtypeName, long[] shape, long[] offsets)
      throws SafeTensorsException {
    String where = file + ": tensor '" + name + "'";
    if (dtypeName == null || shape == null || offsets == null) {
      String missing = dtypeName == null ? "dtype" : shape == null ? "shape" : "data_offsets";
      throw new SafeTensorsException(where + ": no \"" + missing + "\" field");
    }
    DType dtype = DType.byName(dtypeName);
    if (dtype == null) {
      throw new SafeTensorsException(
          where + ": unsupported dtype '" + dtypeName + "' (jconv reads F32, F16, BF16 and F64)");
    }
    int[] dims = new int[shape.length];
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] < 0 || shape[i] > Integer.MAX_VALUE) {
        throw new SafeTensorsException(
            where + ": dimension " + i + " of the shape is " + shape[i] + ", not in [0, 2^31)");
      }
      dims[i] = (int) shape[i];
    }
    if (offsets.length != 2 || offsets[0] < 0 || offsets[1] < 0) {
      throw new SafeTensorsException(
          where
              + ": data_offsets must be two non-negative integers [begin, end], found "
              + Arrays.toString(offsets));
    }
    return new TensorInfo(name, dtype, dims, offsets[0], offsets[1]);
  }

  private Map<String, String> metadata() throws SafeTensorsException {
    expect('{', "an object of strings for __metadata__");
    Map<String, String> metadata = new LinkedHashMap<>();
    skipWhitespace();
    if (!tryConsume('}')) {
      do {
        skipWhitespace();
        int keyAt = pos;
        String key = string("a key in __metadata__");
        if (metadata.containsKey(key)) {
          pos = keyAt;
          throw error("distinct keys in __metadata__", "a second '" + key + "'");
        }
        colon(key);
        metadata.put(key, string("a string value for __metadata__ key '" + key + "'"));
        skipWhitespace();
      } while (tryConsume(','));
      expect('}', "',' or '}' in __metadata__");
    }
    return metadata;
  }

  /** An array of integers, such as a shape; negative values are left for the caller to judge. */
  private long[] integers(String what) throws SafeTensorsException {
    expect('[', "an array of integers for " + what);
    List<Long> values = new ArrayList<>();
    skipWhitespace();
    if (!tryConsume(']')) {
      do {
        skipWhitespace();
        values.add(integer(what));
        skipWhitespace();
      } while (tryConsume(','));
      expect(']', "',' or ']' in " + what);
    }
    long[] out = new long[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  private long integer(String what) throws SafeTensorsException {
    int start = pos;
    boolean negative = tryConsume('-');
    int digitsAt = pos;
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
    int digits = pos - digitsAt;
    boolean fraction =
        pos < text.length() && (text.charAt(pos) == '.' || (text.charAt(pos) | 0x20) == 'e');
    if (digits == 0 || fraction || (digits > 1 && text.charAt(digitsAt) == '0')) {
      pos = start;
      throw error("an integer in " + what, null);
    }
    try {
      long value = Long.parseLong(text.substring(digitsAt, pos));
      return negative ? -value : value;
    } catch (NumberFormatException e) {
      pos = start;
      throw error("an integer below 2^63 in " + what, null);
    }
  }

  private String string(String what) throws SafeTensorsException {
    expect('"', what);
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("a closing '\"' for " + what, null);
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        pos--;
        throw error("an escape (JSON strings hold no raw control characters) in " + what, null);
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (pos >= text.length()) {
        throw error("an escape after '\\' in " + what, null);
      }
      char e = text.charAt(pos++);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> out.append(unicodeEscape(what));
        default -> {
          pos--;
          throw error("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX in " + what, null);
        }
      }
    }
  }

  private char unicodeEscape(String what) throws SafeTensorsException {
    if (pos + 4 > text.length()) {
      throw error("four hex digits after \\u in " + what, null);
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(pos), 16);
      if (digit < 0) {
        throw error("four hex digits after \\u in " + what, null);
      }
      value = value * 16 + digit;
      pos++;
    }
    return (char) value;
  }

  private void colon(String key) throws SafeTensorsException {
    skipWhitespace();
    expect(':', "':' after \"" + key + "\"");
    skipWhitespace();
  }

  private void expect(char c, String what) throws SafeTensorsException {
    if (!tryConsume(c)) {
      throw error(what, null);
    }
  }

  private boolean tryConsume(char c) {
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** "expected X, found Y" at the current position, with the text around it. */
  private SafeTensorsException error(String expected, String found) {
    String actual = found != null ? found : describeNext();
    int from = Math.max(0, pos - 30);
    int to = Math.min(text.length(), pos + 30);
    String near = text.substring(from, to).replace("\n", "\\n");
    return new SafeTensorsException(
        file
            + ": malformed header JSON at offset "
            + pos
            + ": expected "
            + expected
            + ", found "
            + actual
            + " (near \""
            + near
            + "\")");
  }

  private String describeNext() {
    if (pos >= text.length()) {
      return "the end of the header";
    }
    char c = text.charAt(pos);
    return c < 0x20 ? String.format("control character U+%04X", (int) c) : "'" + c + "'";
  }
}

package dev.jconv.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed safetensors header: the tensors in header order and the {@code __metadata__} strings.
 * {@link #checkLayout} is the one place that decides whether the byte ranges tile the data section.
 */
record Header(List<TensorInfo> tensors, Map<String, String> metadata) {
  /** The reference implementation's limit; real headers are a few megabytes at most. */
  static final long MAX_LENGTH = 100_000_000L;

  Header {
    tensors = List.copyOf(tensors);
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /**
   * Checks that the byte ranges cover {@code [0, dataLength)} exactly: sorted by offset, each range
   * begins where the previous one ends, with no gap, no overlap and nothing after the last. This is
   * what the format requires (the buffer must be "entirely indexed"), and it means every byte read
   * belongs to exactly one tensor.
   */
  void checkLayout(String file, long dataLength, long headerLength) throws SafeTensorsException {
    List<TensorInfo> sorted = new ArrayList<>(tensors);
    sorted.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
    long covered = 0;
    TensorInfo previous = null;
    for (TensorInfo t : sorted) {
      if (t.begin() < covered) {
        throw new SafeTensorsException(
            file
                + ": tensors '"
                + previous.name()
                + "' "
                + range(previous)
                + " and '"
                + t.name()
                + "' "
                + range(t)
                + " overlap");
      }
      if (t.begin() > covered) {
        String before =
            previous == null
                ? "the first tensor, '" + t.name() + "', begins at " + t.begin()
                : "'"
                    + previous.name()
                    + "' ends at "
                    + covered
                    + ", '"
                    + t.name()
                    + "' begins at "
                    + t.begin();
        throw new SafeTensorsException(
            file
                + ": bytes ["
                + covered
                + ", "
                + t.begin()
                + ") of the data section belong to no tensor ("
                + before
                + ")");
      }
      covered = t.end();
      previous = t;
    }
    if (covered > dataLength) {
      throw new SafeTensorsException(
          file
              + ": file is truncated: tensor '"
              + previous.name()
              + "' ends at byte "
              + covered
              + " of the data section, but only "
              + dataLength
              + " data bytes follow the "
              + headerLength
              + "-byte header");
    }
    if (covered < dataLength) {
      throw new SafeTensorsException(
          file
              + ": "
              + (dataLength - covered)
              + " bytes after the last tensor"
              + (previous == null ? "" : " '" + previous.name() + "'")
              + " belong to no tensor (the tensors end at byte "
              + covered
              + " of the data section, the file has "
              + dataLength
              + " data bytes)");
    }
  }

  /** Checks an entry's byte range against its dtype and shape. */
  static void checkEntry(String file, TensorInfo t) throws SafeTensorsException {
    if (t.end() < t.begin()) {
      throw new SafeTensorsException(
          file
              + ": tensor '"
              + t.name()
              + "': data_offsets "
              + range(t)
              + " end before they begin");
    }
    long expected;
    try {
      long elements = 1;
      for (int d : t.shape()) {
        elements = Math.multiplyExact(elements, d);
      }
      expected = Math.multiplyExact(elements, t.dtype().size());
    } catch (ArithmeticException e) {
      throw new SafeTensorsException(
          file
              + ": tensor '"
              + t.name()
              + "': shape "
              + Arrays.toString(t.shape())
              + " overflows a 64-bit byte count");
    }
    if (expected != t.byteCount()) {
      throw new SafeTensorsException(
          file
              + ": tensor '"
              + t.name()
              + "': "
              + t.dtype()
              + " shape "
              + Arrays.toString(t.shape())
              + " needs "
              + expected
              + " bytes, but data_offsets "
              + range(t)
              + " span "
              + t.byteCount());
    }
  }

  private static String range(TensorInfo t) {
    return "[" + t.begin() + ", " + t.end() + "]";
  }
}

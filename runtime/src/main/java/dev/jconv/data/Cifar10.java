package dev.jconv.data;

import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CIFAR-10 in its binary form ({@code cifar-10-batches-bin}): records of one label byte and 3,072
 * pixel bytes, a 32x32 plane of red, then green, then blue, each row-major. Records are converted
 * to HWC {@code {32, 32, 3}} floats in {@code [0, 1]}.
 */
public final class Cifar10 {
  /** Image height and width. */
  public static final int SIZE = 32;

  /** Bytes per record: a label byte and three 32x32 planes. */
  public static final int RECORD_BYTES = 1 + 3 * SIZE * SIZE;

  /** The ten classes, in label order (as in {@code batches.meta.txt}). */
  public static final String[] CLASS_NAMES = {
    "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"
  };

  private Cifar10() {}

  /** The 50,000 training examples from {@code data_batch_1.bin} .. {@code data_batch_5.bin}. */
  public static ArrayDataset train(Path dir) throws IOException {
    Path[] files = new Path[5];
    for (int i = 0; i < files.length; i++) {
      files[i] = require(dir, "data_batch_" + (i + 1) + ".bin");
    }
    return read(files);
  }

  /** The 10,000 test examples from {@code test_batch.bin}. */
  public static ArrayDataset test(Path dir) throws IOException {
    return read(require(dir, "test_batch.bin"));
  }

  /**
   * The records of {@code files}, in order, as one data set.
   *
   * @throws IOException naming the file when its size is not a whole number of records or a label
   *     is not below 10
   */
  public static ArrayDataset read(Path... files) throws IOException {
    long total = 0;
    for (Path file : files) {
      if (Files.isDirectory(file)) {
        throw new IOException(file + " is a directory, not a CIFAR-10 batch file");
      }
      long bytes = Files.size(file);
      if (bytes == 0 || bytes % RECORD_BYTES != 0) {
        throw new IOException(
            String.format(
                "%s has %d bytes, not a whole number of %d-byte CIFAR-10 records"
                    + " (1 label byte + 3 x 32 x 32 pixel bytes)",
                file, bytes, RECORD_BYTES));
      }
      total += bytes / RECORD_BYTES;
    }
    int plane = SIZE * SIZE;
    long floats = total * 3 * plane;
    if (floats > Integer.MAX_VALUE - 8) {
      throw new IOException(
          String.format(
              "%s hold %d records: %d floats, more than one Java array holds (%d); read fewer"
                  + " batches at a time",
              java.util.Arrays.toString(files), total, floats, Integer.MAX_VALUE - 8));
    }
    int n = (int) total;
    float[] x = new float[(int) floats];
    int[] labels = new int[n];
    byte[] record = new byte[RECORD_BYTES];
    int i = 0;
    for (Path file : files) {
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
        for (int r = 0; in.readNBytes(record, 0, RECORD_BYTES) == RECORD_BYTES; r++, i++) {
          labels[i] = record[0] & 0xff;
          if (labels[i] >= CLASS_NAMES.length) {
            throw new IOException(
                String.format("%s: record %d has label %d, expected 0..9", file, r, labels[i]));
          }
          int base = i * 3 * plane;
          for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
              x[base + p * 3 + c] = (record[1 + c * plane + p] & 0xff) / 255f;
            }
          }
        }
      }
    }
    return new ArrayDataset(x, labels, new int[] {SIZE, SIZE, 3}, CLASS_NAMES);
  }

  private static Path require(Path dir, String name) throws FileNotFoundException {
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new FileNotFoundException(
          String.format(
              "CIFAR-10 file %s not found in %s; download the binary version"
                  + " (cifar-10-binary.tar.gz) from https://www.cs.toronto.edu/~kriz/cifar.html"
                  + " and pass its cifar-10-batches-bin directory",
              name, dir));
    }
    return file;
  }
}

package dev.jconv.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST: a big-endian magic {@code 0x000008nn}
 * (unsigned bytes, {@code nn} dimensions), the dimensions as big-endian ints, then the bytes.
 * Gzipped files are recognised by their {@code 0x1f8b} magic, whatever their name.
 */
public final class Idx {
  /** The magic of a file of images: unsigned bytes, 3 dimensions (count, rows, columns). */
  public static final int IMAGES_MAGIC = 0x00000803;

  /** The magic of a file of labels: unsigned bytes, 1 dimension (count). */
  public static final int LABELS_MAGIC = 0x00000801;

  private static final int GZIP_MAGIC = 0x1f8b;

  /** The largest array length every JVM allocates. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  /** The content of an IDX file: its dimensions and its bytes, row-major. */
  public record Array(int[] dims, byte[] data) {}

  private Idx() {}

  /**
   * An images file and a labels file as a data set of {@code {rows, columns, 1}} examples scaled to
   * {@code [0, 1]}, one class per name.
   *
   * @throws IOException naming the file when it is missing, has the wrong magic, is truncated, or
   *     when the two files disagree on the number of examples or a label is out of range
   */
  public static ArrayDataset read(Path images, Path labels, String[] classNames)
      throws IOException {
    Array img = readArray(images, IMAGES_MAGIC);
    Array lab = readArray(labels, LABELS_MAGIC);
    if (img.dims()[0] != lab.dims()[0]) {
      throw new IOException(
          String.format(
              "%s holds %d images but %s holds %d labels",
              images, img.dims()[0], labels, lab.dims()[0]));
    }
    int[] y = new int[lab.data().length];
    for (int i = 0; i < y.length; i++) {
      y[i] = lab.data()[i] & 0xff;
      if (y[i] >= classNames.length) {
        throw new IOException(
            String.format(
                "%s: label %d of example %d is outside [0, %d)",
                labels, y[i], i, classNames.length));
      }
    }
    byte[] bytes = img.data();
    float[] x = new float[bytes.length];
    for (int k = 0; k < bytes.length; k++) {
      x[k] = (bytes[k] & 0xff) / 255f;
    }
    return new ArrayDataset(x, y, new int[] {img.dims()[1], img.dims()[2], 1}, classNames);
  }

  /** As {@link #read(Path, Path, String[])}, with classes {@code 0 .. max label}. */
  public static ArrayDataset read(Path images, Path labels) throws IOException {
    Array lab = readArray(labels, LABELS_MAGIC);
    int max = 0;
    for (byte b : lab.data()) {
      max = Math.max(max, b & 0xff);
    }
    return read(images, labels, ArrayDataset.defaultNames(max + 1));
  }

  /**
   * Reads an IDX file of unsigned bytes whose magic must be {@code expectedMagic}.
   *
   * @throws IOException naming the file when the magic differs or the file is shorter or longer
   *     than its dimensions say
   */
  public static Array readArray(Path file, int expectedMagic) throws IOException {
    try (DataInputStream in = new DataInputStream(open(file))) {
      int magic = readHeaderInt(in, file, "magic number");
      if (magic != expectedMagic) {
        throw new IOException(
            String.format(
                "%s: magic number 0x%08x, expected 0x%08x (%s); is this the right file?",
                file, magic, expectedMagic, describe(expectedMagic)));
      }
      int[] dims = new int[magic & 0xff];
      for (int d = 0; d < dims.length; d++) {
        dims[d] = readHeaderInt(in, file, "dimension " + d);
        if (dims[d] < 0) {
          throw new IOException(file + ": negative dimension " + dims[d]);
        }
      }
      long count = byteCount(file, dims);
      byte[] data = readData(in, file, (int) count);
      if (data.length < count) {
        throw new IOException(
            String.format(
                "%s is truncated: dimensions %s need %d bytes of data, found %d",
                file, Arrays.toString(dims), count, data.length));
      }
      if (in.read() >= 0) {
        throw new IOException(
            String.format(
                "%s has data after the %d bytes its dimensions %s describe",
                file, count, Arrays.toString(dims)));
      }
      return new Array(dims, data);
    }
  }

  /** The product of the dimensions, checked against the largest Java array on every factor. */
  private static long byteCount(Path file, int[] dims) throws IOException {
    long count = 1;
    for (int d : dims) {
      count *= d; // at most (2^31 - 9) * (2^31 - 1): no overflow, since count is checked each time
      if (count > MAX_ARRAY) {
        throw new IOException(
            file
                + ": dimensions "
                + Arrays.toString(dims)
                + " describe more than "
                + MAX_ARRAY
                + " bytes, more than a Java array holds");
      }
    }
    return count;
  }

  /** Opens {@code file}, through a gunzip stream if it starts with the gzip magic. */
  static InputStream open(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IOException(file + " is a directory, not an IDX file");
    }
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    raw.mark(2);
    int b0 = raw.read();
    int b1 = raw.read();
    raw.reset();
    if (((b0 << 8) | b1) == GZIP_MAGIC) {
      return new BufferedInputStream(new CutGzipReport(file, raw), 1 << 16);
    }
    return raw;
  }

  private static byte[] readData(InputStream in, Path file, int count) throws IOException {
    // readNBytes grows its buffer as bytes arrive, so a header that claims more than the file
    // holds costs no more memory than the file itself.
    return in.readNBytes(count);
  }

  private static int readHeaderInt(DataInputStream in, Path file, String what) throws IOException {
    try {
      return in.readInt();
    } catch (EOFException e) {
      throw new IOException(file + " is truncated: it ends before its " + what, e);
    }
  }

  /**
   * A gunzip stream whose failures (compressed data that ends early or does not decode) name the
   * file and say that the gzip data is at fault, rather than surfacing as an end of the IDX data.
   */
  private static final class CutGzipReport extends java.io.FilterInputStream {
    private final Path file;

    CutGzipReport(Path file, InputStream raw) throws IOException {
      super(gunzip(file, raw));
      this.file = file;
    }

    private static InputStream gunzip(Path file, InputStream raw) throws IOException {
      try {
        return new GZIPInputStream(raw, 1 << 16);
      } catch (EOFException | ZipException e) {
        throw cut(file, e);
      }
    }

    static IOException cut(Path file, IOException e) {
      return new IOException(
          file + ": the gzip data is cut short or corrupt (" + e.getMessage() + ")", e);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (EOFException | ZipException e) {
        throw cut(file, e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (EOFException | ZipException e) {
        throw cut(file, e);
      }
    }
  }

  private static String describe(int magic) {
    if (magic == IMAGES_MAGIC) {
      return "IDX images: unsigned bytes, 3 dimensions";
    }
    if (magic == LABELS_MAGIC) {
      return "IDX labels: unsigned bytes, 1 dimension";
    }
    return "IDX unsigned bytes, " + (magic & 0xff) + " dimensions";
  }
}

package dev.jconv.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data files and sizes that would overflow, or that are not what they claim, are rejected before
 * anything is allocated in proportion to them, with an error naming the file and the problem.
 */
class UntrustedDataTest {
  @TempDir Path dir;

  @Test
  void idxDimensionsWhoseProductOverflowsAreRejected() throws IOException {
    int[][] headers = {
      {1 << 21, 1 << 21, 1 << 21}, // 2^63: wraps to a negative long
      {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE},
      {1 << 30, 1 << 30, 1 << 4}, // 2^64: wraps to 0
      {65536, 65536, 2},
      {Integer.MAX_VALUE, 1, 1},
    };
    for (int[] dims : headers) {
      Path file =
          IdxTest.write(
              dir.resolve("huge" + Arrays.hashCode(dims)),
              IdxTest.idx(Idx.IMAGES_MAGIC, dims, new byte[0]),
              false);
      IOException e = assertThrows(IOException.class, () -> Idx.readArray(file, Idx.IMAGES_MAGIC));
      assertEquals(
          file
              + ": dimensions "
              + Arrays.toString(dims)
              + " describe more than 2147483639 bytes, more than a Java array holds",
          e.getMessage());
    }
  }

  @Test
  void everyCutOfAGzippedIdxSaysTheGzipDataIsCut() throws IOException {
    byte[] raw = IdxTest.idx(Idx.IMAGES_MAGIC, new int[] {3, 4, 5}, new byte[60]);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(raw);
    }
    byte[] whole = gz.toByteArray();
    // From just after the 10-byte gzip header to one byte short of the 8-byte trailer's end.
    for (int cut = 10; cut < whole.length; cut++) {
      Path file = Files.write(dir.resolve("cut" + cut + ".gz"), Arrays.copyOf(whole, cut));
      IOException e = assertThrows(IOException.class, () -> Idx.readArray(file, Idx.IMAGES_MAGIC));
      assertTrue(
          e.getMessage().startsWith(file + ": the gzip data is cut short or corrupt"),
          "cut at " + cut + ": " + e.getMessage());
    }
  }

  @Test
  void everyCutOfARawIdxNamesWhatIsMissing() throws IOException {
    byte[] raw = IdxTest.idx(Idx.IMAGES_MAGIC, new int[] {3, 4, 5}, new byte[60]);
    for (int cut = 0; cut < raw.length; cut++) {
      Path file = Files.write(dir.resolve("raw" + cut), Arrays.copyOf(raw, cut));
      IOException e = assertThrows(IOException.class, () -> Idx.readArray(file, Idx.IMAGES_MAGIC));
      assertTrue(e.getMessage().startsWith(file + " is truncated"), e.getMessage());
    }
  }

  @Test
  void directoriesAreNamed() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("train-images-idx3-ubyte"));
    IOException e = assertThrows(IOException.class, () -> Idx.readArray(folder, Idx.IMAGES_MAGIC));
    assertEquals(folder + " is a directory, not an IDX file", e.getMessage());

    IOException c = assertThrows(IOException.class, () -> Cifar10.read(folder));
    assertEquals(folder + " is a directory, not a CIFAR-10 batch file", c.getMessage());
  }

  @Test
  void cifarBatchesTooLargeForOneArrayAreRejectedBeforeAllocating() throws IOException {
    // A sparse file of 700,000 records (2.15 GB on paper, nothing on disk): 2.15 billion floats.
    Path file = dir.resolve("data_batch_1.bin");
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength((long) Cifar10.RECORD_BYTES * 700_000);
    }
    IOException e = assertThrows(IOException.class, () -> Cifar10.read(file, file));
    assertEquals(
        "["
            + file
            + ", "
            + file
            + "] hold 1400000 records: 4300800000 floats, more than one"
            + " Java array holds (2147483639); read fewer batches at a time",
        e.getMessage());
  }

  @Test
  void imageFolderSizesThatOverflowAreRejected() throws IOException {
    Path root = dir.resolve("images");
    Files.createDirectories(root.resolve("cat"));
    javax.imageio.ImageIO.write(
        new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB),
        "png",
        root.resolve("cat/1.png").toFile());
    ImageFolder folder = ImageFolder.scan(root);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> folder.load(100_000, 100_000, 3));
    assertEquals(
        "cannot load images as {100000, 100000, 3}: 30000000000 floats per image, more than a"
            + " Java array holds (2147483639)",
        e.getMessage());
    IllegalArgumentException all =
        assertThrows(IllegalArgumentException.class, () -> folder.load(30_000, 30_000, 3));
    assertTrue(all.getMessage().contains("2700000000 floats"), all.getMessage());
  }

  /** A PNG of just a header (IHDR) claiming {@code width x height} RGB pixels, and IEND. */
  private static byte[] pngHeader(int width, int height) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    byte[] ihdr =
        java.nio.ByteBuffer.allocate(13)
            .putInt(width)
            .putInt(height)
            .put(new byte[] {8, 2, 0, 0, 0})
            .array();
    chunk(out, "IHDR", ihdr);
    chunk(out, "IEND", new byte[0]);
    return bytes.toByteArray();
  }

  private static void chunk(java.io.DataOutputStream out, String type, byte[] data)
      throws IOException {
    out.writeInt(data.length);
    byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    out.write(t);
    out.write(data);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(t);
    crc.update(data);
    out.writeInt((int) crc.getValue());
  }

  @Test
  void anImageWhoseHeaderClaimsAHugeSizeIsRejectedBeforeDecoding() throws IOException {
    Path root = dir.resolve("bomb");
    Files.createDirectories(root.resolve("cat"));
    Path png = Files.write(root.resolve("cat/huge.png"), pngHeader(40_000, 40_000));

    IOException e = assertThrows(IOException.class, () -> ImageFolder.read(root, 8, 8, 3));

    assertTrue(
        e.getMessage().startsWith("cannot read image " + png + ": it is 40000 x 40000 pixels"),
        e.getMessage());
  }
}

package dev.jconv.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
  @TempDir Path dir;

  /** An IDX file: magic, dims, then {@code data}. */
  static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(magic);
    for (int d : dims) {
      out.writeInt(d);
    }
    out.write(data);
    return bytes.toByteArray();
  }

  static Path write(Path file, byte[] content, boolean gzip) throws IOException {
    try (OutputStream out =
        gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
      out.write(content);
    }
    return file;
  }

  /** Two 2x3 images (pixel values 0, 51, ..., 255 ...) with labels 2 and 0. */
  private Path[] smallFiles(boolean gzip) throws IOException {
    byte[] pixels = {0, 51, (byte) 102, (byte) 153, (byte) 204, (byte) 255, 1, 2, 3, 4, 5, 6};
    Path images =
        write(dir.resolve("img" + gzip), idx(Idx.IMAGES_MAGIC, new int[] {2, 2, 3}, pixels), gzip);
    Path labels =
        write(
            dir.resolve("lab" + gzip),
            idx(Idx.LABELS_MAGIC, new int[] {2}, new byte[] {2, 0}),
            gzip);
    return new Path[] {images, labels};
  }

  @Test
  void readsRawAndGzippedFilesAlike() throws IOException {
    for (boolean gzip : new boolean[] {false, true}) {
      Path[] f = smallFiles(gzip);
      ArrayDataset ds = Idx.read(f[0], f[1]);
      assertEquals(2, ds.size());
      assertEquals(3, ds.classes());
      assertArrayEquals(new int[] {2, 3, 1}, ds.shape());
      assertArrayEquals(new int[] {2, 0}, ds.labels());
      assertArrayEquals(
          new float[] {0, 0.2f, 0.4f, 0.6f, 0.8f, 1}, Arrays.copyOf(ds.features(), 6), 1e-6f);
      assertEquals(6 / 255f, ds.features()[11], 1e-7f);
    }
  }

  @Test
  void wrongMagicNamesTheFile() throws IOException {
    Path[] f = smallFiles(false);
    IOException e =
        assertThrows(IOException.class, () -> Idx.read(f[1], f[0], new String[] {"a", "b", "c"}));
    assertTrue(e.getMessage().contains(f[1].toString()), e.getMessage());
    assertTrue(e.getMessage().contains("magic number 0x00000801, expected 0x00000803"));
  }

  @Test
  void truncatedDataNamesTheFile() throws IOException {
    for (boolean gzip : new boolean[] {false, true}) {
      Path images =
          write(
              dir.resolve("short" + gzip),
              idx(Idx.IMAGES_MAGIC, new int[] {2, 2, 3}, new byte[11]),
              gzip);
      Path labels =
          write(dir.resolve("l" + gzip), idx(Idx.LABELS_MAGIC, new int[] {2}, new byte[2]), gzip);
      IOException e = assertThrows(IOException.class, () -> Idx.read(images, labels));
      assertTrue(e.getMessage().contains(images + " is truncated"), e.getMessage());
      assertTrue(e.getMessage().contains("need 12 bytes of data, found 11"), e.getMessage());
    }
  }

  @Test
  void truncatedHeaderAndCutGzipStreamAreErrors() throws IOException {
    Path header = write(dir.resolve("header"), new byte[] {0, 0, 8, 3, 0, 0}, false);
    IOException e = assertThrows(IOException.class, () -> Idx.readArray(header, 0x803));
    assertTrue(e.getMessage().contains(header + " is truncated"), e.getMessage());

    Path[] f = smallFiles(true);
    byte[] gz = Files.readAllBytes(f[0]);
    Path cut = write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length - 12), false);
    e = assertThrows(IOException.class, () -> Idx.readArray(cut, Idx.IMAGES_MAGIC));
    assertTrue(e.getMessage().contains(cut.toString()), e.getMessage());
  }

  @Test
  void imageAndLabelCountMismatchNamesBothFiles() throws IOException {
    Path[] f = smallFiles(false);
    Path labels =
        write(dir.resolve("three"), idx(Idx.LABELS_MAGIC, new int[] {3}, new byte[3]), false);
    IOException e = assertThrows(IOException.class, () -> Idx.read(f[0], labels));
    assertTrue(
        e.getMessage().contains(f[0] + " holds 2 images but " + labels + " holds 3 labels"),
        e.getMessage());
  }

  @Test
  void labelBeyondTheClassNamesIsAnError() throws IOException {
    Path[] f = smallFiles(false);
    IOException e =
        assertThrows(IOException.class, () -> Idx.read(f[0], f[1], new String[] {"a", "b"}));
    assertTrue(e.getMessage().contains("label 2 of example 0 is outside [0, 2)"), e.getMessage());
  }
}

package dev.jconv.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10Test {
  private static final int PLANE = 32 * 32;

  @TempDir Path dir;

  /** A record whose pixel (y, x) of channel c holds (c * 50 + y + x) % 256. */
  private static byte[] record(int label) {
    byte[] r = new byte[Cifar10.RECORD_BYTES];
    r[0] = (byte) label;
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < 32; y++) {
        for (int x = 0; x < 32; x++) {
          r[1 + c * PLANE + y * 32 + x] = (byte) (c * 50 + y + x);
        }
      }
    }
    return r;
  }

  private Path file(String name, int... labels) throws IOException {
    byte[] all = new byte[labels.length * Cifar10.RECORD_BYTES];
    for (int i = 0; i < labels.length; i++) {
      System.arraycopy(record(labels[i]), 0, all, i * Cifar10.RECORD_BYTES, Cifar10.RECORD_BYTES);
    }
    return Files.write(dir.resolve(name), all);
  }

  @Test
  void convertsPlanesToHwc() throws IOException {
    ArrayDataset ds = Cifar10.read(file("a.bin", 3, 9), file("b.bin", 0));
    assertEquals(3, ds.size());
    assertArrayEquals(new int[] {32, 32, 3}, ds.shape());
    assertArrayEquals(new int[] {3, 9, 0}, ds.labels());
    assertEquals("cat", ds.classNames()[3]);
    float[] x = new float[ds.exampleSize()];
    ds.copyExample(2, x, 0);
    for (int y : new int[] {0, 7, 31}) {
      for (int xx : new int[] {0, 5, 31}) {
        for (int c = 0; c < 3; c++) {
          assertEquals((c * 50 + y + xx) / 255f, x[(y * 32 + xx) * 3 + c], 1e-7f);
        }
      }
    }
  }

  @Test
  void readsTrainAndTestBatchesFromADirectory() throws IOException {
    for (int b = 1; b <= 5; b++) {
      file("data_batch_" + b + ".bin", b, b);
    }
    file("test_batch.bin", 7);
    assertEquals(10, Cifar10.train(dir).size());
    assertEquals(5, Cifar10.train(dir).label(9));
    assertEquals(7, Cifar10.test(dir).label(0));
  }

  @Test
  void wrongFileSizeNamesTheFile() throws IOException {
    Path bad = Files.write(dir.resolve("bad.bin"), new byte[Cifar10.RECORD_BYTES + 5]);
    IOException e = assertThrows(IOException.class, () -> Cifar10.read(bad));
    assertTrue(e.getMessage().contains(bad + " has 3078 bytes"), e.getMessage());
    assertTrue(e.getMessage().contains("3073-byte"), e.getMessage());
  }

  @Test
  void labelAboveNineIsAnError() throws IOException {
    Path bad = file("bad.bin", 1, 12);
    IOException e = assertThrows(IOException.class, () -> Cifar10.read(bad));
    assertTrue(e.getMessage().contains("record 1 has label 12"), e.getMessage());
  }

  @Test
  void missingBatchSaysWhereToGetIt() {
    FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> Cifar10.test(dir));
    assertTrue(e.getMessage().contains("test_batch.bin"), e.getMessage());
    assertTrue(e.getMessage().contains("cifar-10-binary.tar.gz"), e.getMessage());
  }
}

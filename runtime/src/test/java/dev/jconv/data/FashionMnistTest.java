package dev.jconv.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {
  @TempDir Path dir;

  @Test
  void readsTheFourFilesFromADirectory() throws IOException {
    byte[] pixels = new byte[3 * 28 * 28];
    pixels[28 * 28] = (byte) 255;
    IdxTest.write(
        dir.resolve("train-images-idx3-ubyte.gz"),
        IdxTest.idx(Idx.IMAGES_MAGIC, new int[] {3, 28, 28}, pixels),
        true);
    IdxTest.write(
        dir.resolve("train-labels-idx1-ubyte.gz"),
        IdxTest.idx(Idx.LABELS_MAGIC, new int[] {3}, new byte[] {9, 0, 5}),
        true);
    IdxTest.write(
        dir.resolve("t10k-images-idx3-ubyte"),
        IdxTest.idx(Idx.IMAGES_MAGIC, new int[] {1, 28, 28}, new byte[28 * 28]),
        false);
    IdxTest.write(
        dir.resolve("t10k-labels-idx1-ubyte"),
        IdxTest.idx(Idx.LABELS_MAGIC, new int[] {1}, new byte[] {8}),
        false);
    assertTrue(FashionMnist.isAvailable(dir));
    FashionMnist.TrainTest data = FashionMnist.load(dir);
    assertEquals(3, data.train().size());
    assertEquals(1, data.test().size());
    assertArrayEquals(new int[] {28, 28, 1}, data.train().shape());
    assertEquals("Ankle boot", data.train().classNames()[data.train().label(0)]);
    assertEquals("Bag", data.test().classNames()[data.test().label(0)]);
    assertEquals(1f, data.train().features()[28 * 28]);
  }

  @Test
  void missingFilesSayHowToInstall() {
    FileNotFoundException e =
        assertThrows(FileNotFoundException.class, () -> FashionMnist.train(dir));
    assertTrue(e.getMessage().contains("train-images-idx3-ubyte"), e.getMessage());
    assertTrue(e.getMessage().contains("apt-get install -y dataset-fashion-mnist"));
    assertTrue(e.getMessage().contains(dir.toString()));
  }

  @Test
  void realFilesWhenInstalled() throws IOException {
    assumeTrue(
        FashionMnist.isAvailable(FashionMnist.DEFAULT_DIR),
        "Fashion-MNIST not installed (apt-get install -y dataset-fashion-mnist)");
    FashionMnist.TrainTest data = FashionMnist.load();
    assertEquals(60_000, data.train().size());
    assertEquals(10_000, data.test().size());
    for (ArrayDataset ds : new ArrayDataset[] {data.train(), data.test()}) {
      int[] counts = Datasets.classCounts(ds);
      for (int c = 0; c < 10; c++) {
        assertEquals(ds.size() / 10, counts[c], "class " + c); // Fashion-MNIST is balanced
      }
    }
  }
}

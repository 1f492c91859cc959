package dev.jconv.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {
  @TempDir Path root;

  private static void png(Path file, float[] hwc, int h, int w, int c) throws IOException {
    Files.createDirectories(file.getParent());
    assertTrue(
        ImageIO.write(
            Images.toImage(hwc, h, w, c),
            file.toString().endsWith("bmp") ? "bmp" : "png",
            file.toFile()));
  }

  /** A 4x4 RGB image whose red channel is a 2x2 checkerboard of 2x2 blocks. */
  private static float[] blocks() {
    float[] hwc = new float[4 * 4 * 3];
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        hwc[(y * 4 + x) * 3] = ((y / 2 + x / 2) % 2 == 0) ? 1 : 0;
        hwc[(y * 4 + x) * 3 + 2] = 0.2f;
      }
    }
    return hwc;
  }

  @Test
  void classesAreSortedFolderNamesAndImagesAreResized() throws IOException {
    png(root.resolve("b_square/1.png"), blocks(), 4, 4, 3);
    png(root.resolve("b_square/0.bmp"), new float[4 * 4 * 3], 4, 4, 3);
    png(root.resolve("a_circle/x.png"), blocks(), 4, 4, 3);
    Files.writeString(root.resolve("a_circle/notes.txt"), "not an image");
    Files.writeString(root.resolve("README"), "top-level file");

    ImageFolder folder = ImageFolder.scan(root);
    assertArrayEquals(new String[] {"a_circle", "b_square"}, folder.classNames());
    assertEquals(
        List.of(
            root.resolve("a_circle/x.png"),
            root.resolve("b_square/0.bmp"),
            root.resolve("b_square/1.png")),
        folder.files());
    assertEquals(2, folder.skipped().size());

    ArrayDataset ds = folder.load(2, 2, 3);
    assertArrayEquals(new int[] {0, 1, 1}, ds.labels());
    assertArrayEquals(new int[] {2, 2, 3}, ds.shape());
    float[] x = new float[12];
    ds.copyExample(2, x, 0);
    // Halving averages each 2x2 block: red 1, 0 / 0, 1; blue 0.2 everywhere (0.2 -> byte 51).
    assertArrayEquals(new float[] {1, 0, 0.2f, 0, 0, 0.2f, 0, 0, 0.2f, 1, 0, 0.2f}, x, 1e-6f);
    ds.copyExample(1, x, 0);
    assertArrayEquals(new float[12], x);
  }

  @Test
  void greyLoadingAndUpscaling() throws IOException {
    png(root.resolve("only/g.png"), new float[] {0, 1}, 1, 2, 1);
    ArrayDataset ds = ImageFolder.read(root, 1, 4, 1);
    assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, ds.features(), 1e-6f);
  }

  @Test
  void unreadableImageNamesTheFile() throws IOException {
    png(root.resolve("a/ok.png"), new float[3], 1, 1, 3);
    Path bad = Files.write(root.resolve("a/broken.png"), new byte[] {1, 2, 3, 4});
    IOException e = assertThrows(IOException.class, () -> ImageFolder.read(root, 2, 2, 3));
    assertTrue(e.getMessage().contains("cannot read image " + bad), e.getMessage());
  }

  @Test
  void emptyFoldersAreErrors() throws IOException {
    IOException e = assertThrows(IOException.class, () -> ImageFolder.scan(root));
    assertTrue(e.getMessage().contains(root + " has no sub-folders"), e.getMessage());
    Files.createDirectories(root.resolve("cat"));
    Files.writeString(root.resolve("cat/list.csv"), "a,b");
    e = assertThrows(IOException.class, () -> ImageFolder.scan(root));
    assertTrue(e.getMessage().contains("class folder " + root.resolve("cat") + " has no images"));
    e = assertThrows(IOException.class, () -> ImageFolder.scan(root.resolve("missing")));
    assertTrue(e.getMessage().contains("is not a directory"), e.getMessage());
  }
}

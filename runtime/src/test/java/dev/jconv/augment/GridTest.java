package dev.jconv.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.data.ArrayDataset;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PNG grid shows originals in the first column and augmented copies after them. */
class GridTest {
  @Test
  void writesOriginalsAndCopies(@TempDir Path dir) throws Exception {
    int n = 4;
    float[] x = Images.random(n * 8, 8, 1, 1);
    ArrayDataset data = new ArrayDataset(x, new int[] {0, 1, 0, 1}, new int[] {8, 8, 1}, 2);
    Path png = dir.resolve("sub/grid.png");
    Pipeline.of(Flip.horizontal().probability(1)).writeGrid(png, data, 2, 3, 7);
    BufferedImage img = ImageIO.read(png.toFile());
    int scale = 96 / 8;
    int cell = 8 * scale + 2;
    assertEquals(4 * cell + 2, img.getWidth());
    assertEquals(2 * cell + 2, img.getHeight());
    // row 1 shows example 2; its pixel (r 3, c 0) is in the original cell and, flipped, at c 7
    float v = x[2 * 64 + 3 * 8];
    int grey = Math.round(v * 255);
    assertEquals(grey, img.getRGB(2 + 0 * cell, 2 + cell + 3 * scale) & 0xff);
    assertEquals(grey, img.getRGB(2 + 1 * cell + 7 * scale + 1, 2 + cell + 3 * scale + 1) & 0xff);
    try (var files = Files.list(png.getParent())) {
      assertTrue(files.allMatch(p -> p.equals(png)), "no temporary file is left behind");
    }
  }
}

package dev.jconv.augment;

import dev.jconv.data.Dataset;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * Writes a PNG grid to check a pipeline by eye before a long run: one row per example, the original
 * in the first column and augmented versions after it, each cell enlarged to about 96 pixels.
 * Values are shown over {@code [0, 1]} (clamped); 3-channel images in colour, others grey (their
 * first channel).
 */
public final class Grid {
  private static final int GAP = 2;
  private static final int CELL = 96;

  private Grid() {}

  /**
   * Writes the grid of {@code rows} examples spread evenly through {@code data}, each with {@code
   * copies} augmented versions, to {@code png}; the file is replaced atomically.
   */
  public static void write(
      Path png, Pipeline pipeline, Dataset data, int rows, int copies, long seed)
      throws IOException {
    if (rows < 1 || copies < 0 || data.size() < 1) {
      throw new IllegalArgumentException(
          "a grid needs rows >= 1, copies >= 0 and a non-empty data set; got rows "
              + rows
              + ", copies "
              + copies
              + ", "
              + data.size()
              + " examples");
    }
    int[] shape = data.shape();
    pipeline.checkShape(shape);
    int h = shape[0];
    int w = shape[1];
    int scale = Math.max(1, CELL / Math.max(h, w));
    int cellW = w * scale + GAP;
    int cellH = h * scale + GAP;
    BufferedImage grid =
        new BufferedImage(
            (copies + 1) * cellW + GAP, rows * cellH + GAP, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = grid.createGraphics();
    g.setColor(new Color(0x80, 0x80, 0x80));
    g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
    g.dispose();
    float[] x = new float[data.exampleSize()];
    for (int r = 0; r < rows; r++) {
      int index = (int) ((long) r * data.size() / rows);
      for (int col = 0; col <= copies; col++) {
        data.copyExample(index, x, 0);
        if (col > 0) {
          pipeline.apply(x, 0, shape, Rng.derive(seed, (long) r * (copies + 1) + col));
        }
        paint(grid, x, shape, GAP + col * cellW, GAP + r * cellH, scale);
      }
    }
    Path target = png.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    try {
      if (!ImageIO.write(grid, "png", tmp.toFile())) {
        throw new IOException("no PNG writer available in ImageIO");
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void paint(BufferedImage grid, float[] x, int[] shape, int left, int top, int s) {
    int w = shape[1];
    int c = shape[2];
    for (int y = 0; y < shape[0]; y++) {
      for (int xx = 0; xx < w; xx++) {
        int o = (y * w + xx) * c;
        int r = toByte(x[o]);
        int rgb =
            c == 3
                ? (r << 16) | (toByte(x[o + 1]) << 8) | toByte(x[o + 2])
                : (r << 16) | (r << 8) | r;
        for (int dy = 0; dy < s; dy++) {
          for (int dx = 0; dx < s; dx++) {
            grid.setRGB(left + xx * s + dx, top + y * s + dy, rgb);
          }
        }
      }
    }
  }

  private static int toByte(float v) {
    float clamped = v != v ? 0 : Math.max(0, Math.min(1, v));
    return Math.round(clamped * 255);
  }
}

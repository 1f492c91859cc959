package dev.jconv.examples;

import dev.jconv.data.Images;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** A PNG contact sheet: images in a grid, each captioned with its predicted label. */
final class PredictionSheet {
  /** One image (HWC floats in [0, 1]) with its predicted and true label. */
  record Entry(float[] hwc, String predicted, String truth, float confidence) {}

  private static final int SCALE = 2;
  private static final int CAPTION = 16;

  private PredictionSheet() {}

  /**
   * Writes {@code entries} as a grid of {@code columns} images of {@code h x w x 3}, scaled twice,
   * with the predicted label and confidence under each: green when right, red with the true label
   * when wrong. Written to a temporary file first and moved, so no half-written PNG remains.
   */
  static void write(Path file, List<Entry> entries, int h, int w, int columns) throws IOException {
    int rows = (entries.size() + columns - 1) / columns;
    int cellW = w * SCALE;
    int cellH = h * SCALE + CAPTION;
    BufferedImage sheet =
        new BufferedImage(columns * cellW, rows * cellH, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
      for (int i = 0; i < entries.size(); i++) {
        Entry e = entries.get(i);
        int x = (i % columns) * cellW;
        int y = (i / columns) * cellH;
        g.drawImage(Images.toImage(e.hwc(), h, w, 3), x, y, cellW, h * SCALE, null);
        boolean right = e.predicted().equals(e.truth());
        g.setColor(right ? new Color(0, 120, 0) : new Color(200, 0, 0));
        String caption =
            right
                ? String.format("%s %.2f", e.predicted(), e.confidence())
                : e.predicted() + " (" + e.truth() + ")";
        g.drawString(caption, x + 2, y + h * SCALE + CAPTION - 4);
      }
    } finally {
      g.dispose();
    }
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      if (!ImageIO.write(sheet, "png", tmp.toFile())) {
        throw new IOException("no PNG writer in this JDK");
      }
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}

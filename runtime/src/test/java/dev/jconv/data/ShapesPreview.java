package dev.jconv.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes sample images of {@link Shapes} for a person to look at: one PNG per image and a contact
 * sheet ({@code sheet.png}, 3x enlarged, one row per class). Run with the test classpath: {@code
 * java -cp runtime/target/classes:runtime/target/test-classes dev.jconv.data.ShapesPreview [dir]}.
 */
final class ShapesPreview {
  private static final int PER_CLASS = 8;
  private static final int ZOOM = 3;

  private ShapesPreview() {}

  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("jconv-shapes");
    System.out.println(write(dir, 40, 1));
  }

  /**
   * Writes {@code count} samples generated from {@code seed} into {@code dir}; returns the sheet.
   */
  static Path write(Path dir, int count, long seed) throws IOException {
    Files.createDirectories(dir);
    ArrayDataset ds = Shapes.generate(count, seed);
    int s = Shapes.SIZE;
    BufferedImage sheet =
        new BufferedImage(
            PER_CLASS * s * ZOOM, Shapes.CLASS_NAMES.length * s * ZOOM, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    int[] column = new int[Shapes.CLASS_NAMES.length];
    float[] x = new float[ds.exampleSize()];
    for (int i = 0; i < ds.size(); i++) {
      ds.copyExample(i, x, 0);
      BufferedImage image = Images.toImage(x, s, s, 3);
      String name = Shapes.CLASS_NAMES[ds.label(i)];
      ImageIO.write(image, "png", dir.resolve(String.format("%03d-%s.png", i, name)).toFile());
      int c = ds.label(i);
      if (column[c] < PER_CLASS) {
        g.drawImage(image, column[c]++ * s * ZOOM, c * s * ZOOM, s * ZOOM, s * ZOOM, null);
      }
    }
    g.dispose();
    Path sheetFile = dir.resolve("sheet.png");
    ImageIO.write(sheet, "png", sheetFile.toFile());
    return sheetFile;
  }
}

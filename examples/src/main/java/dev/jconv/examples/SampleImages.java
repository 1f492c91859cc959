package dev.jconv.examples;

import dev.jconv.data.Shapes;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes images of the demo's five shapes as PNG and JPEG files, to try {@link Classify} and {@link
 * ClassifyServer} on: {@code SampleImages DIR [COUNT]}. The files are named after their true class;
 * their seeds differ from the demo's training images.
 */
public final class SampleImages {
  private SampleImages() {}

  /** Writes {@code COUNT} (default 5) images to {@code DIR}. */
  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: SampleImages DIR [COUNT]");
      System.exit(2);
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    for (int i = 0; i < count; i++) {
      int label = i % Shapes.CLASS_NAMES.length;
      BufferedImage image = Shapes.render(label, 1_000_003L * (i + 1));
      String format = i % 2 == 0 ? "png" : "jpg";
      Path file =
          dir.resolve(
              String.format(Locale.ROOT, "%02d-%s.%s", i, Shapes.CLASS_NAMES[label], format));
      ImageIO.write(image, format, file.toFile());
      System.out.println(file);
    }
  }
}

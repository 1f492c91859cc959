package dev.jconv.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an image's width and height from its header, so that a small file claiming a huge image (a
 * decompression bomb, or a scan at full resolution) is rejected with its size before decoding
 * allocates memory in proportion to it.
 */
final class ImageSizes {
  private ImageSizes() {}

  /**
   * Fails when decoding {@code file} would need more memory than this JVM may ever have: the
   * decoded pixels (4 bytes each) plus their float copy ({@code 4 * channels} bytes each).
   */
  static void checkDecodable(Path file, int channels, long maxMemory) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        return; // ImageIO.read reports the unreadable file
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return;
      }
      ImageReader reader = readers.next();
      try {
        long width;
        long height;
        try {
          reader.setInput(in, true, true);
          width = reader.getWidth(0);
          height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
          return; // a broken header: ImageIO.read reports it with the file's name
        }
        long bytes = width * height * (4 + 4L * channels);
        if (bytes > maxMemory) {
          throw new IOException(
              String.format(
                  "cannot read image %s: it is %d x %d pixels, which needs %,d bytes to decode,"
                      + " more than the JVM's maximum heap of %,d bytes",
                  file, width, height, bytes, maxMemory));
        }
      } finally {
        reader.dispose();
      }
    }
  }
}

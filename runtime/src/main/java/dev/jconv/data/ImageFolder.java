package dev.jconv.data;

import dev.jconv.parallel.Parallel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A directory with one sub-folder per class, as Keras's {@code image_dataset_from_directory} reads
 * it: the sorted folder names are the class names and their positions the labels; the images (png,
 * jpg, bmp, gif) in each folder are its examples. Other files are skipped and counted. {@link
 * #scan} lists the files; {@link #load} decodes them (on all cores), resizes each bilinearly to the
 * network's input and scales it to {@code [0, 1]}.
 */
public final class ImageFolder {
  private static final System.Logger LOG = System.getLogger(ImageFolder.class.getName());

  /** The largest array length every JVM allocates. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

  private final Path root;
  private final String[] classNames;
  private final List<Path> files;
  private final int[] labels;
  private final List<Path> skipped;

  private ImageFolder(
      Path root, String[] classNames, List<Path> files, int[] labels, List<Path> skipped) {
    this.root = root;
    this.classNames = classNames;
    this.files = files;
    this.labels = labels;
    this.skipped = skipped;
  }

  /**
   * Scans {@code root} and loads every image at {@code height x width} with 3 (RGB) or 1 (grey)
   * channels; logs a warning with the number of skipped non-image files.
   */
  public static ArrayDataset read(Path root, int height, int width, int channels)
      throws IOException {
    ImageFolder folder = scan(root);
    if (!folder.skipped().isEmpty()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "skipped {0} non-image file(s) under {1}, for example {2}",
          folder.skipped().size(),
          root,
          folder.skipped().get(0));
    }
    return folder.load(height, width, channels);
  }

  /**
   * Lists the classes and image files under {@code root} without decoding anything.
   *
   * @throws IOException if {@code root} is not a directory, has no class sub-folders, or a class
   *     folder holds no image
   */
  public static ImageFolder scan(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException(root + " is not a directory of class folders");
    }
    List<Path> classDirs = new ArrayList<>();
    List<Path> skipped = new ArrayList<>();
    for (Path p : sortedChildren(root)) {
      if (Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")) {
        classDirs.add(p);
      } else {
        skipped.add(p);
      }
    }
    if (classDirs.isEmpty()) {
      throw new IOException(
          root + " has no sub-folders; expected one folder of images per class (root/cat/1.png)");
    }
    String[] names = new String[classDirs.size()];
    List<Path> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int c = 0; c < names.length; c++) {
      names[c] = classDirs.get(c).getFileName().toString();
      int before = files.size();
      for (Path p : sortedChildren(classDirs.get(c))) {
        if (Files.isRegularFile(p) && isImageName(p)) {
          files.add(p);
          labels.add(c);
        } else {
          skipped.add(p);
        }
      }
      if (files.size() == before) {
        throw new IOException(
            String.format(
                "class folder %s has no images (expected %s files)",
                classDirs.get(c), String.join(", ", EXTENSIONS.stream().sorted().toList())));
      }
    }
    int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
    return new ImageFolder(root, names, List.copyOf(files), y, List.copyOf(skipped));
  }

  /** The class names: the sorted sub-folder names. */
  public String[] classNames() {
    return classNames.clone();
  }

  /** The image files, class by class, each class's files sorted by name. */
  public List<Path> files() {
    return files;
  }

  /** The class of each of {@link #files()}. */
  public int[] labels() {
    return labels.clone();
  }

  /** Files that are not images (or are not in a class folder), which {@link #load} ignores. */
  public List<Path> skipped() {
    return skipped;
  }

  /**
   * Decodes every image, resizes it to {@code height x width} (bilinear) with 3 (RGB) or 1 (grey)
   * channels and scales it to {@code [0, 1]}.
   *
   * @throws IOException naming the file that ImageIO cannot read
   */
  public ArrayDataset load(int height, int width, int channels) throws IOException {
    if (height <= 0 || width <= 0 || (channels != 1 && channels != 3)) {
      throw new IllegalArgumentException(
          String.format(
              "cannot load images as {%d, %d, %d}: sizes must be positive, channels 1 or 3",
              height, width, channels));
    }
    long perImage = (long) height * width * channels;
    if (perImage > MAX_ARRAY) {
      throw new IllegalArgumentException(
          String.format(
              "cannot load images as {%d, %d, %d}: %d floats per image, more than a Java array"
                  + " holds (%d)",
              height, width, channels, perImage, MAX_ARRAY));
    }
    long total = perImage * files.size();
    if (total > MAX_ARRAY) {
      throw new IllegalArgumentException(
          String.format(
              "cannot load %d images as {%d, %d, %d}: %d floats, more than a Java array holds"
                  + " (%d); load smaller images or fewer at a time (scan, then a subset of files)",
              files.size(), height, width, channels, total, MAX_ARRAY));
    }
    int e = (int) perImage;
    float[] x = new float[(int) total];
    try {
      Parallel.forRange(
          files.size(),
          (from, to) -> {
            for (int i = from; i < to; i++) {
              float[] img = decode(files.get(i), height, width, channels);
              System.arraycopy(img, 0, x, i * e, e);
            }
          });
    } catch (UncheckedIOException ex) {
      throw ex.getCause();
    }
    return new ArrayDataset(x, labels.clone(), new int[] {height, width, channels}, classNames);
  }

  @Override
  public String toString() {
    return String.format(
        "ImageFolder[%s: %d images in %d classes, %d skipped]",
        root, files.size(), classNames.length, skipped.size());
  }

  private static float[] decode(Path file, int height, int width, int channels) {
    BufferedImage image;
    try {
      ImageSizes.checkDecodable(file, channels, Runtime.getRuntime().maxMemory());
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    } catch (RuntimeException ex) {
      // A header that the reader cannot parse: ImageIO.read below reports it.
    }
    try {
      image = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException ex) {
      throw new UncheckedIOException(
          new IOException("cannot read image " + file + ": " + ex.getMessage(), ex));
    }
    if (image == null) {
      throw new UncheckedIOException(
          new IOException("cannot read image " + file + ": no ImageIO decoder recognises it"));
    }
    float[] hwc = Images.toFloats(image, channels);
    if (image.getHeight() == height && image.getWidth() == width) {
      return hwc;
    }
    return Images.resizeBilinear(hwc, image.getHeight(), image.getWidth(), channels, height, width);
  }

  private static boolean isImageName(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return !name.startsWith(".")
        && dot > 0
        && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static List<Path> sortedChildren(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().collect(Collectors.toList());
    }
  }
}

package dev.jconv.data;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fashion-MNIST (Zalando, 70,000 grey 28x28 images of clothes in 10 classes) from its four IDX
 * files, by default where the Debian package {@code dataset-fashion-mnist} installs them.
 */
public final class FashionMnist {
  /** Where {@code apt-get install -y dataset-fashion-mnist} puts the files. */
  public static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");

  /** The ten classes, in label order. */
  public static final String[] CLASS_NAMES = {
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot"
  };

  /** The 60,000 training and 10,000 test examples. */
  public record TrainTest(ArrayDataset train, ArrayDataset test) {}

  private FashionMnist() {}

  /** Whether the four files are in {@code dir} (gzipped or not). */
  public static boolean isAvailable(Path dir) {
    for (String name :
        new String[] {
          "train-images-idx3-ubyte", "train-labels-idx1-ubyte",
          "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"
        }) {
      if (find(dir, name) == null) {
        return false;
      }
    }
    return true;
  }

  /** Both parts from {@link #DEFAULT_DIR}. */
  public static TrainTest load() throws IOException {
    return load(DEFAULT_DIR);
  }

  /** Both parts from {@code dir}. */
  public static TrainTest load(Path dir) throws IOException {
    return new TrainTest(train(dir), test(dir));
  }

  /** The 60,000 training examples from {@link #DEFAULT_DIR}. */
  public static ArrayDataset train() throws IOException {
    return train(DEFAULT_DIR);
  }

  /** The 10,000 test examples from {@link #DEFAULT_DIR}. */
  public static ArrayDataset test() throws IOException {
    return test(DEFAULT_DIR);
  }

  /**
   * The training examples from {@code train-images-idx3-ubyte(.gz)} and {@code
   * train-labels-idx1-ubyte(.gz)} in {@code dir}, scaled to {@code [0, 1]}, shape {@code {28, 28,
   * 1}}.
   *
   * @throws FileNotFoundException saying how to install the files when they are missing
   */
  public static ArrayDataset train(Path dir) throws IOException {
    return read(dir, "train");
  }

  /** The test examples from {@code t10k-images-idx3-ubyte(.gz)} etc. in {@code dir}. */
  public static ArrayDataset test(Path dir) throws IOException {
    return read(dir, "t10k");
  }

  private static ArrayDataset read(Path dir, String part) throws IOException {
    Path images = require(dir, part + "-images-idx3-ubyte");
    Path labels = require(dir, part + "-labels-idx1-ubyte");
    return Idx.read(images, labels, CLASS_NAMES);
  }

  private static Path require(Path dir, String name) throws FileNotFoundException {
    Path file = find(dir, name);
    if (file == null) {
      throw new FileNotFoundException(
          String.format(
              "Fashion-MNIST file %s(.gz) not found in %s. Install the data set with%n"
                  + "  sudo apt-get install -y dataset-fashion-mnist%n"
                  + "(it puts the four files in %s), or download them from%n"
                  + "  https://github.com/zalandoresearch/fashion-mnist%n"
                  + "and pass their directory to FashionMnist.load(dir).",
              name, dir, DEFAULT_DIR));
    }
    return file;
  }

  private static Path find(Path dir, String name) {
    for (String candidate : new String[] {name + ".gz", name}) {
      Path file = dir.resolve(candidate);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    return null;
  }
}

package dev.jconv.examples;

import dev.jconv.data.ArrayDataset;
import dev.jconv.data.FashionMnist;
import java.io.IOException;
import java.nio.file.Path;

/** Loads Fashion-MNIST for the augmentation examples, or says how to install it and exits. */
final class FashionData {
  private FashionData() {}

  /** The train and test parts from {@code dir}; exits with status 2 when the files are missing. */
  static FashionMnist.TrainTest loadOrExit(Path dir) throws IOException {
    if (!FashionMnist.isAvailable(dir)) {
      System.err.println(
          "Fashion-MNIST is not installed in "
              + dir
              + ".\nInstall it with:  sudo apt-get install -y dataset-fashion-mnist"
              + "\n(or pass --dir DIR with the four IDX files)");
      System.exit(2);
    }
    return FashionMnist.load(dir);
  }

  /**
   * The first {@code perClass} examples of each class, except {@code keep} of class {@code cut}.
   */
  static ArrayDataset perClass(ArrayDataset data, int perClass, int cut, int keep) {
    int classes = data.classes();
    int[] taken = new int[classes];
    int size = data.exampleSize();
    float[] x = new float[data.size() * size];
    int[] labels = new int[data.size()];
    int n = 0;
    for (int i = 0; i < data.size(); i++) {
      int k = data.label(i);
      if (taken[k] < (k == cut ? keep : perClass)) {
        taken[k]++;
        data.copyExample(i, x, n * size);
        labels[n++] = k;
      }
    }
    return new ArrayDataset(
        java.util.Arrays.copyOf(x, n * size),
        java.util.Arrays.copyOf(labels, n),
        data.shape(),
        data.classNames());
  }

  /** Mean seconds of the epochs after the first (JIT warm-up), or the only epoch's. */
  static double secondsPerEpoch(dev.jconv.train.History history) {
    var epochs = history.epochs();
    double sum = 0;
    for (int i = epochs.size() > 1 ? 1 : 0; i < epochs.size(); i++) {
      sum += epochs.get(i).seconds();
    }
    return sum / (epochs.size() > 1 ? epochs.size() - 1 : 1);
  }

  /** The value of {@code --name} in {@code args}, or {@code fallback}. */
  static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--" + name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}

package dev.jconv.examples;

import dev.jconv.data.ArrayDataset;
import dev.jconv.data.FashionMnist;
import dev.jconv.train.Adam;
import dev.jconv.train.EpochLogs;
import dev.jconv.train.History;
import dev.jconv.train.Trainer;
import dev.jconv.transfer.LayerGroup;
import dev.jconv.transfer.TransferReport;
import dev.jconv.transfer.WeightTransfer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Transfer learning on real Fashion-MNIST: trains {@link FashionBaseNet} on classes 0-4, then
 * learns classes 5-9 from about 100 images per class with {@link FashionTransferNet} (a) from
 * scratch, (b) on the base's frozen extractor with a new head, and (c) fine-tuned from (b) with a
 * lower rate, and (d) classifies by the nearest class mean of the base's features ({@code
 * base.features("features", data)}, no training); prints the four test accuracies and the seconds
 * per epoch of (a) and (b). Needs {@code apt-get install -y dataset-fashion-mnist}; run with {@code
 * ./mvnw -q -B -DskipTests package exec:exec -Ddemo.main=dev.jconv.examples.TransferLearning}.
 */
public final class TransferLearning {
  private int baseEpochs = 3;
  private int perClass = 100;
  private int epochs = 30;
  private int fineTuneEpochs = 15;
  private double fineTuneRate = 1e-4;
  private Path dir = FashionMnist.DEFAULT_DIR;

  private TransferLearning() {}

  /**
   * Runs the three trainings; {@code --base-epochs N} (3), {@code --per-class N} (100), {@code
   * --epochs N} (30), {@code --fine-tune-epochs N} (15), {@code --fine-tune-rate R} (1e-4), {@code
   * --dir DIR}.
   */
  public static void main(String[] args) throws IOException {
    TransferLearning run = new TransferLearning();
    run.parse(args);
    run.run();
  }

  private void parse(String[] args) {
    for (int i = 0; i + 1 < args.length; i += 2) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--base-epochs" -> baseEpochs = Integer.parseInt(value);
        case "--per-class" -> perClass = Integer.parseInt(value);
        case "--epochs" -> epochs = Integer.parseInt(value);
        case "--fine-tune-epochs" -> fineTuneEpochs = Integer.parseInt(value);
        case "--fine-tune-rate" -> fineTuneRate = Double.parseDouble(value);
        case "--dir" -> dir = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
  }

  private void run() throws IOException {
    if (!FashionMnist.isAvailable(dir)) {
      System.err.println(
          "Fashion-MNIST is not in "
              + dir
              + "; install it: apt-get install -y dataset-fashion-mnist");
      System.exit(2);
    }
    FashionMnist.TrainTest data = FashionMnist.load(dir);
    ArrayDataset baseTrain = ClassSubset.of(data.train(), 0, 5, Integer.MAX_VALUE, 0);
    ArrayDataset baseTest = ClassSubset.of(data.test(), 0, 5, Integer.MAX_VALUE, 0);
    ArrayDataset small = ClassSubset.of(data.train(), 5, 10, perClass, 7);
    ArrayDataset test = ClassSubset.of(data.test(), 5, 10, Integer.MAX_VALUE, 0);
    System.out.printf(
        Locale.ROOT,
        "Base: %,d training images of classes 0-4; new task: %,d training images of classes 5-9"
            + " (%d per class), %,d test images%n",
        baseTrain.size(),
        small.size(),
        perClass,
        test.size());
    FashionBaseNetModel base = trainBase(baseTrain, baseTest);
    Path baseWeights = Path.of("target", "fashion-base.safetensors");
    Files.createDirectories(baseWeights.getParent());
    base.save(baseWeights);

    System.out.println("\n(a) FashionTransferNet from scratch");
    FashionTransferNetModel scratch = new FashionTransferNetModel(2);
    History a = trainer(scratch, new Adam().learningRate(1e-3), epochs).fit(small);
    double accuracyA = Trainer.of(scratch).evaluate(test).accuracy();

    System.out.println("\n(b) the base's extractor, frozen, and a new head");
    FashionTransferNetModel model = new FashionTransferNetModel(2);
    TransferReport report = WeightTransfer.from(baseWeights).into(model);
    System.out.println(report);
    LayerGroup extractor = LayerGroup.upTo(model, "features").freeze();
    System.out.println(model.summary());
    Adam adam = new Adam().learningRate(1e-3);
    History b = trainer(model, adam, epochs).fit(small);
    double accuracyB = Trainer.of(model).evaluate(test).accuracy();

    System.out.printf(
        Locale.ROOT, "%n(c) fine-tuned: all layers, learning rate %.0e%n", fineTuneRate);
    extractor.unfreeze();
    adam.setLearningRate(fineTuneRate); // the same optimizer: the head keeps its moments
    trainer(model, adam, fineTuneEpochs).fit(small);
    double accuracyC = Trainer.of(model).evaluate(test).accuracy();
    double accuracyD = nearestMean(base, small, test);

    System.out.printf(
        Locale.ROOT,
        "%nClasses 5-9 from %d images per class, test accuracy on %,d images:%n"
            + "  (a) from scratch                  %.4f   %.2f s/epoch (median of %d)%n"
            + "  (b) frozen extractor + new head   %.4f   %.2f s/epoch (median of %d)%n"
            + "  (c) (b) fine-tuned at rate %.0e   %.4f%n"
            + "  (d) base features, nearest mean   %.4f%n",
        perClass,
        test.size(),
        accuracyA,
        medianSeconds(a),
        a.epochs().size(),
        accuracyB,
        medianSeconds(b),
        b.epochs().size(),
        fineTuneRate,
        accuracyC,
        accuracyD);
  }

  private FashionBaseNetModel trainBase(ArrayDataset train, ArrayDataset test) {
    System.out.println("\nBase network on classes 0-4");
    FashionBaseNetModel base = new FashionBaseNetModel(1);
    trainer(base, new Adam().learningRate(1e-3), baseEpochs).batchSize(64).fit(train);
    System.out.printf(
        Locale.ROOT,
        "Base test accuracy (classes 0-4): %.4f%n",
        Trainer.of(base).evaluate(test).accuracy());
    return base;
  }

  /**
   * (d): the base's 64 features per image ({@code base.features("features", data)}, the predict
   * kernels) and a nearest-class-mean classifier on them; prints the extraction rate.
   */
  private static double nearestMean(
      FashionBaseNetModel base, ArrayDataset train, ArrayDataset test) {
    System.out.println("\n(d) the base's features, nearest class mean (no training)");
    float[] trainFeatures = base.features("features", train);
    long start = System.nanoTime();
    float[] testFeatures = base.features("features", test);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%,d x %d features of the test images in %.2f s (%,.0f images/s)%n",
        test.size(),
        base.features.outputSize(),
        seconds,
        test.size() / seconds);
    int dim = base.features.outputSize();
    double[] means = classMeans(trainFeatures, train, dim);
    int correct = 0;
    for (int i = 0; i < test.size(); i++) {
      correct += nearest(testFeatures, i * dim, means, dim) == test.label(i) ? 1 : 0;
    }
    return (double) correct / test.size();
  }

  /** The mean feature vector of each class, {@code dim} values per class. */
  private static double[] classMeans(float[] features, ArrayDataset data, int dim) {
    int classes = data.classes();
    double[] means = new double[classes * dim];
    int[] counts = new int[classes];
    for (int i = 0; i < data.size(); i++) {
      int label = data.label(i);
      counts[label]++;
      for (int j = 0; j < dim; j++) {
        means[label * dim + j] += features[i * dim + j];
      }
    }
    for (int k = 0; k < classes * dim; k++) {
      means[k] /= Math.max(1, counts[k / dim]);
    }
    return means;
  }

  /** The class whose mean is nearest (Euclidean) to the feature vector at {@code f[fo...]}. */
  private static int nearest(float[] f, int fo, double[] means, int dim) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int k = 0; k < means.length / dim; k++) {
      double distance = 0;
      for (int j = 0; j < dim; j++) {
        double d = f[fo + j] - means[k * dim + j];
        distance += d * d;
      }
      if (distance < bestDistance) {
        bestDistance = distance;
        best = k;
      }
    }
    return best;
  }

  private static Trainer trainer(dev.jconv.Model model, Adam adam, int epochs) {
    return Trainer.of(model).optimizer(adam).batchSize(32).epochs(epochs).seed(3);
  }

  private static double medianSeconds(History history) {
    double[] s = history.epochs().stream().mapToDouble(EpochLogs::seconds).sorted().toArray();
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /** Picks examples of a range of classes, relabelled from 0. */
  static final class ClassSubset {
    private ClassSubset() {}

    /**
     * The first {@code perClass} examples of each class in {@code [from, to)} (all with {@link
     * Integer#MAX_VALUE}), skipping the first {@code skip} of each class, labels shifted down by
     * {@code from}.
     */
    static ArrayDataset of(ArrayDataset data, int from, int to, int perClass, int skip) {
      int size = data.exampleSize();
      int[] seen = new int[data.classes()];
      int[] picked = new int[data.size()];
      int n = 0;
      for (int i = 0; i < data.size(); i++) {
        int label = data.label(i);
        if (label >= from && label < to) {
          int rank = seen[label]++;
          if (rank >= skip && rank - skip < perClass) {
            picked[n++] = i;
          }
        }
      }
      float[] x = new float[n * size];
      int[] labels = new int[n];
      for (int k = 0; k < n; k++) {
        data.copyExample(picked[k], x, k * size);
        labels[k] = data.label(picked[k]) - from;
      }
      String[] names = Arrays.copyOfRange(data.classNames(), from, to);
      return new ArrayDataset(x, labels, data.shape(), names);
    }
  }
}

package dev.jconv.examples;

import dev.jconv.augment.ClassAugmentation;
import dev.jconv.augment.Flip;
import dev.jconv.augment.Pipeline;
import dev.jconv.augment.RandomCrop;
import dev.jconv.data.ArrayDataset;
import dev.jconv.data.FashionMnist;
import dev.jconv.train.Adam;
import dev.jconv.train.Evaluation;
import dev.jconv.train.Evaluator;
import dev.jconv.train.History;
import dev.jconv.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Class imbalance on Fashion-MNIST: one class cut to 10% of the others, then {@link
 * FashionSmallNet} trained three ways (as is; that class oversampled 10x; oversampled 10x through a
 * class-specific augmentation pipeline), printing that class's test recall for each. Run with
 * {@code ./mvnw -q -B -DskipTests package exec:exec -Ddemo.main=dev.jconv.examples.FashionImbalance
 * -Dexec.args="--class 2 --per-class 1500 --epochs 3"}.
 */
public final class FashionImbalance {
  /**
   * The minority class's augmentation: mirror and whole-pixel shifts only. A first run with
   * rotation, zoom, contrast and erasing made the minority images blurry and patched, the network
   * learnt those artefacts as the class's cue, and the class's recall fell to 0.008: transforms
   * applied to one class only must not leave a visible trace.
   */
  static final Pipeline MINORITY = Pipeline.of(Flip.horizontal(), RandomCrop.of(2));

  private FashionImbalance() {}

  /** {@code --class K --per-class N --keep F --epochs E --dir DIR}. */
  public static void main(String[] args) throws IOException {
    int cut = Integer.parseInt(FashionData.arg(args, "class", "2"));
    int perClass = Integer.parseInt(FashionData.arg(args, "per-class", "1500"));
    double keep = Double.parseDouble(FashionData.arg(args, "keep", "0.1"));
    int epochs = Integer.parseInt(FashionData.arg(args, "epochs", "3"));
    Path dir = Path.of(FashionData.arg(args, "dir", FashionMnist.DEFAULT_DIR.toString()));
    FashionMnist.TrainTest data = FashionData.loadOrExit(dir);
    int kept = (int) Math.round(keep * perClass);
    ArrayDataset train = FashionData.perClass(data.train(), perClass, cut, kept);
    String name = FashionMnist.CLASS_NAMES[cut];
    int factor = (int) Math.round(1 / keep);
    System.out.printf(
        Locale.ROOT,
        "%,d training images: %,d per class, %d of class %d (%s); %d epochs%n",
        train.size(),
        perClass,
        kept,
        cut,
        name,
        epochs);
    Path grid = Path.of("target/fashion-minority-grid.png");
    MINORITY.writeGrid(grid, FashionData.perClass(train, 0, cut, 8), 8, 7, 1);
    System.out.println("Minority augmentation grid: " + grid.toAbsolutePath());
    ClassAugmentation none = ClassAugmentation.of(Pipeline.identity());
    String[] names = {
      "as is",
      "class " + cut + " oversampled " + factor + "x",
      "oversampled + augmented " + factor + "x"
    };
    ClassAugmentation[] plans = {
      null, none.forClass(cut, Pipeline.identity(), factor), none.forClass(cut, MINORITY, factor),
    };
    double[][] rows = new double[plans.length][];
    for (int i = 0; i < plans.length; i++) {
      System.out.println("\nTraining " + names[i]);
      rows[i] = run(train, data.test(), plans[i], cut, epochs);
    }
    System.out.printf(
        Locale.ROOT,
        "%n%-32s %12s %10s %9s%n",
        "training",
        "recall " + cut,
        "test acc",
        "s/epoch*");
    for (int i = 0; i < rows.length; i++) {
      System.out.printf(
          Locale.ROOT, "%-32s %12.4f %10.4f %9.1f%n", names[i], rows[i][0], rows[i][1], rows[i][2]);
    }
    System.out.println("* mean over the epochs after the first (which includes JIT warm-up)");
  }

  /** Recall of class {@code k}, test accuracy and seconds per epoch. */
  private static double[] run(
      ArrayDataset train, ArrayDataset test, ClassAugmentation plan, int k, int epochs) {
    FashionSmallNetModel model = new FashionSmallNetModel(1);
    Trainer trainer =
        Trainer.of(model)
            .optimizer(new Adam().learningRate(1e-3))
            .batchSize(64)
            .epochs(epochs)
            .seed(1);
    if (plan != null) {
      trainer.augment(plan);
    }
    History history = trainer.fit(train);
    double seconds = FashionData.secondsPerEpoch(history);
    Evaluation e = Evaluator.evaluate(model, test);
    int[] row = e.confusion()[k];
    int total = 0;
    for (int v : row) {
      total += v;
    }
    System.out.println("  test: " + e);
    return new double[] {(double) row[k] / total, e.accuracy(), seconds};
  }
}

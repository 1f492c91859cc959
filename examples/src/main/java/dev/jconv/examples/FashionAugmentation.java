package dev.jconv.examples;

import dev.jconv.Model;
import dev.jconv.augment.Flip;
import dev.jconv.augment.Pipeline;
import dev.jconv.augment.RandomCrop;
import dev.jconv.augment.TestTimeAugmentation;
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
 * Trains {@link FashionSmallNet} on Fashion-MNIST twice, without and with on-the-fly augmentation,
 * and evaluates each without and with test-time augmentation: four test accuracies and the seconds
 * per epoch side by side. Also writes a PNG grid of the augmentation. Run with {@code ./mvnw -q -B
 * -DskipTests package exec:exec -Ddemo.main=dev.jconv.examples.FashionAugmentation
 * -Dexec.args="--epochs 4 --train 30000 --copies 6"}.
 */
public final class FashionAugmentation {
  /** The usual Fashion-MNIST recipe: mirror, and pad by 2 pixels and crop at random. */
  static final Pipeline TRAIN = Pipeline.of(Flip.horizontal(), RandomCrop.of(2));

  /**
   * The test-time copies: mirrored, and shifted by a whole pixel (exact copies; a bilinear
   * sub-pixel shift blurs the images and cost accuracy in a first run).
   */
  static final Pipeline TEST = Pipeline.of(Flip.horizontal(), RandomCrop.of(1));

  private FashionAugmentation() {}

  /** {@code --epochs E --train N --copies K --dir DIR}. */
  public static void main(String[] args) throws IOException {
    int epochs = Integer.parseInt(FashionData.arg(args, "epochs", "4"));
    int n = Integer.parseInt(FashionData.arg(args, "train", "30000"));
    int copies = Integer.parseInt(FashionData.arg(args, "copies", "6"));
    Path dir = Path.of(FashionData.arg(args, "dir", FashionMnist.DEFAULT_DIR.toString()));
    FashionMnist.TrainTest data = FashionData.loadOrExit(dir);
    ArrayDataset train = FashionData.perClass(data.train(), n / 10, -1, 0);
    ArrayDataset test = data.test();
    Path grid = Path.of("target/fashion-augmentation-grid.png");
    TRAIN.writeGrid(grid, train, 8, 7, 1);
    System.out.println("Augmentation grid (originals left): " + grid.toAbsolutePath());
    System.out.printf(
        Locale.ROOT,
        "%,d training images, %,d test images, %d epochs%n",
        train.size(),
        test.size(),
        epochs);
    Row plain = run("no augmentation", null, train, test, epochs, copies);
    Row augmented = run("augmentation", TRAIN, train, test, epochs, copies);
    System.out.printf(
        Locale.ROOT,
        "%n%-18s %10s %14s %10s %12s%n",
        "training",
        "test acc",
        "test acc TTA" + copies,
        "s/epoch*",
        "TTA eval s");
    for (Row r : new Row[] {plain, augmented}) {
      System.out.printf(
          Locale.ROOT,
          "%-18s %10.4f %14.4f %10.1f %12.1f%n",
          r.name,
          r.accuracy,
          r.ttaAccuracy,
          r.secondsPerEpoch,
          r.ttaSeconds);
    }
    System.out.println("* mean over the epochs after the first (which includes JIT warm-up)");
  }

  private record Row(
      String name,
      double accuracy,
      double ttaAccuracy,
      double secondsPerEpoch,
      double ttaSeconds) {}

  private static Row run(
      String name,
      Pipeline pipeline,
      ArrayDataset train,
      ArrayDataset test,
      int epochs,
      int copies) {
    System.out.println("\nTraining with " + name);
    FashionSmallNetModel model = new FashionSmallNetModel(1);
    Trainer trainer =
        Trainer.of(model)
            .optimizer(new Adam().learningRate(1e-3))
            .batchSize(64)
            .epochs(epochs)
            .seed(1);
    if (pipeline != null) {
      trainer.augment(pipeline);
    }
    History history = trainer.fit(train);
    double seconds = FashionData.secondsPerEpoch(history);
    Evaluation plain = Evaluator.evaluate(model, test);
    Model tta = TestTimeAugmentation.of(model, TEST, copies, 7);
    long start = System.nanoTime();
    Evaluation withTta = Evaluator.evaluate(tta, test);
    double ttaSeconds = (System.nanoTime() - start) / 1e9;
    System.out.println("  test: " + plain + "\n  TTA:  " + withTta);
    return new Row(name, plain.accuracy(), withTta.accuracy(), seconds, ttaSeconds);
  }
}

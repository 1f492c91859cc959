package dev.jconv.examples;

import dev.jconv.Model;
import dev.jconv.augment.Flip;
import dev.jconv.augment.Pipeline;
import dev.jconv.augment.TestTimeAugmentation;
import dev.jconv.data.ArrayDataset;
import dev.jconv.data.Dataset;
import dev.jconv.data.Shapes;
import dev.jconv.parallel.Parallel;
import dev.jconv.train.Adam;
import dev.jconv.train.EarlyStopping;
import dev.jconv.train.Evaluation;
import dev.jconv.train.Evaluator;
import dev.jconv.train.History;
import dev.jconv.train.LearningRateSchedule;
import dev.jconv.train.Metrics;
import dev.jconv.train.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The README's first command, needing no download: trains the seed network {@link SeedNet} on
 * generated images of five coloured shapes, reports validation accuracy per epoch, saves the
 * weights, reloads them into a fresh model, classifies held-back images and writes a PNG of some of
 * them with their predicted labels. Training images are flipped and turned at random (the grid of
 * samples shows how), and the held-back images are also classified with test-time augmentation.
 *
 * <p>Arguments (all optional; through Maven: {@code -Ddemo.args="--epochs 2 --train 1000"}): {@code
 * --epochs N}, {@code --train N} (training images), {@code --test N} (held-back images), {@code
 * --batch N}, {@code --lr RATE} (Adam's peak rate), {@code --warmup STEPS} (linear warm-up), {@code
 * --final-lr FRACTION} (where the cosine decay ends, as a fraction of the peak), {@code --keep-best
 * true|false} (keep the weights of the epoch with the lowest validation loss), {@code --seed N}
 * (the initial weights), {@code --out FILE} (the weights), {@code --png FILE} (the sample sheet),
 * {@code --augment true|false}, {@code --tta COPIES} (1: none), {@code --grid FILE} (the
 * augmentation samples).
 *
 * <p>The defaults (16 epochs of 7,600 images, Adam 2e-3 with 100 warm-up steps and cosine decay,
 * batch 32) are the shortest of the settings tried that reached 0.95 on held-back images with a
 * margin; see {@code benchmarks/AUGMENTATION.md}. The seed network's loss sits at ln 5 (chance) for
 * one to several epochs before it starts learning (its two Dropout(0.5) layers on 64 and 16 units
 * make the early gradient mostly noise), and how long varies from seed to seed: the epochs after
 * that are what the budget pays for.
 */
public final class Demo {
  /** The demo's augmentation, in training and at test time: the symmetries of the square. */
  private static final Pipeline SYMMETRIES = Pipeline.of(Flip.both(), new DemoQuarterTurns());

  private Demo() {}

  /** Runs the demo. */
  public static void main(String[] args) throws IOException {
    DemoOptions o = DemoOptions.parse(args);
    long start = System.nanoTime();
    SeedNetModel model = new SeedNetModel(o.seed());
    System.out.println(model.summary());
    System.out.printf(
        Locale.ROOT,
        "Generating %,d training and %,d held-back images of %s (64x64 RGB)...%n",
        o.train(),
        o.test(),
        String.join(", ", Shapes.CLASS_NAMES));
    ArrayDataset testImages = Shapes.generate(o.test(), 2);
    Dataset train = Standardize.perImage(Shapes.generate(o.train(), 1));
    Dataset test = Standardize.perImage(testImages);
    System.out.printf(Locale.ROOT, "Training on %d threads%n", Parallel.threads());

    int steps = o.epochs() * ((train.size() + o.batch() - 1) / o.batch());
    Trainer trainer =
        Trainer.of(model)
            .optimizer(new Adam().learningRate(o.learningRate()))
            .schedule(
                LearningRateSchedule.cosine(steps, o.finalRate())
                    .withWarmUp(Math.min(o.warmUp(), steps)))
            .batchSize(o.batch())
            .epochs(o.epochs())
            .validationSplit(0.05)
            .seed(11);
    if (o.augment()) {
      showAugmentation(o.grid());
      trainer.augment(SYMMETRIES);
    }
    // Keras's EarlyStopping with patience = epochs: it never stops, it only keeps the best weights.
    boolean keepBest = o.keepBest() && Math.round(0.05 * train.size()) >= 1;
    if (keepBest) {
      trainer.callback(new EarlyStopping("val_loss", o.epochs(), 0, true));
    }
    History history = trainer.fit(train);
    double[] valLoss = history.metric("val_loss");
    double[] valAccuracy = history.metric("val_accuracy");
    int kept = keepBest ? argmin(valLoss) : valLoss.length - 1;
    if (Double.isNaN(valLoss[kept])) {
      System.out.printf(Locale.ROOT, "Final weights: epoch %d (no validation images)%n", kept + 1);
    } else {
      System.out.printf(
          Locale.ROOT,
          "%s weights: epoch %d, val_loss %.4f - val_acc %.4f%n",
          keepBest ? "Kept the best (lowest val_loss)" : "Final",
          kept + 1,
          valLoss[kept],
          valAccuracy[kept]);
    }

    Files.createDirectories(o.out().toAbsolutePath().getParent());
    model.save(o.out());
    Path labels = Classify.labelsFileFor(o.out());
    Files.write(labels, List.of(Shapes.CLASS_NAMES));
    System.out.printf(
        Locale.ROOT,
        "Saved the weights to %s (%,d bytes) and the class names to %s%n",
        o.out(),
        Files.size(o.out()),
        labels);

    Model reloaded = new SeedNetModel(o.seed() + 1);
    reloaded.load(o.out());
    Model classifier = evaluate(reloaded, test, o.tta());
    List<PredictionSheet.Entry> shown = predictions(classifier, testImages, test, 24);
    printPredictions(shown.subList(0, Math.min(8, shown.size())));
    PredictionSheet.write(o.png(), shown, Shapes.SIZE, Shapes.SIZE, 8);
    System.out.printf(
        Locale.ROOT,
        "Wrote %d held-back images with their predicted labels to %s%n",
        shown.size(),
        o.png());
    System.out.printf(Locale.ROOT, "Done in %.0f s%n", (System.nanoTime() - start) / 1e9);
  }

  /**
   * Writes the grid of original and augmented training images and says so. Flips and quarter turns
   * keep every shape's class (the shapes are drawn at random angles, so a mirrored or turned image
   * is as likely as the original), and they move pixels without resampling.
   */
  private static void showAugmentation(Path grid) throws IOException {
    Path parent = grid.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    SYMMETRIES.writeGrid(grid, Shapes.generate(40, 3), 8, 5, 1);
    System.out.printf(
        Locale.ROOT,
        "Augmentation: random flips and quarter turns per training image; samples (original, then 5"
            + " augmented copies) in %s%n",
        grid);
  }

  /**
   * Evaluates {@code model} on the held-back images, as it is and, with {@code copies > 1}, with
   * test-time augmentation (the mean prediction over the image and augmented copies); returns the
   * classifier used for the predictions shown.
   */
  private static Model evaluate(Model model, Dataset test, int copies) {
    Evaluation plain = Trainer.of(model).evaluate(test);
    System.out.printf(
        Locale.ROOT,
        "Reloaded model on %d held-back images: accuracy %.4f - loss %.4f%n",
        test.size(),
        plain.accuracy(),
        plain.loss());
    if (copies < 2) {
      return model;
    }
    Model tta = TestTimeAugmentation.of(model, SYMMETRIES, copies, 1);
    Evaluation averaged = Evaluator.evaluate(tta, test);
    System.out.printf(
        Locale.ROOT,
        "With test-time augmentation (mean over the image and %d flipped or turned copies): accuracy %.4f -"
            + " loss %.4f%n",
        copies - 1,
        averaged.accuracy(),
        averaged.loss());
    return tta;
  }

  /** The first {@code count} held-back images with the model's prediction. */
  private static List<PredictionSheet.Entry> predictions(
      Model model, Dataset raw, Dataset normalized, int count) {
    List<PredictionSheet.Entry> entries = new ArrayList<>();
    float[] x = new float[model.inputSize()];
    for (int i = 0; i < Math.min(count, raw.size()); i++) {
      normalized.copyExample(i, x, 0);
      float[] p = model.predict(x);
      int predicted = Metrics.argmax(p, 0, p.length);
      float[] image = new float[raw.exampleSize()];
      raw.copyExample(i, image, 0);
      entries.add(
          new PredictionSheet.Entry(
              image,
              Shapes.CLASS_NAMES[predicted],
              Shapes.CLASS_NAMES[raw.label(i)],
              p[predicted]));
    }
    return entries;
  }

  private static void printPredictions(List<PredictionSheet.Entry> entries) {
    System.out.println("  predicted    true         confidence");
    for (PredictionSheet.Entry e : entries) {
      System.out.printf(
          Locale.ROOT,
          "  %-12s %-12s %.3f%s%n",
          e.predicted(),
          e.truth(),
          e.confidence(),
          e.predicted().equals(e.truth()) ? "" : "   <- wrong");
    }
  }

  /** The index of the first smallest value, as {@link EarlyStopping} keeps it. */
  private static int argmin(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] < values[best]) {
        best = i;
      }
    }
    return best;
  }
}

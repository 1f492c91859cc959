package dev.jconv.examples;

import dev.jconv.Model;
import dev.jconv.data.ArrayDataset;
import dev.jconv.data.Datasets;
import dev.jconv.data.Shapes;
import dev.jconv.parallel.Parallel;
import dev.jconv.train.Adam;
import dev.jconv.train.Evaluation;
import dev.jconv.train.History;
import dev.jconv.train.Metrics;
import dev.jconv.train.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The README's first command, needing no download: trains the seed network {@link PatchNet} on
 * generated images of five coloured shapes, reports validation accuracy per epoch, saves the
 * weights, reloads them into a fresh model and classifies a few held-back images.
 *
 * <p>Arguments (all optional): {@code --epochs N} (default 15), {@code --train N} (images, default
 * 6000), {@code --out FILE} (default {@code target/patchnet.safetensors}).
 */
public final class Demo {
  private Demo() {}

  /** Runs the demo. */
  public static void main(String[] args) throws IOException {
    int epochs = intArg(args, "--epochs", 15);
    int trainSize = intArg(args, "--train", 6000);
    Path out = Path.of(stringArg(args, "--out", "target/patchnet.safetensors"));

    PatchNetModel model = new PatchNetModel(7);
    System.out.println(model.summary());
    System.out.printf(
        Locale.ROOT,
        "Generating %,d training and 200 test images of %s (64x64 RGB)...%n",
        trainSize,
        String.join(", ", Shapes.CLASS_NAMES));
    ArrayDataset train = Shapes.generate(trainSize, 1);
    ArrayDataset test = Shapes.generate(200, 2);
    System.out.printf(Locale.ROOT, "Training on %d threads%n", Parallel.threads());

    History history =
        Trainer.of(model)
            .optimizer(new Adam().learningRate(2e-3))
            .batchSize(32)
            .epochs(epochs)
            .validationSplit(0.1)
            .seed(11)
            .fit(train);
    System.out.printf(
        Locale.ROOT, "Best validation accuracy: %.3f%n", max(history.metric("val_accuracy")));

    Files.createDirectories(out.toAbsolutePath().getParent());
    model.save(out);
    System.out.printf(Locale.ROOT, "Saved the weights to %s (%,d bytes)%n", out, Files.size(out));

    Model reloaded = new PatchNetModel(99);
    reloaded.load(out);
    Evaluation evaluation = Trainer.of(reloaded).evaluate(test);
    System.out.println("Reloaded model on 200 held-back images: " + evaluation);
    showPredictions(reloaded, Datasets.range(test, 0, 10));
  }

  private static void showPredictions(Model model, dev.jconv.data.Dataset data) {
    float[] x = new float[model.inputSize()];
    System.out.println("  predicted    true         confidence");
    for (int i = 0; i < data.size(); i++) {
      data.copyExample(i, x, 0);
      float[] p = model.predict(x);
      int predicted = Metrics.argmax(p, 0, p.length);
      int truth = data.label(i);
      System.out.printf(
          Locale.ROOT,
          "  %-12s %-12s %.3f %s%n",
          Shapes.CLASS_NAMES[predicted],
          Shapes.CLASS_NAMES[truth],
          p[predicted],
          predicted == truth ? "" : "  <- wrong");
    }
  }

  private static double max(double[] values) {
    double best = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      best = Math.max(best, v);
    }
    return best;
  }

  private static int intArg(String[] args, String name, int fallback) {
    String v = stringArg(args, name, null);
    return v == null ? fallback : Integer.parseInt(v);
  }

  private static String stringArg(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}

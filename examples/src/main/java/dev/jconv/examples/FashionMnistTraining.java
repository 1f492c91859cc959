package dev.jconv.examples;

import dev.jconv.data.ArrayDataset;
import dev.jconv.data.FashionMnist;
import dev.jconv.parallel.Parallel;
import dev.jconv.train.Adam;
import dev.jconv.train.EpochLogs;
import dev.jconv.train.Evaluation;
import dev.jconv.train.History;
import dev.jconv.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Trains the TensorFlow tutorial network ({@link FashionTutorialNet}) on the real Fashion-MNIST
 * files and reports test accuracy (published: 0.916) and seconds per epoch. Needs {@code apt-get
 * install -y dataset-fashion-mnist}; run with {@code ./mvnw -q -B -DskipTests package exec:exec
 * -Ddemo.main=dev.jconv.examples.FashionMnistTraining -Dexec.args="--epochs 10"}.
 */
public final class FashionMnistTraining {
  private FashionMnistTraining() {}

  /**
   * Trains and evaluates; {@code --epochs N} (default 10), {@code --dir DIR}, {@code --threads N}
   * (default: the available processors). Resumes from {@code target/fashion-checkpoint.safetensors}
   * when it exists: delete it to time a fresh epoch.
   */
  public static void main(String[] args) throws IOException {
    int epochs = 10;
    Path dir = FashionMnist.DEFAULT_DIR;
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (args[i].equals("--epochs")) {
        epochs = Integer.parseInt(args[i + 1]);
      } else if (args[i].equals("--dir")) {
        dir = Path.of(args[i + 1]);
      } else if (args[i].equals("--threads")) {
        Parallel.setThreads(Integer.parseInt(args[i + 1]));
      }
    }
    FashionMnist.TrainTest data = FashionMnist.load(dir);
    ArrayDataset train = data.train();
    ArrayDataset test = data.test();
    FashionTutorialNetModel model = new FashionTutorialNetModel(1);
    System.out.println(model.summary());
    History history =
        Trainer.of(model)
            .optimizer(new Adam().learningRate(1e-3))
            .batchSize(64)
            .epochs(epochs)
            .validationData(test)
            .seed(1)
            .checkpoint(Path.of("target/fashion-checkpoint.safetensors"))
            .fit(train);
    for (EpochLogs e : history.epochs()) {
      System.out.printf(
          Locale.ROOT,
          "epoch %2d: %.1f s, loss %.4f, test accuracy %.4f%n",
          e.epoch() + 1,
          e.seconds(),
          e.loss(),
          e.valAccuracy());
    }
    Evaluation evaluation = Trainer.of(model).evaluate(test);
    System.out.println("Test: " + evaluation + " (published for this network: 0.916)");
  }
}

package dev.jconv.examples;

import dev.jconv.data.Normalization;
import dev.jconv.io.SafeTensorsException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The {@code classify} command: a weights file, a network class and images or folders in, a table
 * of the top-k labels and probabilities out.
 *
 * <pre>
 * classify --weights target/seednet.safetensors --network SeedNet [--top 3]
 *          [--labels FILE] [--per-image | --mean M --std S] IMAGE_OR_FOLDER...
 * </pre>
 *
 * <p>Exit codes: 0 all classified, 2 bad usage, 3 a missing file, 4 an input that is not an image
 * (the others are still classified), 5 a weights file that is not this network's.
 */
public final class Classify {
  static final int OK = 0;
  static final int USAGE = 2;
  static final int MISSING = 3;
  static final int NOT_AN_IMAGE = 4;
  static final int WRONG_WEIGHTS = 5;

  private Classify() {}

  /** Runs the command and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** The labels file the demo writes beside {@code weights}: {@code x.safetensors -> x.labels}. */
  static Path labelsFileFor(Path weights) {
    String name = weights.getFileName().toString().replaceFirst("\\.safetensors$", "");
    return weights.resolveSibling(name + ".labels");
  }

  /** Runs the command, printing the table to {@code out} and problems to {@code err}. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    ClassifyOptions o;
    try {
      o = ClassifyOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("classify: " + e.getMessage());
      err.println(ClassifyOptions.USAGE);
      return USAGE;
    }
    Classifier classifier;
    try {
      classifier = Classifier.load(o.network(), o.weights(), labels(o), preprocessing(o));
    } catch (NoSuchFileException e) {
      err.println("classify: " + e.getFile() + ": no such file");
      return MISSING;
    } catch (SafeTensorsException e) {
      err.println("classify: " + o.weights() + ": " + e.getMessage());
      return WRONG_WEIGHTS;
    } catch (IOException | IllegalArgumentException e) {
      err.println("classify: " + e.getMessage());
      return USAGE;
    }
    return classifyAll(classifier, o, out, err);
  }

  private static int classifyAll(
      Classifier classifier, ClassifyOptions o, PrintStream out, PrintStream err) {
    int status = OK;
    List<Path> images = new ArrayList<>();
    for (Path p : o.inputs()) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> files = Files.walk(p)) {
          files.filter(Files::isRegularFile).sorted().forEach(images::add);
        } catch (IOException e) {
          err.println("classify: " + p + ": " + e.getMessage());
          status = Math.max(status, MISSING);
        }
      } else if (Files.isRegularFile(p)) {
        images.add(p);
      } else {
        err.println("classify: " + p + ": no such file");
        status = Math.max(status, MISSING);
      }
    }
    int width = 5;
    for (Path p : images) {
      width = Math.max(width, p.toString().length());
    }
    printHeader(out, width, o.top());
    for (Path p : images) {
      try {
        float[] x = classifier.input(Files.readAllBytes(p));
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", p));
        for (Classifier.Prediction q : classifier.top(x, o.top())) {
          row.append(String.format(Locale.ROOT, "  %-12s %6.4f", q.label(), q.probability()));
        }
        out.println(row);
      } catch (Classifier.BadInputException e) {
        err.println("classify: " + p + ": " + e.getMessage());
        status = status == OK ? NOT_AN_IMAGE : status;
      } catch (IOException e) {
        err.println("classify: " + p + ": " + e.getMessage());
        status = Math.max(status, MISSING);
      }
    }
    return status;
  }

  private static void printHeader(PrintStream out, int width, int top) {
    StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", "image"));
    for (int k = 1; k <= top; k++) {
      h.append(String.format(Locale.ROOT, "  %-12s %6s", "top-" + k, "p"));
    }
    out.println(h);
  }

  private static List<String> labels(ClassifyOptions o) throws IOException {
    Path file = o.labels() != null ? o.labels() : labelsFileFor(o.weights());
    if (o.labels() == null && !Files.exists(file)) {
      return null;
    }
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString());
    }
    return Files.readAllLines(file).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static Classifier.Preprocessing preprocessing(ClassifyOptions o) {
    if (o.perImage()) {
      return Classifier.Preprocessing.perImage();
    }
    if (o.mean() == null) {
      return Classifier.Preprocessing.none();
    }
    float[] mean = {o.mean(), o.mean(), o.mean()};
    float[] std = {o.std(), o.std(), o.std()};
    return Classifier.Preprocessing.of(Normalization.meanStd(mean, std));
  }
}

package dev.jconv.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The options of {@link Classify}. */
record ClassifyOptions(
    Path weights,
    String network,
    Path labels,
    int top,
    boolean perImage,
    Float mean,
    Float std,
    List<Path> inputs) {
  static final String USAGE =
      "usage: classify --weights FILE --network NAME [--top K] [--labels FILE]"
          + " [--per-image | --mean M --std S] IMAGE_OR_FOLDER...";

  /** Parses the arguments; a missing or unknown option is an {@link IllegalArgumentException}. */
  static ClassifyOptions parse(String[] args) {
    Path weights = null;
    String network = null;
    Path labels = null;
    int top = 3;
    boolean perImage = false;
    Float mean = null;
    Float std = null;
    List<Path> inputs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        inputs.add(Path.of(a));
        continue;
      }
      if (a.equals("--per-image")) {
        perImage = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(a + " needs a value");
      }
      String v = args[++i];
      switch (a) {
        case "--weights" -> weights = Path.of(v);
        case "--network" -> network = v;
        case "--labels" -> labels = Path.of(v);
        case "--top" -> top = Integer.parseInt(v);
        case "--mean" -> mean = Float.parseFloat(v);
        case "--std" -> std = Float.parseFloat(v);
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    if (weights == null || network == null) {
      throw new IllegalArgumentException("--weights and --network are required");
    }
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no images or folders given");
    }
    if (top < 1) {
      throw new IllegalArgumentException("--top must be at least 1, got " + top);
    }
    if ((mean == null) != (std == null)) {
      throw new IllegalArgumentException("--mean and --std go together");
    }
    if (perImage && mean != null) {
      throw new IllegalArgumentException("--per-image and --mean/--std exclude each other");
    }
    return new ClassifyOptions(
        weights, network, labels, top, perImage, mean, std, List.copyOf(inputs));
  }
}

package dev.jconv.examples;

import java.nio.file.Path;

/** The demo's command-line options, with defaults that reach the README's accuracy. */
record DemoOptions(
    int epochs,
    int train,
    int test,
    int batch,
    double learningRate,
    int warmUp,
    double finalRate,
    boolean keepBest,
    long seed,
    Path out,
    Path png,
    boolean augment,
    int tta,
    Path grid) {
  static final String USAGE =
      "options: --epochs N, --train N, --test N, --batch N, --lr RATE, --warmup STEPS,"
          + " --final-lr FRACTION, --keep-best true|false, --seed N, --out FILE, --png FILE,"
          + " --augment true|false, --tta COPIES (1: none), --grid FILE";

  /** Parses {@code --name value} pairs; an unknown name or a bad number is an error. */
  static DemoOptions parse(String[] args) {
    int epochs = 16;
    int train = 8000;
    int test = 1000;
    int batch = 32;
    double lr = 2e-3;
    int warmUp = 100;
    double finalRate = 0.05;
    boolean keepBest = true;
    long seed = 7;
    Path out = Path.of("target/seednet.safetensors");
    Path png = Path.of("target/seednet-predictions.png");
    boolean augment = true;
    int tta = 8;
    Path grid = Path.of("target/seednet-augmentation.png");
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException(
          "option " + args[args.length - 1] + " needs a value; " + USAGE);
    }
    for (int i = 0; i < args.length; i += 2) {
      String v = args[i + 1];
      switch (args[i]) {
        case "--epochs" -> epochs = positive(args[i], v);
        case "--train" -> train = positive(args[i], v);
        case "--test" -> test = positive(args[i], v);
        case "--batch" -> batch = positive(args[i], v);
        case "--lr" -> lr = Double.parseDouble(v);
        case "--warmup" -> warmUp = positive(args[i], v);
        case "--final-lr" -> finalRate = fraction(args[i], v);
        case "--keep-best" -> keepBest = bool(args[i], v);
        case "--seed" -> seed = Long.parseLong(v);
        case "--out" -> out = Path.of(v);
        case "--png" -> png = Path.of(v);
        case "--augment" -> augment = bool(args[i], v);
        case "--tta" -> tta = positive(args[i], v);
        case "--grid" -> grid = Path.of(v);
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
      }
    }
    return new DemoOptions(
        epochs, train, test, batch, lr, warmUp, finalRate, keepBest, seed, out, png, augment, tta,
        grid);
  }

  private static boolean bool(String name, String value) {
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(name + " needs true or false, got " + value);
    }
    return value.equals("true");
  }

  private static double fraction(String name, String value) {
    double f;
    try {
      f = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a number, got " + value, e);
    }
    if (!(f >= 0 && f <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
    }
    return f;
  }

  private static int positive(String name, String value) {
    int n;
    try {
      n = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a whole number, got " + value, e);
    }
    if (n < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + n);
    }
    return n;
  }
}

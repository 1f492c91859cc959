package dev.jconv.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The harness's command line: {@code --name value} pairs and flags, with their defaults. */
final class Options {
  List<String> nets = List.of("SeedNet", "FashionTutorialNet", "FashionNet", "ResNet20");
  int[] threads = {1, 2};
  int batch = 64;
  int rounds = 7;
  long roundMillis = 300;

  /**
   * Warm-up per network and engine, split over latency, batch and training calls: jconv compiles
   * one set of kernels per layer, and a kernel still interpreted or in C1 boxes its vectors (100x
   * slower); ResNet-20's batch inference took about 8 CPU-seconds to reach its steady speed
   * (benchmarks/INFERENCE.md), more than the 2 s this was.
   */
  long warmMillis = 9000;

  Path out;
  Path ceiling;
  String label = "java" + Runtime.version().feature();
  boolean torch = true;
  boolean layers = true;

  static Options parse(String[] args) {
    Options o = new Options();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--no-torch" -> o.torch = false;
        case "--no-layers" -> o.layers = false;
        case "--nets" -> o.nets = List.of(value(args, ++i, a).split(","));
        case "--threads" -> o.threads = ints(value(args, ++i, a));
        case "--batch" -> o.batch = Integer.parseInt(value(args, ++i, a));
        case "--rounds" -> o.rounds = Integer.parseInt(value(args, ++i, a));
        case "--round-ms" -> o.roundMillis = Long.parseLong(value(args, ++i, a));
        case "--warm-ms" -> o.warmMillis = Long.parseLong(value(args, ++i, a));
        case "--out" -> o.out = Path.of(value(args, ++i, a));
        case "--ceiling" -> o.ceiling = Path.of(value(args, ++i, a));
        case "--label" -> o.label = value(args, ++i, a);
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + a
                    + "; expected --nets A,B --threads 1,2 --batch N --rounds N --round-ms N"
                    + " --warm-ms N --out FILE --ceiling FILE --label NAME --no-torch --no-layers");
      }
    }
    if (o.rounds < 1 || o.batch < 1 || o.roundMillis < 1) {
      throw new IllegalArgumentException("--rounds, --batch and --round-ms must be at least 1");
    }
    return o;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int[] ints(String csv) {
    List<Integer> list = new ArrayList<>();
    for (String s : csv.split(",")) {
      list.add(Integer.parseInt(s.trim()));
    }
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}

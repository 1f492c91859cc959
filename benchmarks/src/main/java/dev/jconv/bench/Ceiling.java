package dev.jconv.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The FMA ceiling that {@link FmaCeiling} wrote, per thread count: the best round, since a ceiling
 * is what the machine can do, not what a busy machine did on average.
 */
final class Ceiling {
  private final Map<Integer, Double> gflops = new TreeMap<>();

  private Ceiling() {}

  static Ceiling read(Path file) throws IOException {
    Ceiling c = new Ceiling();
    if (file == null) {
      return c;
    }
    for (String line : Files.readAllLines(file)) {
      String[] f = line.split("\t");
      if (f.length >= 8 && f[0].equals("ceiling")) {
        c.gflops.put(Integer.parseInt(f[3]), Double.parseDouble(f[7]));
      }
    }
    return c;
  }

  /** GFLOP/s on {@code threads} threads, NaN when not measured. */
  double gflops(int threads) {
    return gflops.getOrDefault(threads, Double.NaN);
  }

  boolean known() {
    return !gflops.isEmpty();
  }

  @Override
  public String toString() {
    return gflops.toString();
  }
}

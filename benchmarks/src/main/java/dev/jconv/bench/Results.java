package dev.jconv.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The harness's output: readable lines on the console and, when a file is given, tab-separated rows
 * for {@code sidebyside_summary.py} ({@code # key<TAB>value} header lines, then {@code kind net
 * measurement threads engine median min max unit gflops share}).
 */
final class Results implements AutoCloseable {
  private final PrintStream file;

  Results(Path path) throws IOException {
    file =
        path == null
            ? null
            : new PrintStream(Files.newOutputStream(path), true, StandardCharsets.UTF_8);
  }

  /** A header fact: printed, and written as a comment row. */
  void fact(String key, String value) {
    System.out.println(key + ": " + value);
    if (file != null) {
      file.println("# " + key + "\t" + value);
    }
  }

  /** A console line only. */
  void say(String line) {
    System.out.println(line);
  }

  /** One measured figure. */
  void row(
      String kind,
      String net,
      String measurement,
      int threads,
      String engine,
      double median,
      double min,
      double max,
      String unit,
      double gflops,
      double share) {
    if (file != null) {
      file.println(
          String.join(
              "\t",
              kind,
              net,
              measurement,
              String.valueOf(threads),
              engine,
              num(median),
              num(min),
              num(max),
              unit,
              num(gflops),
              num(share)));
    }
  }

  static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4g", v);
  }

  @Override
  public void close() {
    if (file != null) {
      file.close();
    }
  }
}

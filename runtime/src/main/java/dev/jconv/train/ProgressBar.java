package dev.jconv.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar for long work: {@code Epoch 2/10 [=====> ] 120/469 - loss 0.4123 - acc
 * 0.8512 - 1,234 img/s - ETA 0:12}. On a terminal it redraws the line in place; otherwise (logs,
 * CI) it prints a plain line at most every 10% so output stays readable.
 */
public final class ProgressBar {
  private static final int WIDTH = 24;

  private final PrintStream out;
  private final boolean terminal;
  private final String title;
  private final int total;
  private final long start = System.nanoTime();
  private int lastDecile = -1;

  /**
   * Starts a bar.
   *
   * @param out where to print
   * @param terminal whether {@code out} is an interactive terminal (redraw in place)
   * @param title the prefix, such as {@code Epoch 2/10}
   * @param total the number of steps
   */
  public ProgressBar(PrintStream out, boolean terminal, String title, int total) {
    this.out = out;
    this.terminal = terminal;
    this.title = title;
    this.total = Math.max(total, 1);
  }

  /** A bar on standard output that redraws only when a console is attached. */
  public static ProgressBar onStdout(String title, int total) {
    return new ProgressBar(System.out, System.console() != null, title, total);
  }

  /**
   * Shows progress after {@code done} steps and {@code items} images.
   *
   * @param metrics text such as {@code loss 0.41 - acc 0.85}, may be empty
   */
  public void update(int done, long items, String metrics) {
    double seconds = (System.nanoTime() - start) / 1e9;
    String line = line(done, items, seconds, metrics);
    if (terminal) {
      out.print("\r" + line);
      out.flush();
    } else {
      int decile = done * 10 / total;
      if (decile > lastDecile && done < total) {
        lastDecile = decile;
        out.println(line);
      }
    }
  }

  /** Ends the bar with a final line (kept on screen). */
  public void finish(int done, long items, String metrics) {
    double seconds = (System.nanoTime() - start) / 1e9;
    String line = line(done, items, seconds, metrics);
    out.println(terminal ? "\r" + line : line);
  }

  /** The text of the bar; public for tests. */
  public String line(int done, long items, double seconds, String metrics) {
    int filled = (int) ((long) WIDTH * Math.min(done, total) / total);
    StringBuilder bar = new StringBuilder("[");
    for (int i = 0; i < WIDTH; i++) {
      bar.append(i < filled ? '=' : i == filled ? '>' : ' ');
    }
    bar.append(']');
    double rate = seconds > 0 ? items / seconds : 0;
    double eta = done > 0 ? seconds * (total - done) / done : 0;
    StringBuilder sb = new StringBuilder();
    sb.append(title).append(' ').append(bar).append(' ').append(done).append('/').append(total);
    if (!metrics.isEmpty()) {
      sb.append(" - ").append(metrics);
    }
    sb.append(String.format(Locale.ROOT, " - %,.0f img/s", rate));
    sb.append(done < total ? " - ETA " + clock(eta) : " - " + clock(seconds));
    return sb.toString();
  }

  /** {@code m:ss} or {@code h:mm:ss}. */
  static String clock(double seconds) {
    long s = Math.round(seconds);
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}

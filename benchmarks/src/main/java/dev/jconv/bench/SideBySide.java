package dev.jconv.bench;

import dev.jconv.Model;
import dev.jconv.kernels.Lanes;
import dev.jconv.kernels.VectorSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * jconv against PyTorch (through DJL) on the same networks in one JVM: batch-1 latency on one
 * thread, batch inference and a training step (forward, softmax cross-entropy, backward, plain SGD)
 * on each thread count; the two engines' rounds interleaved, medians and ratios printed; then each
 * large convolution of the jconv model alone, as a share of the FMA ceiling. Run by {@code
 * benchmarks/compare.sh}; {@code --no-torch} runs jconv alone.
 */
public final class SideBySide {
  private static final String TORCH = "dev.jconv.bench.torch.TorchContenders";

  private final Options options;
  private final Results results;
  private final Ceiling ceiling;

  private SideBySide(Options options, Results results, Ceiling ceiling) {
    this.options = options;
    this.results = results;
    this.ceiling = ceiling;
  }

  /** Runs every network the options name; see {@link Options} for the command line. */
  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    try (Results results = new Results(o.out)) {
      SideBySide harness = new SideBySide(o, results, Ceiling.read(o.ceiling));
      List<Contender.Factory> factories = harness.factories();
      for (String net : o.nets) {
        harness.run(net, factories);
      }
      results.fact("load at end", load());
    }
    System.exit(0); // the engines' worker pools would keep the JVM alive
  }

  private List<Contender.Factory> factories() throws ReflectiveOperationException, IOException {
    List<Contender.Factory> factories = new ArrayList<>();
    factories.add(JconvContender.factory());
    if (options.torch) {
      Class<?> torch;
      try {
        torch = Class.forName(TORCH);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(
            "the PyTorch side is not built: build with -Ppytorch (benchmarks/compare.sh does),"
                + " or pass --no-torch",
            e);
      }
      factories.add((Contender.Factory) torch.getMethod("factory").invoke(null));
    }
    results.fact("label", options.label);
    results.fact("start", Instant.now().toString());
    results.fact("java", System.getProperty("java.vm.name") + " " + Runtime.version());
    results.fact("cpu", cpu());
    results.fact("load at start", load());
    results.fact("jconv simd", VectorSupport.enabled() ? "on, " + bits() + "-bit vectors" : "off");
    for (Contender.Factory f : factories) {
      results.fact("engine", f.describe());
    }
    results.fact("fma ceiling", ceiling.known() ? ceiling + " GFLOP/s (best round)" : "not given");
    results.fact(
        "timing",
        String.format(
            "batch %d, %d interleaved rounds of >= %d ms after %d ms warm-up, medians",
            options.batch, options.rounds, options.roundMillis, options.warmMillis));
    return factories;
  }

  private static int bits() {
    return Lanes.SPECIES.vectorBitSize();
  }

  private void run(String net, List<Contender.Factory> factories) throws Exception {
    List<Contender> cs = new ArrayList<>();
    try {
      for (Contender.Factory f : factories) {
        cs.add(f.create(net, options.batch, 42));
      }
      Model model = ((JconvContender) cs.get(0)).model();
      checkParams(net, cs);
      warmUp(cs);
      long fwd = Flops.forward(model);
      long train = Flops.trainStep(model);
      results.say(
          String.format(
              Locale.ROOT,
              "%s: %.1f MFLOP forward, %.1f MFLOP training step per image",
              net,
              fwd / 1e6,
              train / 1e6));
      cell(net, "latency", 1, cs, c -> c::inferOne, 1, fwd);
      for (int t : options.threads) {
        cell(net, "inference", t, cs, c -> c::inferBatch, options.batch, fwd);
      }
      for (int t : options.threads) {
        cell(net, "training", t, cs, c -> c::trainStep, options.batch, train);
      }
      if (options.layers) {
        layers(net, model);
      }
    } finally {
      for (Contender c : cs) {
        c.close();
      }
    }
  }

  private void checkParams(String net, List<Contender> cs) {
    Contender j = cs.get(0);
    for (Contender c : cs) {
      boolean same = c.params() == j.params() && c.trainableParams() == j.trainableParams();
      results.fact(
          "params " + net + " " + c.engine(),
          String.format(
              "%,d (%,d trainable)%s",
              c.params(), c.trainableParams(), same ? "" : " MISMATCH with jconv's " + j.params()));
      if (!same) {
        throw new IllegalStateException(net + ": the engines' networks differ in size");
      }
    }
  }

  private void warmUp(List<Contender> cs) {
    long third = options.warmMillis * 1_000_000 / 3;
    for (Contender c : cs) {
      c.threads(max(options.threads));
      Rounds.round(c::inferOne, third);
      Rounds.round(c::inferBatch, third);
      Rounds.round(c::trainStep, third);
    }
  }

  private void cell(
      String net,
      String what,
      int threads,
      List<Contender> cs,
      Function<Contender, Runnable> op,
      int images,
      long flopsPerImage) {
    List<Runnable> ops = new ArrayList<>();
    List<Runnable> setUps = new ArrayList<>();
    for (Contender c : cs) {
      ops.add(op.apply(c));
      setUps.add(() -> c.threads(threads));
    }
    long round = options.roundMillis * 1_000_000;
    double[][] s = Rounds.interleaved(ops, setUps, options.rounds, round, round);
    StringBuilder line = new StringBuilder(String.format("  %-10s %d thread(s):", what, threads));
    for (int i = 0; i < cs.size(); i++) {
      record(net, what, threads, cs.get(i).engine(), s[i], images, flopsPerImage, line);
    }
    if (cs.size() > 1) {
      double ratio = Rounds.median(s[1]) / Rounds.median(s[0]);
      line.append(String.format(Locale.ROOT, "  jconv %.2fx PyTorch's speed", ratio));
    }
    results.say(line.toString());
  }

  private void record(
      String net,
      String what,
      int threads,
      String engine,
      double[] seconds,
      int images,
      long flopsPerImage,
      StringBuilder line) {
    double median = Rounds.median(seconds);
    double gflops = flopsPerImage * (double) images / median / 1e9;
    double share = gflops / ceiling.gflops(threads);
    if (what.equals("latency")) {
      double[] ms = {median * 1e3, Rounds.min(seconds) * 1e3, Rounds.max(seconds) * 1e3};
      results.row("cell", net, what, threads, engine, ms[0], ms[1], ms[2], "ms", gflops, share);
      line.append(String.format(Locale.ROOT, "  %s %.3f ms", engine, ms[0]));
    } else {
      double[] rate = {images / median, images / Rounds.max(seconds), images / Rounds.min(seconds)};
      results.row(
          "cell", net, what, threads, engine, rate[0], rate[1], rate[2], "img/s", gflops, share);
      line.append(String.format(Locale.ROOT, "  %s %,.0f img/s", engine, rate[0]));
    }
    line.append(String.format(Locale.ROOT, " (%.1f GFLOP/s)", gflops));
  }

  private void layers(String net, Model model) {
    long round = Math.max(1, options.roundMillis / 3) * 1_000_000;
    double top = ceiling.gflops(1);
    results.say(
        "  large convolutions alone, 1 thread, thread CPU time (share of the 1-thread FMA"
            + " ceiling):");
    for (LayerShares.Share s : LayerShares.measure(model, Math.max(3, options.rounds), round)) {
      if (!s.note().isEmpty()) {
        results.say("    " + s.layer() + ": unavailable: " + s.note());
        continue;
      }
      double fwd = s.forwardFlops() / s.forwardSeconds() / 1e9;
      double bwd = s.backwardFlops() / s.backwardSeconds() / 1e9;
      String name = s.layer() + " " + s.shape();
      double us = 1e6;
      results.row(
          "layer",
          net,
          name,
          1,
          "jconv forward",
          s.forwardSeconds() * us,
          Double.NaN,
          Double.NaN,
          "us",
          fwd,
          fwd / top);
      results.row(
          "layer",
          net,
          name,
          1,
          "jconv backward",
          s.backwardSeconds() * us,
          Double.NaN,
          Double.NaN,
          "us",
          bwd,
          bwd / top);
      results.say(
          String.format(
              Locale.ROOT,
              "    %-38s forward %7.1f us %6.1f GFLOP/s %5.1f%%   backward %7.1f us %6.1f GFLOP/s"
                  + " %5.1f%%  (%s)",
              name,
              s.forwardSeconds() * us,
              fwd,
              100 * fwd / top,
              s.backwardSeconds() * us,
              bwd,
              100 * bwd / top,
              s.kernels()));
    }
  }

  private static int max(int[] values) {
    int m = 1;
    for (int v : values) {
      m = Math.max(m, v);
    }
    return m;
  }

  private static String cpu() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim()
              + ", "
              + Runtime.getRuntime().availableProcessors()
              + " CPUs";
        }
      }
    } catch (IOException e) {
      // not Linux: the processor count alone
    }
    return Runtime.getRuntime().availableProcessors() + " CPUs";
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}

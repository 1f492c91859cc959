package dev.jconv.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The machine's FP32 FMA ceiling as Java sees it: the preferred species, 12 independent
 * accumulators, {@code acc = a.fma(b, acc)}, on 1 and on N threads at once; GFLOP/s = 2 x lanes x
 * 12 x iterations / time. Runs in a JVM of its own: a second vector shape in the harness's JVM
 * would pollute the Vector API's type profiles for jconv's kernels.
 *
 * <p>{@code java --add-modules jdk.incubator.vector dev.jconv.bench.FmaCeiling [file] [threads...]}
 * prints the medians and, given a file, writes them as {@code ceiling} rows.
 */
public final class FmaCeiling {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int ACCUMULATORS = 12;
  private static final int ITERATIONS = 20_000_000;
  private static final int ROUNDS = 9;
  private static final AtomicLong SINK = new AtomicLong();

  private FmaCeiling() {}

  /** Prints, and writes to {@code args[0]} when given, the ceiling on each thread count. */
  public static void main(String[] args) throws Exception {
    int[] threads = {1, 2};
    if (args.length > 1) {
      threads = new int[args.length - 1];
      for (int i = 1; i < args.length; i++) {
        threads[i - 1] = Integer.parseInt(args[i]);
      }
    }
    StringBuilder rows = new StringBuilder();
    for (int t : threads) {
      double[] gflops = measure(t);
      String line =
          String.format(
              "ceiling\tfma\t%d-bit\t%d\tjava\t%.1f\t%.1f\t%.1f\tGFLOP/s",
              S.vectorBitSize(), t, Rounds.median(gflops), Rounds.min(gflops), Rounds.max(gflops));
      System.out.printf(
          "FMA ceiling, %d-bit FloatVector, %d thread(s): %.1f GFLOP/s (median of %d, %.1f..%.1f)%n",
          S.vectorBitSize(),
          t,
          Rounds.median(gflops),
          ROUNDS,
          Rounds.min(gflops),
          Rounds.max(gflops));
      rows.append(line).append('\n');
    }
    if (args.length > 0) {
      write(Path.of(args[0]), rows.toString());
    }
  }

  private static void write(Path file, String rows) throws IOException {
    try (PrintStream out = new PrintStream(Files.newOutputStream(file), true, "UTF-8")) {
      out.println("# java\t" + System.getProperty("java.vm.version"));
      out.print(rows);
    }
  }

  /** GFLOP/s of {@code threads} threads running the kernel at once, one value per round. */
  static double[] measure(int threads) throws Exception {
    double[] gflops = new double[ROUNDS];
    for (int r = -2; r < ROUNDS; r++) { // two rounds of warm-up for C2
      double seconds = timeTogether(threads);
      if (r >= 0) {
        gflops[r] = 2.0 * S.length() * ACCUMULATORS * ITERATIONS * threads / seconds / 1e9;
      }
    }
    return gflops;
  }

  private static double timeTogether(int threads) throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads + 1);
    CyclicBarrier end = new CyclicBarrier(threads + 1);
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] =
          new Thread(
              () -> {
                try {
                  start.await();
                  SINK.addAndGet(Float.floatToIntBits(kernel(ITERATIONS)));
                  end.await();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      workers[t].start();
    }
    start.await();
    long t0 = System.nanoTime();
    end.await();
    long t1 = System.nanoTime();
    for (Thread w : workers) {
      w.join();
    }
    return (t1 - t0) / 1e9;
  }

  /** {@code iterations} x 12 independent FMAs, enough to hide the FMA latency on two pipes. */
  static float kernel(int iterations) {
    FloatVector a = FloatVector.broadcast(S, 1.0001f);
    FloatVector b = FloatVector.broadcast(S, 0.9999f);
    FloatVector c0 = FloatVector.broadcast(S, 0f);
    FloatVector c1 = FloatVector.broadcast(S, 1f);
    FloatVector c2 = FloatVector.broadcast(S, 2f);
    FloatVector c3 = FloatVector.broadcast(S, 3f);
    FloatVector c4 = FloatVector.broadcast(S, 4f);
    FloatVector c5 = FloatVector.broadcast(S, 5f);
    FloatVector c6 = FloatVector.broadcast(S, 6f);
    FloatVector c7 = FloatVector.broadcast(S, 7f);
    FloatVector c8 = FloatVector.broadcast(S, 8f);
    FloatVector c9 = FloatVector.broadcast(S, 9f);
    FloatVector c10 = FloatVector.broadcast(S, 10f);
    FloatVector c11 = FloatVector.broadcast(S, 11f);
    for (int i = 0; i < iterations; i++) {
      c0 = a.fma(b, c0);
      c1 = a.fma(b, c1);
      c2 = a.fma(b, c2);
      c3 = a.fma(b, c3);
      c4 = a.fma(b, c4);
      c5 = a.fma(b, c5);
      c6 = a.fma(b, c6);
      c7 = a.fma(b, c7);
      c8 = a.fma(b, c8);
      c9 = a.fma(b, c9);
      c10 = a.fma(b, c10);
      c11 = a.fma(b, c11);
    }
    FloatVector sum =
        c0.add(c1)
            .add(c2)
            .add(c3)
            .add(c4)
            .add(c5)
            .add(c6)
            .add(c7)
            .add(c8)
            .add(c9)
            .add(c10)
            .add(c11);
    return sum.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
  }
}

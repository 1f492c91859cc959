package dev.jconv.examples;

import com.sun.management.ThreadMXBean;
import dev.jconv.Model;
import dev.jconv.compiled.CompiledModel;
import dev.jconv.parallel.Parallel;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;

/**
 * Thread CPU time per image of one network on one thread: batch-1 {@code predictInto}, {@code
 * predict} of 64 images and a training pass ({@code lossAndGradients}) of 64 images, after 20 s of
 * warm-up; medians of 9 rounds. CPU time rather than wall time, for a machine shared with other
 * work, where JMH's wall-clock scores swing by more than the differences measured
 * (benchmarks/SIMD-WIDTH.md). Run: {@code java --add-modules jdk.incubator.vector
 * [-Djconv.simd.bits=256] -cp benchmarks/target/benchmarks.jar dev.jconv.examples.CpuTimeProbe
 * SeedNet}.
 */
public final class CpuTimeProbe {
  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final int BATCH = 64;

  private CpuTimeProbe() {}

  /** Prints the three medians for the network named by {@code args[0]} (default SeedNet). */
  public static void main(String[] args) {
    Parallel.setThreads(1);
    Model model = Nets.create(args.length > 0 ? args[0] : "SeedNet");
    float[] x = Nets.randomInput(model, BATCH, new Random(1));
    float[] y = new float[BATCH * model.outputSize()];
    int[] labels = new int[BATCH];
    for (int i = 0; i < BATCH; i++) {
      labels[i] = i % model.outputSize();
    }
    float[] grads = new float[model.weights().length];
    CompiledModel compiled = (CompiledModel) model;
    Runnable latency = () -> model.predictInto(x, 0, y, 0);
    Runnable inference = () -> model.predict(x, BATCH, y);
    Runnable training = () -> compiled.lossAndGradients(x, labels, BATCH, grads, null, 7L);
    long end = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < end) {
      median(latency, 50, 1);
      median(inference, 1, 1);
      median(training, 1, 1);
    }
    double l = median(latency, 200, 9);
    double i = median(inference, 5, 9) / BATCH;
    double t = median(training, 2, 9) / BATCH;
    System.out.printf(
        "%s: latency %.1f us, inference %.1f us/img (%.0f img/s), training %.1f us/img"
            + " (%.0f img/s) of thread CPU time%n",
        model.name(), l, i, 1e6 / i, t, 1e6 / t);
  }

  /** The median over {@code rounds} of the CPU microseconds per call of {@code calls} calls. */
  private static double median(Runnable work, int calls, int rounds) {
    double[] us = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long start = THREADS.getCurrentThreadCpuTime();
      for (int k = 0; k < calls; k++) {
        work.run();
      }
      us[r] = (THREADS.getCurrentThreadCpuTime() - start) / 1e3 / calls;
    }
    Arrays.sort(us);
    return us[rounds / 2];
  }
}

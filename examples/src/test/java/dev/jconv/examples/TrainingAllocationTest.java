package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.compiled.CompiledModel;
import dev.jconv.parallel.Parallel;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A warm training step of a real generated network (SeedNet: convolutions, pooling, dropout, Dense,
 * a batch of 32) allocates nothing: no lambda per parallel region, no per-call dimensions, no boxed
 * vectors. Measured with the thread allocation counter on one thread, where the calling thread does
 * all the work.
 */
class TrainingAllocationTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** Below one object per step: a lambda per region or a Dims per call would be far above. */
  private static final long LIMIT = 16;

  private int threadsBefore;

  @BeforeEach
  void oneThread() {
    threadsBefore = Parallel.threads();
    Parallel.setThreads(1);
  }

  @AfterEach
  void restoreThreads() {
    Parallel.setThreads(threadsBefore);
  }

  @Test
  void aWarmSeedNetStepAllocatesNothing() {
    CompiledModel model = new SeedNetModel(1);
    int n = 32;
    Random random = new Random(2);
    float[] x = new float[n * model.inputSize()];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextFloat();
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % model.outputSize();
    }
    float[] grads = new float[model.weights().length];
    // Until C2 has compiled the kernels, Vector API code allocates its vectors: warm up in rounds
    // until a round allocates (almost) nothing, or give up after the deadline.
    long perStep = Long.MAX_VALUE;
    long step = 0;
    long deadline = System.nanoTime() + 150_000_000_000L;
    while (perStep >= LIMIT && System.nanoTime() < deadline) {
      long before = THREADS.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < 3; i++) {
        model.lossAndGradients(x, labels, n, grads, null, step++);
      }
      perStep = (THREADS.getCurrentThreadAllocatedBytes() - before) / 3;
    }
    System.out.printf(
        "TrainingAllocationTest: SeedNet batch %d, %d bytes per warm step after %d steps%n",
        n, perStep, step);
    assertTrue(perStep < LIMIT, "a warm training step allocated " + perStep + " bytes");
  }
}

package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Model;
import dev.jconv.compiled.CompiledModel;
import dev.jconv.parallel.Parallel;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The steady state of a generated model: inference and training steps allocate nothing that grows
 * with the work (measured with the thread allocation counter), and inference is safe from many
 * threads at once.
 */
class SteadyStateTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private int threadsBefore;

  @BeforeEach
  void oneThread() {
    threadsBefore = Parallel.threads();
    Parallel.setThreads(1); // the allocation counter sees the calling thread only
  }

  @AfterEach
  void restoreThreads() {
    Parallel.setThreads(threadsBefore);
  }

  @Test
  void predictIntoAllocatesNothing() {
    Model model = new PatchNetModel(1);
    float[] x = random(model.inputSize(), 2);
    float[] y = new float[model.outputSize()];
    // Until C2 has compiled the kernels, Vector API code allocates its vectors; steady state
    // means compiled, so warm up in rounds until a round allocates nothing (or give up).
    long perCall = Long.MAX_VALUE;
    long deadline = System.nanoTime() + 90_000_000_000L; // the JIT is slow on a loaded machine
    while (perCall != 0 && System.nanoTime() < deadline) {
      long before = THREADS.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < 20; i++) {
        model.predictInto(x, 0, y, 0);
      }
      perCall = (THREADS.getCurrentThreadAllocatedBytes() - before) / 20;
    }
    assertTrue(perCall == 0, "predictInto allocated " + perCall + " bytes per call");
  }

  @Test
  void trainingStepAllocatesASmallConstant() {
    CompiledModel model = new PatchNetModel(1);
    int n = 8;
    float[] x = random(n * model.inputSize(), 3);
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % model.outputSize();
    }
    float[] grads = new float[model.weights().length];
    long perStep = Long.MAX_VALUE;
    long deadline = System.nanoTime() + 90_000_000_000L;
    while (perStep >= 4096 && System.nanoTime() < deadline) {
      long before = THREADS.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < 2; i++) {
        model.lossAndGradients(x, labels, n, grads, null, i);
      }
      perStep = (THREADS.getCurrentThreadAllocatedBytes() - before) / 2;
    }
    // A few small lambdas per layer segment; nothing proportional to the batch or the weights.
    assertTrue(perStep < 4096, "a training step allocated " + perStep + " bytes");
  }

  @Test
  void concurrentPredictGivesIdenticalResults() throws Exception {
    Model model = new PatchNetModel(7);
    int examples = 16;
    float[] x = random(examples * model.inputSize(), 4);
    float[] expected = new float[examples * model.outputSize()];
    for (int i = 0; i < examples; i++) {
      model.predictInto(x, i * model.inputSize(), expected, i * model.outputSize());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<float[]>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(
            pool.submit(
                () -> {
                  float[] out = new float[expected.length];
                  for (int i = 0; i < examples; i++) {
                    model.predictInto(x, i * model.inputSize(), out, i * model.outputSize());
                  }
                  return out;
                }));
      }
      for (Future<float[]> r : results) {
        assertArrayEquals(expected, r.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void batchPredictOverTwoThreadsEqualsOneByOne() {
    Parallel.setThreads(2);
    Model model = new FashionTutorialNetModel(5);
    int examples = 5;
    float[] x = random(examples * model.inputSize(), 6);
    float[] batch = new float[examples * model.outputSize()];
    model.predict(x, examples, batch);
    for (int i = 0; i < examples; i++) {
      float[] one = new float[model.outputSize()];
      model.predictInto(x, i * model.inputSize(), one, 0);
      for (int j = 0; j < one.length; j++) {
        assertTrue(one[j] == batch[i * model.outputSize() + j], "example " + i + " class " + j);
      }
    }
  }

  private static float[] random(int n, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextFloat();
    }
    return x;
  }
}

package dev.jconv.processor.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.jconv.Model;
import dev.jconv.parallel.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The batch form of {@code predict} gives exactly the per-example results whatever the number of
 * worker threads, and several threads predicting at once with one model get exactly what one thread
 * gets.
 */
class BatchAndThreadsTest {
  private static final int THREADS = 4;
  private static final int PER_THREAD = 12;

  private static List<NetDef> nets;
  private static GeneratedModels compiled;
  private final int savedThreads = Parallel.threads();

  @BeforeAll
  static void compile() {
    nets =
        List.of(
            ExampleNets.patchNet(),
            RandomNets.generate(77, "test.batch", "Branchy", 12, false),
            Cases.perLayerKind().get(0));
    compiled = GeneratedModels.compile(nets, CodePaths.SCALAR.options());
  }

  @AfterEach
  void restoreThreads() {
    Parallel.setThreads(savedThreads);
  }

  @Test
  void batchPredictEqualsPerExamplePredict() {
    for (NetDef net : nets) {
      Model model = randomModel(net, 5);
      int n = 7;
      float[] x = ForwardCheck.randomInput(net, n, new SplittableRandom(6));
      float[] single = perExample(model, x, n);
      for (int threads : new int[] {1, 2, 3, 8}) {
        Parallel.setThreads(threads);
        float[] batch = new float[single.length];
        model.predict(x, n, batch);
        assertArrayEquals(single, batch, net.className() + " with " + threads + " threads");
      }
    }
  }

  @Test
  void concurrentPredictGivesIdenticalResults() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (NetDef net : nets) {
        Model model = randomModel(net, 8);
        int n = THREADS * PER_THREAD;
        float[] x = ForwardCheck.randomInput(net, n, new SplittableRandom(9));
        float[] expected = perExample(model, x, n);
        int in = net.input().size();
        int out = net.outputShape().size();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<float[]>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int first = t;
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    float[] y = new float[n * out];
                    // Each thread runs every example, interleaved differently, so the threads'
                    // workspaces are busy with different examples at the same time.
                    for (int k = 0; k < n; k++) {
                      int b = (first * PER_THREAD + k) % n;
                      model.predictInto(x, b * in, y, b * out);
                    }
                    return y;
                  }));
        }
        start.countDown();
        for (Future<float[]> f : results) {
          assertArrayEquals(expected, f.get(), net.className());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Model randomModel(NetDef net, long seed) {
    Model model = compiled.newModel(net, seed);
    ModelWeights.randomize(model, new SplittableRandom(seed));
    return model;
  }

  private static float[] perExample(Model model, float[] x, int n) {
    int in = model.inputSize();
    int out = model.outputSize();
    float[] y = new float[n * out];
    for (int b = 0; b < n; b++) {
      float[] one = model.predict(Arrays.copyOfRange(x, b * in, (b + 1) * in));
      System.arraycopy(one, 0, y, b * out, out);
    }
    return y;
  }
}

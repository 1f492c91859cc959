package dev.jconv.processor.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Layer;
import dev.jconv.Model;
import dev.jconv.Param;
import dev.jconv.parallel.Parallel;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Properties of the training pass beyond matching the reference once: batches of 1 and batch sizes
 * that do not divide among the threads, thread counts 1 to 4, bit-identical results for the same
 * thread count, no effect of asking for the input gradient on the weight gradients, the moving
 * statistics' update and their zero gradient, gradients overwritten whatever the arrays held.
 */
class TrainingPassTest {
  private static List<NetDef> nets;
  private static GeneratedModels compiled;
  private final int savedThreads = Parallel.threads();

  @BeforeAll
  static void compile() {
    nets =
        List.of(
            TrainingModels.STRUCTURES.get(0), // ResNetBlock
            TrainingModels.STRUCTURES.get(1), // InceptionModule
            TrainingModels.STRUCTURES.get(6), // DropoutPoolBatchNorm
            TrainingModels.STRUCTURES.get(5), // BatchNormOfInput
            TrainingModels.RANDOM.get(3));
    compiled = TrainingModels.compiled();
  }

  @AfterEach
  void restoreThreads() {
    Parallel.setThreads(savedThreads);
  }

  @Test
  void anyBatchSizeOnAnyThreadCountMatchesTheReference() {
    TrainingCheck.Result total = TrainingCheck.Result.none();
    int runs = 0;
    for (int threads : new int[] {1, 2, 3, 4}) {
      Parallel.setThreads(threads);
      for (int n : new int[] {1, 2, 5, 7}) {
        for (int i = 0; i < nets.size(); i++) {
          total = total.merge(TrainingCheck.check(compiled, nets.get(i), 100 * threads + n, n));
          runs++;
        }
      }
    }
    System.out.printf(
        "TrainingPassTest: %d passes on 1-4 threads, batches of 1, 2, 5, 7: %s%n", runs, total);
  }

  /**
   * Passes of different batch sizes on one model, with its weights changed between them as an
   * optimizer would: nothing left in the model's buffers by a pass leaks into the next.
   */
  @Test
  void consecutivePassesOnOneModelEachMatchTheReference() {
    Parallel.setThreads(3);
    TrainingCheck.Result total = TrainingCheck.Result.none();
    for (NetDef net : nets) {
      SplittableRandom random = new SplittableRandom(7);
      Model model = compiled.newModel(net, 7);
      ModelWeights.randomize(model, random);
      for (int n : new int[] {5, 2, 7, 1, 3}) {
        total = total.merge(TrainingCheck.check(model, net, random, 7, n));
        float[] w = model.weights();
        for (int i = 0; i < w.length; i++) {
          w[i] *= (float) (1 + 0.1 * (2 * random.nextDouble() - 1));
        }
      }
    }
    System.out.printf("TrainingPassTest: 5 consecutive passes per model: %s%n", total);
  }

  @Test
  void resultsDependOnTheThreadCountOnlyThroughSummationOrder() {
    for (NetDef net : nets) {
      Pass one = pass(net, 1, true);
      Pass again = pass(net, 1, true);
      Pass two = pass(net, 2, true);
      Pass twoAgain = pass(net, 2, true);
      assertArrayEquals(one.grads, again.grads, net.className() + ": 1 thread, twice");
      assertArrayEquals(one.inputGrads, again.inputGrads, net.className());
      assertArrayEquals(one.weightsAfter, again.weightsAfter, net.className());
      assertEquals(one.loss, again.loss, net.className());
      assertArrayEquals(two.grads, twoAgain.grads, net.className() + ": 2 threads, twice");
      assertArrayEquals(two.inputGrads, twoAgain.inputGrads, net.className());
      assertArrayEquals(two.weightsAfter, twoAgain.weightsAfter, net.className());
      assertEquals(two.loss, twoAgain.loss, net.className());
      double largest = 0;
      for (float g : one.grads) {
        largest = Math.max(largest, Math.abs(g));
      }
      for (int i = 0; i < one.grads.length; i++) {
        // 1e-4: a kernel before BatchNormalization has a gradient made of large terms that cancel,
        // so a different summation order moves it by a few 1e-5 of itself (ResNetBlock's stem
        // kernel, once its forward used FMA on masked lanes).
        double tolerance = 1e-4 * Math.max(Math.abs(one.grads[i]), 0.01 * largest);
        assertEquals(one.grads[i], two.grads[i], tolerance, net.className() + " grads[" + i + "]");
      }
      for (int i = 0; i < one.inputGrads.length; i++) {
        // Per-example work: the input gradient does not depend on how examples are split.
        assertEquals(one.inputGrads[i], two.inputGrads[i], 1e-6, net.className());
      }
      assertArrayEquals(one.weightsAfter, two.weightsAfter, 1e-6f, net.className());
      assertEquals(one.loss, two.loss, 1e-6f, net.className());
    }
  }

  @Test
  void askingForTheInputGradientChangesNothingElse() {
    for (int threads : new int[] {1, 3}) {
      for (NetDef net : nets) {
        Pass with = pass(net, threads, true);
        Pass without = pass(net, threads, false);
        assertArrayEquals(with.grads, without.grads, net.className());
        assertArrayEquals(with.weightsAfter, without.weightsAfter, net.className());
        assertEquals(with.loss, without.loss, net.className());
      }
    }
  }

  @Test
  void movingStatisticsMoveByMomentumAndGetNoGradient() {
    int statistics = 0;
    for (NetDef net : nets) {
      for (int n : new int[] {1, 6}) {
        Pass p = pass(net, 2, true, n);
        for (Layer layer : p.model.layers()) {
          for (Param param : layer.params()) {
            if (TrainingCheck.isStatistic(param.kind())) {
              for (int i = 0; i < param.size(); i++) {
                assertEquals(0f, p.grads[param.offset() + i], layer.name() + "." + param.kind());
                statistics++;
              }
            }
          }
        }
        // The statistics against the reference's batch mean and biased variance.
        TrainingCheck.checkMovingStatistics(
            net, p.model, p.weightsBefore, p.reference, net::numberedSource);
      }
    }
    assertTrue(statistics > 0);
  }

  /** What one pass gave. */
  private record Pass(
      Model model,
      float loss,
      float[] grads,
      float[] inputGrads,
      float[] weightsBefore,
      float[] weightsAfter,
      TrainingCheck.Reference reference) {}

  private static Pass pass(NetDef net, int threads, boolean inputGrads) {
    return pass(net, threads, inputGrads, 5);
  }

  /** A fresh model with the same weights and inputs each time, one pass on {@code threads}. */
  private static Pass pass(NetDef net, int threads, boolean wantInputGrads, int n) {
    Parallel.setThreads(threads);
    SplittableRandom random = new SplittableRandom(42);
    Model model = compiled.newModel(net, 42);
    ModelWeights.randomize(model, random);
    float[] x = ForwardCheck.randomInput(net, n, random);
    int[] labels = TrainingCheck.randomLabels(n, model.outputSize(), random);
    long seed = random.nextLong();
    TrainingCheck.Reference reference = TrainingCheck.reference(net, model, x, labels, n, seed);
    float[] before = model.weights().clone();
    float[] grads = new float[before.length];
    float[] inputGrads = wantInputGrads ? new float[x.length] : null;
    // Both are overwritten, whatever they held.
    java.util.Arrays.fill(grads, Float.NaN);
    if (inputGrads != null) {
      java.util.Arrays.fill(inputGrads, Float.NaN);
    }
    float loss =
        ((dev.jconv.compiled.CompiledModel) model)
            .lossAndGradients(x, labels, n, grads, inputGrads, seed);
    for (float[] g : new float[][] {grads, inputGrads == null ? new float[0] : inputGrads}) {
      for (float v : g) {
        assertTrue(Float.isFinite(v), net.className() + ": a gradient was not written");
      }
    }
    return new Pass(model, loss, grads, inputGrads, before, model.weights().clone(), reference);
  }
}

package dev.jconv.examples;

import dev.jconv.Model;
import dev.jconv.parallel.Parallel;
import dev.jconv.train.Adam;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A training step of the example networks on a batch of 64: forward in training mode, loss,
 * backward and an Adam update, in images per second on 1 and 2 threads.
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
public class TrainingBenchmark {
  static final int BATCH = 64;

  @Param({"PatchNet", "FashionTutorialNet"})
  String net;

  @Param({"1", "2"})
  int threads;

  Model model;
  Adam adam;
  float[] x;
  int[] labels;
  float[] grads;
  long step;

  @Setup
  public void setUp() {
    model = Nets.create(net);
    Parallel.setThreads(threads);
    Random random = new Random(1);
    x = Nets.randomInput(model, BATCH, random);
    labels = new int[BATCH];
    for (int i = 0; i < BATCH; i++) {
      labels[i] = random.nextInt(model.outputSize());
    }
    grads = new float[model.weights().length];
    adam = new Adam().learningRate(1e-4);
  }

  /** Images per second of a whole training step over a batch of 64. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(BATCH)
  public float step() {
    float loss =
        ((dev.jconv.compiled.CompiledModel) model)
            .lossAndGradients(x, labels, BATCH, grads, null, step++);
    adam.step(model, grads);
    return loss;
  }
}

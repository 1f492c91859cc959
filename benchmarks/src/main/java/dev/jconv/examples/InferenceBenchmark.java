package dev.jconv.examples;

import dev.jconv.Model;
import dev.jconv.parallel.Parallel;
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
 * Inference of the example networks: batch-64 throughput in images per second on 1 and 2 threads.
 * SIMD or scalar is the JVM's choice ({@code -Djconv.simd=false} for scalar; see RESULTS.md).
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
public class InferenceBenchmark {
  static final int BATCH = 64;

  @Param({"SeedNet", "BatchNormNet", "FashionTutorialNet"})
  String net;

  @Param({"1", "2"})
  int threads;

  Model model;
  float[] x;
  float[] y;

  @Setup
  public void setUp() {
    model = Nets.create(net);
    Parallel.setThreads(threads);
    x = Nets.randomInput(model, BATCH, new Random(1));
    y = new float[BATCH * model.outputSize()];
  }

  /** Images per second over a batch of 64 spread over {@code threads} threads. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(BATCH)
  public float[] batch64() {
    model.predict(x, BATCH, y);
    return y;
  }
}

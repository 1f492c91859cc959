package dev.jconv.examples;

import dev.jconv.Model;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Batch-1 latency of {@code predictInto} on the calling thread. */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
public class LatencyBenchmark {
  @Param({"SeedNet", "BatchNormNet", "FashionTutorialNet"})
  String net;

  Model model;
  float[] x;
  float[] y;

  @Setup
  public void setUp() {
    model = Nets.create(net);
    x = Nets.randomInput(model, 1, new Random(1));
    y = new float[model.outputSize()];
  }

  /** One image, no allocation. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public float[] predictInto() {
    model.predictInto(x, 0, y, 0);
    return y;
  }
}

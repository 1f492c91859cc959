package dev.jconv.kernelbench;

import dev.jconv.kernels.ConvBackward;
import dev.jconv.kernels.ConvShape;
import dev.jconv.kernels.MatMul;
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

/**
 * The training kernels on the example networks' large layers, one call per operation; GFLOP/s =
 * {@link #flops()} / time. {@code dense}: FashionTutorialNet's fc1 (3136 -> 1024) over a batch of
 * 64. {@code conv}: one example of FashionTutorialNet's conv2 (14x14x32 -> 64, 5x5 SAME), SeedNet's
 * conv5 (16x16x24 -> 24, 5x5 SAME) or conv2 (32x32x8 -> 16, 3x3 SAME).
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KernelBenchmark {
  @Param({"fashionConv2", "seedConv5", "seedConv2"})
  String conv;

  MatMul.Dims dense = MatMul.Dims.dense(64, 3136, 1024);
  ConvShape shape;
  float[] x;
  float[] w;
  float[] wt;
  float[] y;
  float[] dx;
  float[] dw;
  float[] dense1;
  float[] dense2;
  float[] dense3;
  float[] dense4;

  @Setup
  public void setUp() {
    shape =
        switch (conv) {
          case "fashionConv2" -> new ConvShape(14, 14, 32, 14, 14, 64, 5, 5, 1, 1, 1, 1, 2, 2);
          case "seedConv5" -> new ConvShape(16, 16, 24, 16, 16, 24, 5, 5, 1, 1, 1, 1, 2, 2);
          case "seedConv2" -> new ConvShape(32, 32, 8, 32, 32, 16, 3, 3, 1, 1, 1, 1, 1, 1);
          default -> throw new IllegalArgumentException(conv);
        };
    Random r = new Random(1);
    x = random(r, shape.h() * shape.w() * shape.cin());
    w = random(r, shape.kh() * shape.kw() * shape.cin() * shape.cout());
    wt = new float[w.length];
    ConvBackward.transposeKernel(shape, w, 0, wt, 0);
    y = random(r, shape.pixels() * shape.cout());
    dx = new float[x.length];
    dw = new float[w.length];
    dense1 = random(r, dense.n() * dense.in());
    dense2 = random(r, dense.in() * dense.out());
    dense3 = random(r, dense.n() * dense.out());
    dense4 = new float[dense.in() * dense.out()];
  }

  private static float[] random(Random r, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextFloat() - 0.5f;
    }
    return a;
  }

  /** The input gradient of one example. */
  @Benchmark
  public float convInputGrad() {
    ConvBackward.inputGrad(shape, wt, 0, y, 0, dx, 0);
    return dx[0];
  }

  /** The kernel gradient of one example. */
  @Benchmark
  public float convWeightGrad() {
    ConvBackward.weightGrad(shape, x, 0, y, 0, dw, 0);
    return dw[0];
  }

  /** Y = X W + b over 64 examples of fc1. */
  @Benchmark
  public float denseForward() {
    MatMul.forward(dense, dense1, 0, dense2, 0, null, 0, dense3, 0);
    return dense3[0];
  }

  /** dX += dY W^T over 64 examples of fc1. */
  @Benchmark
  public float denseInputGrad() {
    MatMul.backwardInput(dense, dense3, 0, dense2, 0, dense1, 0);
    return dense1[0];
  }

  /** dW += X^T dY over 64 examples of fc1. */
  @Benchmark
  public float denseWeightGrad() {
    MatMul.backwardWeights(dense, dense1, 0, dense3, 0, dense4, 0);
    return dense4[0];
  }

  /** FLOP of one call of the conv benchmarks (the dense ones: 411,041,792). */
  public long flops() {
    return shape.flops();
  }
}

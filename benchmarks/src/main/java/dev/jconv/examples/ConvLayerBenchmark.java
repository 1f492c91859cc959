package dev.jconv.examples;

import dev.jconv.kernels.VectorSupport;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One generated convolution kernel alone, to report GFLOP/s = 2 * OH * OW * KH * KW * Cin * Cout /
 * time: the largest conv layer of each example ({@code FashionTutorialNet.conv2}: 14x14x32 to
 * 14x14x64, 5x5, 20.07 MFLOP; {@code SeedNet.conv5}: 16x16x24 to 16x16x24, 5x5, 7.37 MFLOP).
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConvLayerBenchmark {
  /** FLOPs of {@code FashionTutorialNet.conv2}. */
  public static final long FASHION_CONV2_FLOPS = 2L * 14 * 14 * 5 * 5 * 32 * 64;

  /** FLOPs of {@code SeedNet.conv5}. */
  public static final long SEED_CONV5_FLOPS = 2L * 16 * 16 * 5 * 5 * 24 * 24;

  boolean simd;
  float[] seedWeights;
  float[] fashionWeights;
  float[] input;
  float[] seedWorkspace;
  float[] fashionWorkspace;

  @Setup
  public void setUp() {
    simd = VectorSupport.enabled();
    seedWeights = new SeedNetModel(1).weights();
    fashionWeights = new FashionTutorialNetModel(1).weights();
    input = Nets.randomInput(new SeedNetModel(1), 1, new Random(1));
    seedWorkspace = new float[SeedNetModel.WORKSPACE];
    fashionWorkspace = new float[FashionTutorialNetModel.WORKSPACE];
  }

  @Benchmark
  public float[] fashionConv2() {
    if (simd) {
      FashionTutorialNetModel.Simd.conv2Forward(fashionWeights, input, 0, fashionWorkspace, 0);
    } else {
      FashionTutorialNetModel.Scalar.conv2Forward(fashionWeights, input, 0, fashionWorkspace, 0);
    }
    return fashionWorkspace;
  }

  @Benchmark
  public float[] seedConv5() {
    if (simd) {
      SeedNetModel.Simd.conv5Forward(seedWeights, input, 0, seedWorkspace, 0);
    } else {
      SeedNetModel.Scalar.conv5Forward(seedWeights, input, 0, seedWorkspace, 0);
    }
    return seedWorkspace;
  }
}

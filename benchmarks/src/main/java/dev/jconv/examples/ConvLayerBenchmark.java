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
 * 14x14x64, 5x5, 20.07 MFLOP; {@code BatchNormNet.conv2}: 32x32x8 to 32x32x16, 3x3, 2.36 MFLOP, as
 * large as conv3 and conv5).
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

  /** FLOPs of {@code BatchNormNet.conv2}. */
  public static final long PATCH_CONV2_FLOPS = 2L * 32 * 32 * 3 * 3 * 8 * 16;

  boolean simd;
  float[] patchWeights;
  float[] fashionWeights;
  float[] input;
  float[] patchWorkspace;
  float[] fashionWorkspace;

  @Setup
  public void setUp() {
    simd = VectorSupport.enabled();
    patchWeights = new BatchNormNetModel(1).weights();
    fashionWeights = new FashionTutorialNetModel(1).weights();
    input = Nets.randomInput(new BatchNormNetModel(1), 1, new Random(1));
    patchWorkspace = new float[BatchNormNetModel.WORKSPACE];
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
  public float[] patchConv2() {
    if (simd) {
      BatchNormNetModel.Simd.conv2Forward(patchWeights, input, 0, patchWorkspace, 0);
    } else {
      BatchNormNetModel.Scalar.conv2Forward(patchWeights, input, 0, patchWorkspace, 0);
    }
    return patchWorkspace;
  }
}

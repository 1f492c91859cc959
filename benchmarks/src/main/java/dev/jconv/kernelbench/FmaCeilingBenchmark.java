package dev.jconv.kernelbench;

import dev.jconv.kernels.Lanes;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The FP32 FMA ceiling from Java: 12 independent accumulators, {@code acc = a.fma(b, acc)} on the
 * JVM-wide species, {@link #ITERATIONS} rounds; FLOP per call = 2 x 12 x lanes x ITERATIONS (lanes
 * is printed by {@link #lanes}). {@code fma2} runs the same on two threads.
 */
@State(Scope.Thread)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FmaCeilingBenchmark {
  /** Rounds of 12 FMAs per call. */
  public static final int ITERATIONS = 100_000;

  private static final VectorSpecies<Float> S = Lanes.SPECIES;

  float a = 0.999f;
  float b = 1e-6f;

  /** The lane count, as a benchmark so that it lands in the same output. */
  @Benchmark
  public int lanes() {
    return S.length();
  }

  /** One thread. */
  @Benchmark
  public float fma() {
    return run(a, b);
  }

  /** Two threads, each its own accumulators. */
  @Benchmark
  @Threads(2)
  public float fma2() {
    return run(a, b);
  }

  private static float run(float av, float bv) {
    FloatVector x = FloatVector.broadcast(S, av);
    FloatVector y = FloatVector.broadcast(S, bv);
    FloatVector c0 = FloatVector.zero(S);
    FloatVector c1 = FloatVector.zero(S);
    FloatVector c2 = FloatVector.zero(S);
    FloatVector c3 = FloatVector.zero(S);
    FloatVector c4 = FloatVector.zero(S);
    FloatVector c5 = FloatVector.zero(S);
    FloatVector c6 = FloatVector.zero(S);
    FloatVector c7 = FloatVector.zero(S);
    FloatVector c8 = FloatVector.zero(S);
    FloatVector c9 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c11 = FloatVector.zero(S);
    for (int i = 0; i < ITERATIONS; i++) {
      c0 = x.fma(y, c0);
      c1 = x.fma(y, c1);
      c2 = x.fma(y, c2);
      c3 = x.fma(y, c3);
      c4 = x.fma(y, c4);
      c5 = x.fma(y, c5);
      c6 = x.fma(y, c6);
      c7 = x.fma(y, c7);
      c8 = x.fma(y, c8);
      c9 = x.fma(y, c9);
      c10 = x.fma(y, c10);
      c11 = x.fma(y, c11);
    }
    FloatVector s = c0.add(c1).add(c2).add(c3).add(c4).add(c5);
    s = s.add(c6).add(c7).add(c8).add(c9).add(c10).add(c11);
    return s.reduceLanes(VectorOperators.ADD);
  }
}

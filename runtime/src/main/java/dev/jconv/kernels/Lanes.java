package dev.jconv.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector shape every SIMD kernel in the JVM uses: the preferred species, at most 256 bits
 * (8 floats). One shape for all models matters: when two shapes run in one JVM, C2's type profiles
 * in the Vector API see both, vectors get boxed and every kernel allocates and slows down about
 * tenfold. 256 bits is the width of AVX2, the machines jconv targets; on AVX-512 it still runs at
 * half the peak. The preferred (512-bit) species was tried and measured: the generated forward has
 * no masked tails yet, so layers of 8 or 24 channels fell to scalar code and the seed network's
 * batch-1 latency went from 2.2x faster than PyTorch to 0.68x (benchmarks/RESULTS.md); widen it
 * once the emitters have masked tails. Loaded only when {@link VectorSupport#enabled()}.
 */
public final class Lanes {
  /** The species of every generated SIMD kernel and of {@link Blas}. */
  public static final VectorSpecies<Float> SPECIES =
      FloatVector.SPECIES_PREFERRED.vectorBitSize() <= 256
          ? FloatVector.SPECIES_PREFERRED
          : FloatVector.SPECIES_256;

  private Lanes() {}
}

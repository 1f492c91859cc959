package dev.jconv.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector shape every SIMD kernel in the JVM uses: the CPU's preferred species (512 bits on
 * AVX-512, 256 on AVX2), so that the FMA units run at full width. One shape for all models matters:
 * when two shapes run in one JVM, C2's type profiles in the Vector API see both, vectors get boxed
 * and every kernel allocates and slows down about tenfold. Loaded only when {@link
 * VectorSupport#enabled()}.
 */
public final class Lanes {
  /** The species of every generated SIMD kernel and of {@link Blas}. */
  public static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  private Lanes() {}
}

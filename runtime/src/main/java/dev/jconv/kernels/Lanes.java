package dev.jconv.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector shape every SIMD kernel in the JVM uses: the CPU's preferred species (512 bits
 * where AVX-512 exists, 256 with AVX2). Measured on an AVX-512 machine (benchmarks/SIMD-WIDTH.md):
 * 512 bits ran batch inference of the tutorial net, FashionNet and ResNet-20 1.6-2.2x and their
 * training 1.2-2x faster than 256 bits. One shape for all models matters: when two shapes run in
 * one JVM, C2's type profiles in the Vector API see both, vectors get boxed and every kernel
 * allocates and slows down about tenfold. Channel counts that do not fill a vector take masked
 * tails (or an overlapping last vector), so 8- or 24-channel layers stay on lanes at 16 lanes.
 * {@code -Djconv.simd.bits=256} (or 128) narrows the species, for tests and measurements at another
 * width; wider than the preferred species is refused. Loaded only when {@link
 * VectorSupport#enabled()}.
 */
public final class Lanes {
  /** {@code -Djconv.simd.bits=N} sets the vector width to N bits (64 to the preferred width). */
  public static final String BITS_PROPERTY = "jconv.simd.bits";

  /** {@code -Djconv.simd.maskedStores=false} forces the tail stores that JDK 17 needs. */
  public static final String MASKED_STORES_PROPERTY = "jconv.simd.maskedStores";

  /** The species of every generated SIMD kernel and of {@link Blas}. */
  public static final VectorSpecies<Float> SPECIES = species(Integer.getInteger(BITS_PROPERTY, 0));

  /**
   * Whether a masked {@code intoArray} compiles to a masked store. JDK 17's does not: it boxes the
   * vector and stores lane by lane (measured: 10 KB allocated and 100x slower per call); its
   * kernels store a tail lane by lane from registers ({@code lane(k)}) instead. Masked loads are
   * fast on both while a whole vector fits in the array.
   */
  public static final boolean MASKED_STORES =
      Runtime.version().feature() >= 18
          && !"false".equalsIgnoreCase(System.getProperty(MASKED_STORES_PROPERTY));

  private Lanes() {}

  /**
   * A new array of {@code 2 * SPECIES.length()} bits, the first half true: {@code
   * VectorMask.fromArray(SPECIES, bits, SPECIES.length() - n)} is the mask of the first {@code n}
   * lanes, one intrinsic load on every JDK. {@code SPECIES.indexInRange(0, n)} is Java code on JDK
   * 17 (an iota vector and a compare) that C2 did not always scalarize: a generated kernel then
   * allocated a vector per call.
   */
  public static boolean[] leadingLanes() {
    boolean[] bits = new boolean[2 * SPECIES.length()];
    java.util.Arrays.fill(bits, 0, SPECIES.length(), true);
    return bits;
  }

  /**
   * The preferred species, or a narrower one when {@code bits} asks for it (0: the preferred
   * species).
   */
  static VectorSpecies<Float> species(int bits) {
    VectorSpecies<Float> preferred = FloatVector.SPECIES_PREFERRED;
    if (bits == 0) {
      bits = preferred.vectorBitSize();
    }
    if (bits == preferred.vectorBitSize()) {
      return preferred;
    }
    if (bits > preferred.vectorBitSize() || bits < 64 || Integer.bitCount(bits) != 1) {
      throw new IllegalArgumentException(
          "-D"
              + BITS_PROPERTY
              + "="
              + bits
              + ": expected a power of two from 64 to the CPU's preferred "
              + preferred.vectorBitSize()
              + " bits");
    }
    return VectorSpecies.of(float.class, VectorShape.forBitSize(bits));
  }
}

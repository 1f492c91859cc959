package dev.jconv.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.function.Function;

/** The Lucene vector-loop skeleton and the names SIMD emitters share. */
public final class Vectors {
  /** {@code jdk.incubator.vector.FloatVector}. */
  public static final ClassName FLOAT_VECTOR = ClassName.get("jdk.incubator.vector", "FloatVector");

  /** {@code jdk.incubator.vector.VectorMask}. */
  public static final ClassName VECTOR_MASK = ClassName.get("jdk.incubator.vector", "VectorMask");

  /** {@code jdk.incubator.vector.VectorOperators}. */
  public static final ClassName VECTOR_OPERATORS =
      ClassName.get("jdk.incubator.vector", "VectorOperators");

  /** The runtime's {@code Lanes}: the species and whether masked stores are fast. */
  public static final ClassName LANES = ClassName.get("dev.jconv.kernels", "Lanes");

  /** Above this many lanes a tail stored lane by lane is a loop rather than unrolled. */
  private static final int UNROLLED_LANES = 16;

  private Vectors() {}

  /**
   * How a vector body loads and stores: whole vectors of species {@code S}, or under the mask
   * {@code m} that keeps {@code count} lanes from the start (a tail).
   *
   * @param mask the mask variable, or null for whole vectors
   * @param count the lanes the mask keeps when known at compile time (a tail of fewer channels than
   *     lanes, starting at 0), else 0
   * @param end where the values this kernel writes in ascending order end (exclusive), or null: a
   *     whole vector that ends before it may be stored in full, since the values after the tail
   *     that it overwrites are written again later
   */
  public record Vec(String mask, int count, String end) {
    /** Whole vectors. */
    public static final Vec FULL = new Vec(null, 0, null);

    /** This with {@link #end} set to {@code e}. */
    public Vec withEnd(String e) {
      return new Vec(mask, count, e);
    }

    /** The species' name in generated code. */
    public String species() {
      return "S";
    }

    /** {@code FloatVector.fromArray(S, array, offset[, m])}. */
    public CodeBlock load(String array, Object offset) {
      return mask == null
          ? CodeBlock.of("$T.fromArray(S, $L, $L)", FLOAT_VECTOR, array, offset)
          : CodeBlock.of("$T.fromArray(S, $L, $L, $L)", FLOAT_VECTOR, array, offset, mask);
    }

    /**
     * Stores the vector variable {@code v} at {@code array[offset...]}: whole, or masked where
     * masked stores are fast (JDK 18+). JDK 17 boxes a masked store, so there a tail is stored
     * whole when it ends before {@link #end}, else lane by lane from the register. A tail of
     * unknown length ({@code count == 0}) is only emitted where masked stores are fast.
     */
    public CodeBlock store(String v, String array, Object offset) {
      if (mask == null) {
        return CodeBlock.of("$L.intoArray($L, $L);\n", v, array, offset);
      }
      CodeBlock masked = CodeBlock.of("$L.intoArray($L, $L, $L);\n", v, array, offset, mask);
      if (count == 0) {
        return masked;
      }
      CodeBlock.Builder b = CodeBlock.builder().beginControlFlow("if ($T.MASKED_STORES)", LANES);
      b.add(masked);
      if (end != null) {
        b.nextControlFlow("else if ($L + S.length() <= $L)", offset, end);
        b.addStatement("$L.intoArray($L, $L)", v, array, offset);
      }
      b.nextControlFlow("else");
      if (count > UNROLLED_LANES) {
        b.beginControlFlow("for (int k = 0; k < $L; k++)", count);
        b.addStatement("$L[$L + k] = $L.lane(k)", array, offset, v);
        b.endControlFlow();
      } else {
        for (int k = 0; k < count; k++) {
          b.addStatement("$L[$L + $L] = $L.lane($L)", array, offset, k, v, k);
        }
      }
      return b.endControlFlow().build();
    }

    /**
     * {@code array[offset...] += v}. For a tail of known length on JDK 17, the lanes of {@code v}
     * past the tail must be 0 (they are products of masked loads): then a whole vector that ends
     * before {@link #end} is added and stored whole, which leaves the values past the tail as they
     * were; else the tail is added lane by lane.
     */
    public CodeBlock accumulate(String v, String array, Object offset) {
      if (mask == null) {
        return CodeBlock.of(
            "$L.add($T.fromArray(S, $L, $L)).intoArray($L, $L);\n",
            v,
            FLOAT_VECTOR,
            array,
            offset,
            array,
            offset);
      }
      CodeBlock masked =
          CodeBlock.of(
              "$L.add($T.fromArray(S, $L, $L, $L)).intoArray($L, $L, $L);\n",
              v,
              FLOAT_VECTOR,
              array,
              offset,
              mask,
              array,
              offset,
              mask);
      if (count == 0) {
        return masked;
      }
      CodeBlock.Builder b = CodeBlock.builder().beginControlFlow("if ($T.MASKED_STORES)", LANES);
      b.add(masked);
      if (end != null) {
        b.nextControlFlow("else if ($L + S.length() <= $L)", offset, end);
        b.add(FULL.accumulate(v, array, offset));
      }
      b.nextControlFlow("else");
      if (count > UNROLLED_LANES) {
        b.beginControlFlow("for (int k = 0; k < $L; k++)", count);
        b.addStatement("$L[$L + k] += $L.lane(k)", array, offset, v);
        b.endControlFlow();
      } else {
        for (int k = 0; k < count; k++) {
          b.addStatement("$L[$L + $L] += $L.lane($L)", array, offset, k, v, k);
        }
      }
      return b.endControlFlow().build();
    }
  }

  /**
   * The channel loop of a pixel: {@code var} from 0 in whole vectors while one fits below {@code
   * channels}, then the channels left over on lanes too. A body that only writes (the values it
   * writes do not depend on what is there) takes one more whole vector ending at the last channel,
   * which recomputes a few channels to the same values, or a masked vector when there are fewer
   * channels than lanes. A body that adds into its output ({@code writesOnly} false) takes a masked
   * tail where masked stores are fast, and {@code scalar} (over {@code var} to {@code channels})
   * otherwise when the channels fill a vector. {@code end} is as in {@link Vec#end}.
   */
  public static void channelLoop(
      CodeBlock.Builder b,
      String var,
      int channels,
      String end,
      boolean writesOnly,
      Function<Vec, CodeBlock> body,
      CodeBlock scalar) {
    b.addStatement("int $L = 0", var);
    lanesLoops(b, var, channels, sp -> body.apply(Vec.FULL));
    b.beginControlFlow("if ($L < $L)", var, channels);
    if (writesOnly) {
      b.beginControlFlow("if ($L >= S.length())", channels);
      b.addStatement("$L = $L - S.length()", var, channels);
      b.add(body.apply(Vec.FULL));
    } else {
      b.beginControlFlow("if ($T.MASKED_STORES)", LANES);
      b.addStatement(
          "$T<Float> m = $T.fromArray(S, LEAD, S.length() - $L + $L)",
          VECTOR_MASK,
          VECTOR_MASK,
          channels,
          var);
      b.add(body.apply(new Vec("m", 0, null)));
      b.nextControlFlow("else if ($L >= S.length())", channels);
      b.beginControlFlow("for (; $L < $L; $L++)", var, channels, var);
      b.add(scalar);
      b.endControlFlow();
    }
    b.nextControlFlow("else");
    b.addStatement(leadingLanes(channels));
    b.add(body.apply(new Vec("m", channels, end)));
    b.endControlFlow();
    b.endControlFlow();
  }

  /**
   * {@code VectorMask<Float> m = }the first {@code n} lanes, loaded from the {@code LEAD} bits of
   * the {@code Simd} class ({@code n} true, then false). Not {@code S.indexInRange(0, n)}: JDK 17
   * builds that mask from an iota vector in Java code, which C2 sometimes left boxed (measured: a
   * warm seed-network step allocating 983,040 bytes in {@code conv1Tile12M}, one run in four).
   */
  public static CodeBlock leadingLanes(int n) {
    return CodeBlock.of(
        "$T<Float> m = $T.fromArray(S, LEAD, S.length() - $L)", VECTOR_MASK, VECTOR_MASK, n);
  }

  /** {@code " + L"}, {@code " + 2 * L"}: the offset of filter vector {@code v}. */
  public static String lanes(int v) {
    return v == 0 ? "" : v == 1 ? " + L" : " + " + v + " * L";
  }

  /**
   * The Lucene skeleton along a contiguous axis: {@code var} from its current value in steps of
   * {@code S}'s lanes while a whole vector fits below {@code bound}; the caller adds the scalar
   * tail. {@code body} gets the species name.
   */
  public static void lanesLoops(
      CodeBlock.Builder b, String var, long bound, Function<String, CodeBlock> body) {
    b.beginControlFlow("for (; $L <= $L - S.length(); $L += S.length())", var, bound, var);
    b.add(body.apply("S"));
    b.endControlFlow();
  }

  /**
   * A whole elementwise pass over {@code size} values with index {@code i}: the vector loop with
   * {@code vector}, then the scalar tail with {@code scalar}.
   */
  public static CodeBlock elementwise(
      long size, Function<String, CodeBlock> vector, CodeBlock scalar) {
    CodeBlock.Builder b = CodeBlock.builder().addStatement("int i = 0");
    lanesLoops(b, "i", size, vector);
    return b.beginControlFlow("for (; i < $L; i++)", size).add(scalar).endControlFlow().build();
  }

  /**
   * {@code dst[dsto + i] += src[srco + i] (* factor[fo + i])} over {@code size} values on lanes.
   */
  public static CodeBlock addInto(
      long size, String dst, String dsto, String src, String srco, String factor, String fo) {
    String product =
        factor == null
            ? src + "[" + srco + " + i]"
            : src + "[" + srco + " + i] * " + factor + "[" + fo + " + i]";
    return elementwise(
        size,
        sp -> {
          CodeBlock.Builder v =
              CodeBlock.builder().add("$T.fromArray(S, $L, $L + i)", FLOAT_VECTOR, src, srco);
          if (factor != null) {
            v.add(".mul($T.fromArray(S, $L, $L + i))", FLOAT_VECTOR, factor, fo);
          }
          return CodeBlock.of(
              "$L.add($T.fromArray(S, $L, $L + i)).intoArray($L, $L + i);\n",
              v.build(),
              FLOAT_VECTOR,
              dst,
              dsto,
              dst,
              dsto);
        },
        CodeBlock.of("$L[$L + i] += $L;\n", dst, dsto, product));
  }

  /** {@code FloatVector acc = ...}: the identity of a max (negative infinity) or a sum (zero). */
  public static CodeBlock accumulator(String species, boolean max) {
    return max
        ? CodeBlock.of(
            "$T acc = $T.broadcast($L, Float.NEGATIVE_INFINITY);\n",
            FLOAT_VECTOR,
            FLOAT_VECTOR,
            species)
        : CodeBlock.of("$T acc = $T.zero($L);\n", FLOAT_VECTOR, FLOAT_VECTOR, species);
  }
}

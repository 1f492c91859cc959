package dev.jconv.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.function.Function;

/** The Lucene vector-loop skeleton and the names SIMD emitters share. */
public final class Vectors {
  /** {@code jdk.incubator.vector.FloatVector}. */
  public static final ClassName FLOAT_VECTOR = ClassName.get("jdk.incubator.vector", "FloatVector");

  private Vectors() {}

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

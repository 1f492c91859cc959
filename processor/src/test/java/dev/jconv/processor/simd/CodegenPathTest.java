package dev.jconv.processor.simd;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.jconv.processor.diag.Covers;
import dev.jconv.processor.diag.Diag;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The processor emits {@code Simd} only when the compilation sees the Vector API and allows it. */
class CodegenPathTest {
  static final Map<String, List<String>> TINY =
      Map.of(
          "Tiny",
          List.of(
              "@Network(input = {4, 4, 2})",
              "public abstract class Tiny {",
              "  @Conv2D(filters = 3, kernelSize = 3, padding = SAME) Layer conv1;",
              "}"));

  private static String model(Compilation c) {
    try {
      return c.generatedSourceFile("test.TinyModel").orElseThrow().getCharContent(true).toString();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  @Covers(Diag.CODEGEN_PATH)
  void vectorModuleGivesSimdAndScalar() {
    Compilation c = Compiled.compile(TINY, true).compilation();
    assertThat(model(c)).contains("static final class Simd");
    assertThat(model(c)).contains("static final class Scalar");
    assertThat(c)
        .hadNoteContaining(
            "[jconv.codegen-path] Tiny: generated SIMD (jdk.incubator.vector) and scalar kernels");
  }

  @Test
  @Covers(Diag.CODEGEN_PATH)
  void optionFalseGivesScalarOnly() {
    Compilation c = Compiled.compile(TINY, true, "-Ajconv.simd=false").compilation();
    assertThat(model(c)).doesNotContain("Simd");
    assertThat(model(c)).doesNotContain("jdk.incubator.vector");
    assertThat(c)
        .hadNoteContaining(
            "[jconv.codegen-path] Tiny: generated scalar kernels only: -Ajconv.simd=false");
  }

  @Test
  @Covers(Diag.CODEGEN_PATH)
  void noVectorModuleGivesScalarOnly() {
    Compilation c = Compiled.compile(TINY, false).compilation();
    assertThat(model(c)).doesNotContain("Simd");
    assertThat(c)
        .hadWarningContaining(
            "generated scalar kernels only: the compilation cannot see the module"
                + " jdk.incubator.vector");
  }
}

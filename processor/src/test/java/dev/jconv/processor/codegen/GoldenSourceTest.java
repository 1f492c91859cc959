package dev.jconv.processor.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.jconv.processor.JconvProcessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Pins what the generated code of one small network looks like, comments included: named offsets,
 * folded arithmetic, the headers that list each method's buffers, the training pass. A change to
 * the generator that changes this file must be reviewed; regenerate it with {@code
 * -Djconv.golden.update=true} and read the diff.
 */
class GoldenSourceTest {
  private static final Path EXPECTED = Path.of("src/test/golden/TinyNetModel.java.txt");

  private static final JavaFileObject TINY_NET =
      JavaFileObjects.forSourceLines(
          "golden.TinyNet",
          "package golden;",
          "import dev.jconv.*;",
          "import static dev.jconv.Activation.Fn.*;",
          "import static dev.jconv.Padding.*;",
          "@Network(input = {4, 4, 2})",
          "public abstract class TinyNet {",
          "  @Rescaling(scale = 0.5, offset = -1) Layer scaled;",
          "  @Conv2D(filters = 3, kernelSize = 3, padding = SAME, activation = RELU) Layer conv1;",
          "  @MaxPooling2D(poolSize = 2) Layer pool1;",
          "  @Flatten Layer flat;",
          "  @Dense(units = 2, activation = SOFTMAX) Layer fc;",
          "}");

  @Test
  void theTinyNetworkGeneratesTheCheckedInSource() throws IOException {
    Compilation c =
        javac()
            .withProcessors(new JconvProcessor())
            .withOptions("--add-modules", "jdk.incubator.vector")
            .compile(TINY_NET);
    assertThat(c).succeeded();
    String actual =
        c.generatedSourceFile("golden.TinyNetModel").orElseThrow().getCharContent(true).toString();
    assertTrue(actual.contains("class Simd"), "SIMD kernels are part of the pinned source");
    if (Boolean.getBoolean("jconv.golden.update")) {
      Files.writeString(EXPECTED, actual, StandardCharsets.UTF_8);
    }
    assertEquals(
        Files.readString(EXPECTED, StandardCharsets.UTF_8),
        actual,
        "the generated code changed: review it, then regenerate with -Djconv.golden.update=true");
  }
}

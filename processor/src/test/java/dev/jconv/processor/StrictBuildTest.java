package dev.jconv.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Strict builds ({@code -Xlint:all -Werror}) compile a network and its generated model; the SIMD
 * choice is a visible warning when the JDK could have had it; the jar declares what build tools
 * read (Gradle's incremental mode, the service file).
 */
class StrictBuildTest {
  private static final JavaFileObject NET =
      JavaFileObjects.forSourceLines(
          "strict.Net",
          "package strict;",
          "import dev.jconv.*;",
          "@Network(input = {6, 6, 2}, params = 76 + 16 + 15)",
          "public abstract class Net {",
          "  @Conv2D(filters = 4, kernelSize = 3, padding = Padding.SAME) Layer conv1;",
          "  @BatchNormalization Layer bn1;",
          "  @Activation(Activation.Fn.RELU) Layer relu1;",
          "  @MaxPooling2D(poolSize = 2) Layer pool1;",
          "  @GlobalAveragePooling2D Layer gap;",
          "  @Dropout(rate = 0.25) Layer drop;",
          "  @Dense(units = 3, activation = Activation.Fn.SOFTMAX) Layer out;",
          "}");

  private static Compilation compile(String... options) {
    return javac().withProcessors(new JconvProcessor()).withOptions(List.of(options)).compile(NET);
  }

  @Test
  void werrorWithScalarKernelsCompilesWithoutAWarning() {
    Compilation c = compile("-Xlint:all", "-Werror", "-Ajconv.simd=false");
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("strict.NetModel");
  }

  /**
   * With SIMD, javac's incubator warning is the only one: JDK 25 silences it with {@code
   * -Xlint:-incubating}; JDK 17 has no such category (and {@code -nowarn} would hide every
   * warning), so strict JDK 17 builds choose scalar kernels or compile with a newer javac.
   */
  @Test
  void werrorWithSimdKernels() {
    int jdk = Runtime.version().feature();
    List<String> options =
        new ArrayList<>(List.of("--add-modules", "jdk.incubator.vector", "-Xlint:all", "-Werror"));
    if (jdk >= 25) {
      options.add("-Xlint:-incubating");
      Compilation c = compile(options.toArray(String[]::new));
      assertThat(c).succeededWithoutWarnings();
      assertThat(c).generatedSourceFile("strict.NetModel").contentsAsUtf8String().contains("Simd");
    } else if (jdk == 17) {
      Compilation c = compile(options.toArray(String[]::new));
      assertThat(c).failed();
      for (var warning : c.warnings()) {
        assertTrue(warning.getMessage(null).contains("incubating"), c.diagnostics().toString());
      }
      assertThat(c).hadWarningContaining("using incubating module(s): jdk.incubator.vector");
    }
  }

  @Test
  void scalarWhenSimdWasPossibleIsAWarning() {
    Compilation c = compile();
    assertThat(c).succeeded();
    assertThat(c)
        .hadWarningContaining(
            "[jconv.codegen-path] Net: generated scalar kernels only: the compilation cannot see"
                + " the module jdk.incubator.vector; compile with '--add-modules"
                + " jdk.incubator.vector' for SIMD kernels, or pass -Ajconv.simd=false")
        .inFile(NET)
        .onLine(4);
  }

  @Test
  void claimsOnlyAnnotationTypesThatExist() throws ClassNotFoundException {
    JconvProcessor processor = new JconvProcessor();
    assertEquals(
        JconvProcessor.ANNOTATIONS.size() + 1, processor.getSupportedAnnotationTypes().size());
    for (String name : processor.getSupportedAnnotationTypes()) {
      assertTrue(Class.forName(name).isAnnotation(), name);
    }
  }

  @Test
  void jarDeclaresTheProcessorForServiceLoadingAndGradle() throws IOException {
    assertEquals(
        List.of(JconvProcessor.class.getName()),
        lines("META-INF/services/javax.annotation.processing.Processor"));
    assertEquals(
        List.of(JconvProcessor.class.getName() + ",isolating"),
        lines("META-INF/gradle/incremental.annotation.processors"));
  }

  private static List<String> lines(String resource) throws IOException {
    try (InputStream in = JconvProcessor.class.getClassLoader().getResourceAsStream(resource)) {
      assertTrue(in != null, resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().lines().toList();
    }
  }
}

package dev.jconv.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** A valid network compiles and gets its model; a bad one fails on the right line. */
class SmokeTest {
  @Test
  void validNetworkGeneratesModel() {
    Compilation c =
        javac()
            .withProcessors(new JconvProcessor())
            .compile(
                JavaFileObjects.forSourceLines(
                    "test.Tiny",
                    "package test;",
                    "import dev.jconv.*;",
                    "@Network(input = {8, 8, 1}, params = 40 + 1450)",
                    "public abstract class Tiny {",
                    "  @Conv2D(filters = 4, kernelSize = 3) Layer conv1;",
                    "  @Flatten Layer flat;",
                    "  @Dense(units = 10) Layer out;",
                    "}"));
    assertThat(c).succeeded();
    assertThat(c)
        .generatedSourceFile("test.TinyModel")
        .contentsAsUtf8String()
        .contains("conv1Layer");
  }

  @Test
  void kernelTooLargeIsReportedOnItsLine() {
    JavaFileObject source =
        JavaFileObjects.forSourceLines(
            "test.Bad",
            "package test;",
            "import dev.jconv.*;",
            "@Network(input = {4, 4, 1})",
            "public abstract class Bad {",
            "  @Conv2D(filters = 4,",
            "      kernelSize = 5) Layer conv1;",
            "}");
    Compilation c = javac().withProcessors(new JconvProcessor()).compile(source);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining("[jconv.kernel-too-large] 'conv1' (Conv2D): kernel 5x5")
        .inFile(source)
        .onLineContaining("kernelSize = 5");
  }
}

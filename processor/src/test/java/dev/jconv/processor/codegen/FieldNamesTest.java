package dev.jconv.processor.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.jconv.processor.JconvProcessor;
import org.junit.jupiter.api.Test;

/** Layer fields may have any Java name, including the names of the generated model's members. */
class FieldNamesTest {
  @Test
  void fieldsNamedLikeGeneratedMembersCompile() {
    Compilation c =
        javac()
            .withProcessors(new JconvProcessor())
            .compile(
                JavaFileObjects.forSourceLines(
                    "test.Net",
                    "package test;",
                    "import dev.jconv.*;",
                    "@Network(input = {4, 4, 1})",
                    "public abstract class Net {",
                    "  @Conv2D(filters = 2, kernelSize = 1) Layer layers;",
                    "  @Activation(Activation.Fn.RELU) Layer INPUT_SHAPE;",
                    "  @Flatten Layer OUTPUT_SHAPE;",
                    "  @Dropout(rate = 0.1) Layer name;",
                    "  @Dense(units = 3) Layer layersLayer;",
                    "}"));
    assertThat(c).succeeded();
  }
}

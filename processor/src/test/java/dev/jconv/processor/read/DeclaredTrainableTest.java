package dev.jconv.processor.read;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.jconv.processor.JconvProcessor;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@code trainable = false} on a layer with parameters, as Keras's {@code trainable}: the
 * compile-time summary counts the layer's parameters as non-trainable and the generated model
 * freezes it in its constructor; layers without the attribute stay trainable.
 */
class DeclaredTrainableTest {
  @Test
  void declaredFrozenLayersCountAsNonTrainable() {
    Compilation c =
        compile(
            "@Network(input = {4, 4, 2})",
            "public abstract class Net {",
            "  @Conv2D(filters = 3, kernelSize = 1, trainable = false) Layer conv;", // 9
            "  @BatchNormalization(trainable = false) Layer bn;", // 12, 6 trainable
            "  @DepthwiseConv2D(kernelSize = 1, trainable = false) Layer dw;", // 6
            "  @SeparableConv2D(filters = 2, kernelSize = 1, trainable = false) Layer sep;", // 11
            "  @Flatten Layer flat;",
            "  @Dense(units = 2, trainable = false) Layer fc;", // 66
            "  @Dense(units = 2) Layer out;", // 6
            "}");
    assertThat(c).succeeded();
    String note = c.notes().stream().map(d -> d.getMessage(Locale.ROOT)).toList().toString();
    assertTrue(note.contains("Total params: 110 "), note);
    assertTrue(note.contains("Trainable params: 6 "), note);
    assertTrue(note.contains("Non-trainable params: 104 "), note);
    assertThat(c)
        .generatedSourceFile("test.NetModel")
        .contentsAsUtf8String()
        .contains("super.conv.freeze();");
    assertThat(c)
        .generatedSourceFile("test.NetModel")
        .contentsAsUtf8String()
        .contains("super.fc.freeze();");
  }

  @Test
  void trainableTrueIsTheDefault() {
    Compilation c =
        compile(
            "@Network(input = {4, 4, 2})",
            "public abstract class Net {",
            "  @Conv2D(filters = 3, kernelSize = 1, trainable = true) Layer conv;",
            "  @BatchNormalization Layer bn;",
            "}");
    assertThat(c).succeeded();
    String note = c.notes().stream().map(d -> d.getMessage(Locale.ROOT)).toList().toString();
    assertTrue(note.contains("Trainable params: 15 "), note);
    assertThat(c)
        .generatedSourceFile("test.NetModel")
        .contentsAsUtf8String()
        .doesNotContain(".freeze()");
  }

  private static Compilation compile(String... lines) {
    String[] source = new String[lines.length + 2];
    source[0] = "package test;";
    source[1] = "import dev.jconv.*;";
    System.arraycopy(lines, 0, source, 2, lines.length);
    return javac()
        .withProcessors(new JconvProcessor())
        .withOptions("-Ajconv.summary=true")
        .compile(JavaFileObjects.forSourceLines("test.Net", source));
  }
}

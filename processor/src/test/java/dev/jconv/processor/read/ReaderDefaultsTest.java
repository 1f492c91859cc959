package dev.jconv.processor.read;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.jconv.processor.JconvProcessor;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keras's defaults and the short forms of {@code int[]} attributes, as the reader applies them,
 * seen in the summary NOTE ({@code -Ajconv.summary=true}).
 */
class ReaderDefaultsTest {
  @Test
  void poolingStridesDefaultToThePoolSize() {
    Compilation c =
        compile(
            "@Network(input = {9, 9, 1})",
            "public abstract class Net {",
            "  @MaxPooling2D(poolSize = 3) Layer max;", // strides 3: 9 -> 3 (stride 1 gives 7)
            "  @AveragePooling2D Layer avg;", // poolSize 2, strides 2: 3 -> 1
            "  @Flatten Layer out;",
            "}");
    assertThat(c).succeeded();
    assertRow(c, "max (MaxPooling2D)", "(None, 3, 3, 1)");
    assertRow(c, "avg (AveragePooling2D)", "(None, 1, 1, 1)");
  }

  @Test
  void explicitPoolingStridesWin() {
    Compilation c =
        compile(
            "@Network(input = {9, 9, 1})",
            "public abstract class Net {",
            "  @MaxPooling2D(poolSize = 3, strides = 1) Layer max;",
            "  @Flatten Layer out;",
            "}");
    assertThat(c).succeeded();
    assertRow(c, "max (MaxPooling2D)", "(None, 7, 7, 1)");
  }

  @Test
  void zeroPaddingTakesOneTwoOrFourValues() {
    Compilation c =
        compile(
            "@Network(input = {5, 6, 1})",
            "public abstract class Net {",
            "  @ZeroPadding2D Layer p1;", // default 1 on every side: (7, 8)
            "  @ZeroPadding2D(padding = {1, 2}) Layer p2;", // 1 top and bottom, 2 left and right
            "  @ZeroPadding2D(padding = {0, 1, 2, 3}) Layer p4;", // top, bottom, left, right
            "  @Flatten Layer out;",
            "}");
    assertThat(c).succeeded();
    assertRow(c, "p1 (ZeroPadding2D)", "(None, 7, 8, 1)");
    assertRow(c, "p2 (ZeroPadding2D)", "(None, 9, 12, 1)");
    assertRow(c, "p4 (ZeroPadding2D)", "(None, 10, 17, 1)");
  }

  @Test
  void rectangularKernelAndStrides() {
    Compilation c =
        compile(
            "@Network(input = {7, 9, 2}, params = 3 * 5 * 2 * 4 + 4)",
            "public abstract class Net {",
            "  @Conv2D(filters = 4, kernelSize = {3, 5}, strides = {2, 1}) Layer conv;",
            "}");
    assertThat(c).succeeded();
    assertRow(c, "conv (Conv2D)", "(None, 3, 5, 4)");
  }

  /** The summary NOTE has a row for {@code layer} with output shape {@code shape}. */
  private static void assertRow(Compilation c, String layer, String shape) {
    String note = c.notes().stream().map(d -> d.getMessage(Locale.ROOT)).toList().toString();
    Pattern row = Pattern.compile(Pattern.quote(layer) + " +" + Pattern.quote(shape));
    assertTrue(row.matcher(note).find(), () -> "no row '" + layer + " " + shape + "' in " + note);
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

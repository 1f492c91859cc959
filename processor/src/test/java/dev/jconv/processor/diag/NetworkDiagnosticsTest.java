package dev.jconv.processor.diag;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jconv.processor.diag.Sources.compile;
import static dev.jconv.processor.diag.Sources.source;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics on the network as a whole: input shape, layers, parameter count, outputs, summary.
 */
class NetworkDiagnosticsTest {
  @Test
  @Covers(Diag.INPUT_SHAPE)
  void inputWithTwoAxes() {
    JavaFileObject source =
        source(
            "Gray",
            "@Network(",
            "    input = {28, 28})",
            "public abstract class Gray {",
            "  @Flatten Layer flat;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.input-shape] @Network(input = {28, 28}) of Gray must be {height, width,"
                + " channels} or {features}")
        .containing("e.g. input = {28, 28, 1}")
        .in(source)
        .at("input = {28, 28})", "{28, 28}");
  }

  @Test
  @Covers(Diag.INPUT_SHAPE)
  void inputWithAZeroSize() {
    JavaFileObject source =
        source(
            "Zero",
            "@Network(",
            "    input = {28, 0, 1})",
            "public abstract class Zero {",
            "  @Flatten Layer flat;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.input-shape] @Network(input = {28, 0, 1}) of Zero")
        .containing("every size positive")
        .in(source)
        .at("input = {28, 0, 1})", "{28, 0, 1}");
  }

  @Test
  @Covers(Diag.INPUT_SHAPE)
  void inputLargerThanAnArray() {
    JavaFileObject source =
        source(
            "Poster",
            "@Network(",
            "    input = {100000, 100000, 3})",
            "public abstract class Poster {",
            "  @Flatten Layer flat;",
            "  @Dense(units = 10) Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.input-shape] @Network(input = {100000, 100000, 3}) of Poster")
        .containing("at most 2,147,483,647 elements")
        .in(source)
        .at("input = {100000, 100000, 3})", "{100000, 100000, 3}");
  }

  @Test
  @Covers(Diag.NO_LAYERS)
  void emptyClass() {
    JavaFileObject source =
        source(
            "Hollow", //
            "@Network(input = {8})",
            "public abstract class Hollow {}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.no-layers] @Network class Hollow declares no layers")
        .containing("add fields such as '@Dense(units = 10) Layer out;'")
        .in(source)
        .at("@Network(input = {8})");
  }

  @Test
  @Covers(Diag.NO_LAYERS)
  void onlyOtherFields() {
    JavaFileObject source =
        source(
            "Settings",
            "@Network(input = {8})",
            "public abstract class Settings {",
            "  int epochs = 3;",
            "  abstract void train();",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.no-layers] @Network class Settings declares no layers")
        .in(source)
        .at("@Network(input = {8})");
  }

  @Test
  @Covers(Diag.PARAMS_MISMATCH)
  void declaredParamsDoNotMatch() {
    JavaFileObject source =
        source(
            "Counted",
            "@Network(input = {8, 8, 1},",
            "    params = 1_000)",
            "public abstract class Counted {",
            "  @Conv2D(filters = 4, kernelSize = 3) Layer conv1;",
            "  @BatchNormalization Layer bn;",
            "  @Flatten Layer flat;",
            "  @Dense(units = 10) Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.params-mismatch] @Network(params = 1,000) but Counted has 1,506 parameters"
                + " (1,498 trainable, 8 non-trainable); per layer: conv1 40, bn 16, out 1,450")
        .in(source)
        .at("params = 1_000)", "1_000");
  }

  @Test
  void matchingParamsCompile() {
    JavaFileObject source =
        source(
            "Exact",
            "@Network(input = {8, 8, 1}, params = 40 + 16 + 1450)",
            "public abstract class Exact {",
            "  @Conv2D(filters = 4, kernelSize = 3) Layer conv1;",
            "  @BatchNormalization Layer bn;",
            "  @Flatten Layer flat;",
            "  @Dense(units = 10) Layer out;",
            "}");
    assertThat(compile(source)).succeededWithoutWarnings();
  }

  @Test
  @Covers(Diag.UNUSED_OUTPUT)
  void unusedBranchIsAWarningAndTheModelIsStillGenerated() {
    JavaFileObject source =
        source(
            "Dangling",
            "@Network(input = {8, 8, 1})",
            "public abstract class Dangling {",
            "  @Conv2D(filters = 4, kernelSize = 3) Layer conv1;",
            "  @Conv2D(filters = 2, kernelSize = 1)",
            "  Layer side;",
            "  @GlobalAveragePooling2D(from = \"conv1\") Layer gap;",
            "  @Dense(units = 10) Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).succeeded();
    assertThat(c).hadWarningCount(1);
    Expect.warning(
            c,
            "[jconv.unused-output] 'side' (Conv2D): output (None, 6, 6, 2) is read by no later"
                + " layer and is not the network output (the last field)")
        .containing("read it with from = \"side\" or remove the field")
        .in(source)
        .at("@Conv2D(filters = 2, kernelSize = 1)", "@");
    assertThat(c).generatedSourceFile("test.DanglingModel");
  }

  @Test
  @Covers(Diag.SUMMARY)
  void summaryIsANoteWhenAsked() {
    JavaFileObject source =
        source(
            "Summarised",
            "@Network(input = {8, 8, 1})",
            "public abstract class Summarised {",
            "  @Conv2D(filters = 4, kernelSize = 3, activation = RELU) Layer conv1;",
            "  @Flatten Layer flat;",
            "  @Dense(units = 10, activation = SOFTMAX) Layer out;",
            "}");
    Compilation c = compile(List.of("-Ajconv.summary=true"), source);
    assertThat(c).succeededWithoutWarnings();
    Expect.note(c, "[jconv.summary]")
        .containing(
            "Model: \"Summarised\"",
            "conv1 (Conv2D)",
            "(None, 6, 6, 4)",
            "flat (Flatten)",
            "(None, 144)",
            "out (Dense)",
            "1,450",
            "Total params: 1,490")
        .in(source)
        .at("@Network(input = {8, 8, 1})");
  }

  @Test
  void noSummaryUnlessAsked() {
    JavaFileObject source =
        source(
            "Quiet",
            "@Network(input = {8})",
            "public abstract class Quiet {",
            "  @Dense(units = 2) Layer out;",
            "}");
    Compilation c = compile(List.of("-Ajconv.summary=false"), source);
    assertThat(c).succeededWithoutWarnings();
    assertTrue(c.notes().stream().noneMatch(n -> n.toString().contains("jconv.summary")));
  }
}

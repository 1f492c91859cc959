package dev.jconv.processor.diag;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jconv.processor.diag.Sources.compile;
import static dev.jconv.processor.diag.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Diagnostics on {@code from}: unknown, self and later references, merges with too few inputs. */
class ReferenceDiagnosticsTest {
  @Test
  @Covers(Diag.FROM_UNKNOWN)
  void misspelledFieldGetsADidYouMean() {
    JavaFileObject source =
        source(
            "Typo",
            "@Network(input = {8, 8, 1})",
            "public abstract class Typo {",
            "  @Conv2D(filters = 4, kernelSize = 3) Layer conv1;",
            "  @Conv2D(filters = 4, kernelSize = 3) Layer conv2;",
            "  @Add(",
            "      from = {\"conv2\", \"covn1\"}) Layer add;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c, "[jconv.from-unknown] 'add' (Add): from = \"covn1\" names no layer field of Typo")
        .containing("did you mean 'conv1'?")
        .in(source)
        .at("from = {\"conv2\", \"covn1\"}", "{");
  }

  @Test
  @Covers(Diag.FROM_UNKNOWN)
  void unrelatedNameListsTheEarlierFields() {
    JavaFileObject source =
        source(
            "Lost",
            "@Network(input = {8})",
            "public abstract class Lost {",
            "  @Dense(units = 4) Layer hidden;",
            "  @Dropout(rate = 0.5) Layer drop;",
            "  @Dense(units = 2,",
            "      from = \"somethingElse\") Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.from-unknown] 'out' (Dense): from = \"somethingElse\" names no layer")
        .containing("the earlier fields are hidden, drop")
        .in(source)
        .at("from = \"somethingElse\"", "\"somethingElse\"");
  }

  @Test
  @Covers(Diag.FROM_UNKNOWN)
  void firstFieldCanReadOnlyTheInput() {
    JavaFileObject source =
        source(
            "First",
            "@Network(input = {8})",
            "public abstract class First {",
            "  @Dense(units = 2,",
            "      from = \"previousLayer\") Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.from-unknown] 'out' (Dense): from = \"previousLayer\"")
        .containing("it is the first field, so it can read only the network input (\"input\")")
        .in(source)
        .at("from = \"previousLayer\"", "\"previousLayer\"");
  }

  @Test
  void inputNamesTheNetworkInput() {
    JavaFileObject source =
        source(
            "Skip",
            "@Network(input = {8})",
            "public abstract class Skip {",
            "  @Dense(units = 8) Layer hidden;",
            "  @Add(from = {\"input\", \"hidden\"}) Layer add;",
            "}");
    assertThat(compile(source)).succeededWithoutWarnings();
  }

  @Test
  @Covers(Diag.FROM_SELF)
  void layerReadsItself() {
    JavaFileObject source =
        source(
            "Loop",
            "@Network(input = {8})",
            "public abstract class Loop {",
            "  @Dense(units = 8) Layer hidden;",
            "  @Dense(units = 8,",
            "      from = \"out\") Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.from-self] 'out' (Dense): from = \"out\" names the layer itself; a layer reads"
                + " an earlier field")
        .in(source)
        .at("from = \"out\"", "\"out\"");
  }

  @Test
  @Covers(Diag.FROM_LATER)
  void layerReadsALaterField() {
    JavaFileObject source =
        source(
            "Ahead",
            "@Network(input = {8})",
            "public abstract class Ahead {",
            "  @Dense(units = 8,",
            "      from = \"out\") Layer hidden;",
            "  @Dense(units = 2) Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.from-later] 'hidden' (Dense): from = \"out\" names a later field")
        .containing("a layer reads only earlier fields, so declare 'out' before 'hidden'")
        .in(source)
        .at("from = \"out\"", "\"out\"");
  }

  @Test
  @Covers(Diag.MERGE_INPUTS)
  void addOfOneInput() {
    JavaFileObject source =
        source(
            "Lonely",
            "@Network(input = {8})",
            "public abstract class Lonely {",
            "  @Dense(units = 8) Layer hidden;",
            "  @Add(",
            "      from = \"hidden\") Layer add;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c, "[jconv.merge-inputs] 'add' (Add): from = {\"hidden\"} names 1 layer(s); Add merges")
        .containing("at least two, e.g. from = {\"a\", \"b\"}")
        .in(source)
        .at("from = \"hidden\"", "\"hidden\"");
  }

  @Test
  @Covers(Diag.MERGE_INPUTS)
  void concatenateOfNothing() {
    JavaFileObject source =
        source(
            "Nothing",
            "@Network(input = {8, 8, 1})",
            "public abstract class Nothing {",
            "  @Conv2D(filters = 4, kernelSize = 3) Layer conv1;",
            "  @Concatenate(",
            "      from = {}) Layer cat;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.merge-inputs] 'cat' (Concatenate): from = {} names 0 layer(s); Concatenate"
                + " merges at least two")
        .in(source)
        .at("from = {}", "{}");
  }

  @Test
  void everyBadReferenceIsReported() {
    JavaFileObject source =
        source(
            "Tangled",
            "@Network(input = {8})",
            "public abstract class Tangled {",
            "  @Dense(units = 8, from = \"later\") Layer first;",
            "  @Dense(units = 8, from = \"self\") Layer self;",
            "  @Dense(units = 8, from = \"frist\") Layer later;",
            "  @Add(from = {\"first\", \"nowhere\"}) Layer add;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(4);
    Expect.error(c, "[jconv.from-later] 'first'")
        .in(source)
        .at("from = \"later\") Layer first;", "\"later\"");
    Expect.error(c, "[jconv.from-self] 'self'")
        .in(source)
        .at("from = \"self\") Layer self;", "\"self\"");
    Expect.error(c, "[jconv.from-unknown] 'later'")
        .containing("did you mean 'first'?")
        .in(source)
        .at("from = \"frist\") Layer later;", "\"frist\"");
    Expect.error(c, "[jconv.from-unknown] 'add' (Add): from = \"nowhere\"")
        .in(source)
        .at("@Add(from = {\"first\", \"nowhere\"}) Layer add;", "{");
  }

  @Test
  @Covers(Diag.RESERVED_NAME)
  void aFieldCannotBeCalledInput() {
    JavaFileObject source =
        source(
            "Clash",
            "@Network(input = {8, 8, 1})",
            "public abstract class Clash {",
            "  @Conv2D(filters = 4, kernelSize = 1)",
            "  Layer input;",
            "  @Flatten Layer flat;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.reserved-name] layer field 'input': the name \"input\" is reserved")
        .containing("rename the field, e.g. to 'input_conv2d'")
        .in(source)
        .at("@Conv2D(filters = 4, kernelSize = 1)", "@Conv2D");
  }
}

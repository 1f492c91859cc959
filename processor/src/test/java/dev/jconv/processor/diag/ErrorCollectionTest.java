package dev.jconv.processor.diag;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jconv.processor.diag.Sources.compile;
import static dev.jconv.processor.diag.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Independent mistakes in one class are all reported in one compilation; a layer downstream of a
 * failed one is not reported again.
 */
class ErrorCollectionTest {
  @Test
  void independentErrorsOfEveryStageAreAllReported() {
    JavaFileObject source =
        source(
            "Everything",
            "@Network(input = {16, 16, 1})",
            "public final class Everything {",
            "  @Conv2D(filters = 4,",
            "      kernelSize = {1, 2, 3}) Layer arity;",
            "  @Conv2D(filters = 4, kernelSize = 3, from = \"input\")",
            "  private Layer hidden;",
            "  @Dropout(from = \"hidden\",",
            "      rate = 1.5) Layer drop;",
            "  @Conv2D(filters = 4, kernelSize = 3, from = \"hiden\") Layer typo;",
            "  @MaxPooling2D(from = \"input\",",
            "      poolSize = 17) Layer pool;",
            "  @Dense(units = 3, from = \"hidden\") Layer dense;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(7);
    Expect.error(c, "[jconv.network-modifier] @Network class Everything must not be final")
        .in(source)
        .at("@Network(input = {16, 16, 1})");
    Expect.error(c, "[jconv.attribute-arity] 'arity' (Conv2D)")
        .in(source)
        .at("kernelSize = {1, 2, 3}", "{1, 2, 3}");
    Expect.error(c, "[jconv.field-modifier] layer field 'hidden' must not be private")
        .in(source)
        .at("private Layer hidden;", "hidden");
    Expect.error(c, "[jconv.rate-range] 'drop' (Dropout): rate = 1.5")
        .in(source)
        .at("rate = 1.5", "1.5");
    Expect.error(c, "[jconv.from-unknown] 'typo' (Conv2D): from = \"hiden\"")
        .containing("did you mean 'hidden'?")
        .in(source)
        .at("from = \"hiden\"", "\"hiden\"");
    Expect.error(c, "[jconv.pool-too-large] 'pool' (MaxPooling2D): pool window 17x17")
        .containing("(None, 16, 16, 1)")
        .in(source)
        .at("poolSize = 17", "17");
    Expect.error(c, "[jconv.dense-needs-flat] 'dense' (Dense) is fed (None, 14, 14, 4) by 'hidden'")
        .in(source)
        .at("@Dense(units = 3, from = \"hidden\")", "\"hidden\"");
  }

  @Test
  void layersDownstreamOfAShapeErrorAreNotReportedAgain() {
    JavaFileObject source =
        source(
            "Cascade",
            "@Network(input = {4, 4, 1})",
            "public abstract class Cascade {",
            "  @Conv2D(filters = 4,",
            "      kernelSize = 5) Layer conv1;",
            "  @Conv2D(filters = 4, kernelSize = 3) Layer conv2;",
            "  @Dense(units = 10) Layer wouldNeedFlatten;",
            "  @Add(from = {\"conv1\", \"input\"}) Layer add;",
            "  @Concatenate(from = {\"add\", \"wouldNeedFlatten\"}) Layer cat;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.kernel-too-large] 'conv1' (Conv2D): kernel 5x5")
        .in(source)
        .at("kernelSize = 5", "5");
  }

  @Test
  void layersDownstreamOfAnAttributeErrorAreNotReportedAgain() {
    JavaFileObject source =
        source(
            "AfterZero",
            "@Network(input = {8, 8, 1})",
            "public abstract class AfterZero {",
            "  @Conv2D(kernelSize = 3,",
            "      filters = 0) Layer conv1;",
            "  @Dense(units = 10) Layer wouldNeedFlatten;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.non-positive] 'conv1' (Conv2D): filters = 0")
        .in(source)
        .at("filters = 0", "0");
  }

  @Test
  void layersDownstreamOfABadReferenceAreNotReportedAgain() {
    JavaFileObject source =
        source(
            "AfterTypo",
            "@Network(input = {8, 8, 1})",
            "public abstract class AfterTypo {",
            "  @Conv2D(filters = 4, kernelSize = 3) Layer conv1;",
            "  @Flatten(",
            "      from = \"conv\") Layer flat;",
            "  @Conv2D(filters = 4, kernelSize = 9) Layer wouldBeTooLarge;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.from-unknown] 'flat' (Flatten): from = \"conv\"")
        .in(source)
        .at("from = \"conv\"", "\"conv\"");
  }

  @Test
  void layersDownstreamOfAnUnreadableLayerAreNotReportedAgain() {
    JavaFileObject source =
        source(
            "AfterArity",
            "@Network(input = {8, 8, 1})",
            "public abstract class AfterArity {",
            "  @Conv2D(filters = 4,",
            "      kernelSize = {3, 3, 3}) Layer conv1;",
            "  @Dense(units = 10) Layer wouldNeedFlatten;",
            "  @Dense(units = 10, from = \"conv1\") Layer alsoWouldNeedFlatten;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.attribute-arity] 'conv1' (Conv2D): kernelSize = {3, 3, 3}")
        .in(source)
        .at("kernelSize = {3, 3, 3}", "{3, 3, 3}");
  }

  @Test
  void aFieldMissingItsAnnotationIsNotReportedAgainByItsReaders() {
    JavaFileObject source =
        source(
            "Forgotten",
            "@Network(input = {8})",
            "public abstract class Forgotten {",
            "  @Dense(units = 4) Layer hidden;",
            "  Layer forgotten;",
            "  @Dense(units = 2, from = \"forgotten\") Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.missing-layer] field 'forgotten'")
        .in(source)
        .at("Layer forgotten;", "forgotten");
  }

  @Test
  void aBadInputShapeDoesNotCascadeIntoEveryLayer() {
    JavaFileObject source =
        source(
            "NoInput",
            "@Network(input = {8, 8},",
            "    params = 123)",
            "public abstract class NoInput {",
            "  @Conv2D(filters = 4, kernelSize = 3) Layer conv1;",
            "  @Dense(units = 0) Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(2);
    Expect.error(c, "[jconv.input-shape] @Network(input = {8, 8})")
        .in(source)
        .at("@Network(input = {8, 8},", "{8, 8}");
    Expect.error(c, "[jconv.non-positive] 'out' (Dense): units = 0")
        .in(source)
        .at("@Dense(units = 0)", "0");
  }

  @Test
  void noModelIsGeneratedWhileThereAreErrors() {
    JavaFileObject source =
        source(
            "Broken",
            "@Network(input = {8})",
            "public abstract class Broken {",
            "  @Dense(units = 4)",
            "  private Layer out;",
            "}",
            "class User {",
            "  BrokenModel model;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("[jconv.field-modifier]");
    assertThat(c)
        .hadErrorContaining("cannot find symbol")
        .inFile(source)
        .onLineContaining("BrokenModel model;");
  }
}

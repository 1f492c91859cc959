package dev.jconv.processor.diag;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jconv.processor.diag.Sources.compile;
import static dev.jconv.processor.diag.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Malformed and hostile sources: the processor never throws and never prints a stack trace; it
 * answers with diagnostics only ({@link Sources#compile} checks that on every compilation).
 */
class RobustnessTest {
  @Test
  void typeErrorInAnAttributeLeavesOnlyJavacsError() {
    JavaFileObject source =
        source(
            "Stringly",
            "@Network(input = {8, 8, 1})",
            "public abstract class Stringly {",
            "  @Conv2D(filters = \"x\", kernelSize = 3) Layer conv1;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("incompatible types").inFile(source).onLineContaining("\"x\"");
  }

  @Test
  void missingRequiredAttributeLeavesOnlyJavacsError() {
    JavaFileObject source =
        source(
            "Unsized",
            "@Network(input = {8})",
            "public abstract class Unsized {",
            "  @Dense Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining("missing a default value for the element 'units'")
        .inFile(source)
        .onLineContaining("@Dense Layer out;");
  }

  @Test
  void unresolvedConstantSkipsThatLayerButNotTheOthers() {
    JavaFileObject source =
        source(
            "Unresolved",
            "@Network(input = {8, 8, 1})",
            "public abstract class Unresolved {",
            "  @Conv2D(filters = Missing.FILTERS, kernelSize = 3) Layer conv1;",
            "  @Dense(units = 10) Layer afterUnresolved;",
            "  @Conv2D(filters = 4, from = \"input\",",
            "      kernelSize = 9) Layer independent;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(2);
    assertThat(c)
        .hadErrorContaining("cannot find symbol")
        .inFile(source)
        .onLineContaining("Missing");
    Expect.error(c, "[jconv.kernel-too-large] 'independent' (Conv2D): kernel 9x9")
        .in(source)
        .at("kernelSize = 9", "9");
  }

  @Test
  void unresolvedFieldTypeIsLeftToJavac() {
    JavaFileObject source =
        source(
            "Misspelt",
            "@Network(input = {8})",
            "public abstract class Misspelt {",
            "  @Dense(units = 3) Layr out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(source).onLineContaining("Layr");
  }

  @Test
  void unknownFromIsADiagnostic() {
    JavaFileObject source =
        source(
            "Nowhere",
            "@Network(input = {8})",
            "public abstract class Nowhere {",
            "  @Dense(units = 3, from = \"nowhere\") Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[jconv.from-unknown]");
  }

  @Test
  void emptyClassIsADiagnostic() {
    Compilation c =
        compile(source("Blank", "@Network(input = {8})", "public abstract class Blank {}"));
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[jconv.no-layers]");
  }

  @Test
  void networkOnAnEnumIsADiagnostic() {
    Compilation c =
        compile(
            source(
                "Colours",
                "@Network(input = {8})",
                "public enum Colours {",
                "  RED;",
                "  @Dense(units = 3) Layer out;",
                "}"));
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[jconv.network-not-class]");
  }

  @Test
  void networkOnAnAnnotationTypeIsADiagnostic() {
    Compilation c =
        compile(source("Marker", "@Network(input = {8})", "public @interface Marker {}"));
    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining("[jconv.network-not-class] @Network must annotate a class, not")
        .inFile(c.sourceFiles().get(0))
        .onLineContaining("@Network");
  }

  @Test
  void severalErrorsInOneClassAreAllReported() {
    JavaFileObject source =
        source(
            "Mess",
            "@Network(input = {8, 8, 1}, params = 7)",
            "public abstract class Mess {",
            "  @Conv2D(filters = -1, kernelSize = 3) Layer conv1;",
            "  @Conv2D(filters = 2, kernelSize = 30, from = \"input\") Layer conv2;",
            "  @Dropout(rate = 2, from = \"input\") Layer drop;",
            "  @Dense(units = 2, from = \"conv3\") Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(4);
    assertThat(c).hadErrorContaining("[jconv.non-positive] 'conv1'");
    assertThat(c).hadErrorContaining("[jconv.kernel-too-large] 'conv2'");
    assertThat(c).hadErrorContaining("[jconv.rate-range] 'drop'");
    assertThat(c).hadErrorContaining("[jconv.from-unknown] 'out'");
  }

  @Test
  void twoBadNetworksBothGetTheirDiagnostics() {
    JavaFileObject first =
        source(
            "BadOne",
            "@Network(input = {4, 4, 1})",
            "public abstract class BadOne {",
            "  @Conv2D(filters = 4, kernelSize = 5) Layer conv1;",
            "}");
    JavaFileObject second =
        source(
            "BadTwo",
            "@Network(input = {4, 4, 1})",
            "public abstract class BadTwo {",
            "  @Flatten Layer flat;",
            "  @Dense(units = 0) Layer out;",
            "}");
    Compilation c = compile(first, second);
    assertThat(c).hadErrorCount(2);
    Expect.error(c, "[jconv.kernel-too-large] 'conv1'").in(first).at("kernelSize = 5", "5");
    Expect.error(c, "[jconv.non-positive] 'out' (Dense): units = 0")
        .in(second)
        .at("units = 0", "0");
  }

  @Test
  void twoBadNetworksInOneFileBothGetTheirDiagnostics() {
    JavaFileObject source =
        source(
            "Pair",
            "@Network(input = {4, 4, 1})",
            "abstract class Pair {",
            "  @Conv2D(filters = 4, kernelSize = 5) Layer conv1;",
            "}",
            "@Network(input = {4})",
            "abstract class Other {",
            "  @Dropout(rate = 3) Layer drop;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(2);
    Expect.error(c, "[jconv.kernel-too-large] 'conv1'").in(source).at("kernelSize = 5", "5");
    Expect.error(c, "[jconv.rate-range] 'drop'").in(source).at("rate = 3", "3");
  }

  @Test
  void goodNetworkStillGetsItsModelBesideABadOne() {
    JavaFileObject bad =
        source(
            "Bad",
            "@Network(input = {4, 4, 1})",
            "public abstract class Bad {",
            "  @Conv2D(filters = 4, kernelSize = 5) Layer conv1;",
            "}");
    JavaFileObject good =
        source(
            "Good",
            "@Network(input = {4, 4, 1})",
            "public abstract class Good {",
            "  @Conv2D(filters = 4, kernelSize = 3) Layer conv1;",
            "  @Flatten Layer flat;",
            "  @Dense(units = 2) Layer out;",
            "}",
            "class GoodUser {",
            "  GoodModel model; // resolves only if the model was generated",
            "}");
    Compilation c = compile(bad, good);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[jconv.kernel-too-large]").inFile(bad);
  }

  @Test
  void goodNetworkStillGetsItsModelBesideAnUnresolvedSymbol() {
    JavaFileObject bad =
        source(
            "Dangling",
            "@Network(input = {4})",
            "public abstract class Dangling {",
            "  @Dense(units = Missing.UNITS) Layer out;",
            "}");
    JavaFileObject good =
        source(
            "Fine",
            "@Network(input = {4})",
            "public abstract class Fine {",
            "  @Dense(units = 2) Layer out;",
            "}",
            "class FineUser {",
            "  FineModel model; // resolves only if the model was generated",
            "}");
    Compilation c = compile(bad, good);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(bad);
  }

  @Test
  void everyLayerKindTogetherCompilesCleanly() {
    JavaFileObject source =
        source(
            "AllKinds",
            "@Network(input = {16, 16, 3})",
            "public abstract class AllKinds {",
            "  @ZeroPadding2D(padding = 1) Layer pad;",
            "  @Conv2D(filters = 8, kernelSize = 3, activation = RELU) Layer conv;",
            "  @BatchNormalization Layer bn;",
            "  @Activation(RELU6) Layer act;",
            "  @DepthwiseConv2D(kernelSize = 3, padding = SAME) Layer dw;",
            "  @SeparableConv2D(filters = 8, kernelSize = 3, padding = SAME) Layer sep;",
            "  @Add(from = {\"act\", \"sep\"}) Layer add;",
            "  @MaxPooling2D Layer maxPool;",
            "  @AveragePooling2D(from = \"add\") Layer avgPool;",
            "  @Concatenate(from = {\"maxPool\", \"avgPool\"}) Layer cat;",
            "  @GlobalMaxPooling2D(from = \"cat\", keepdims = true) Layer gmp;",
            "  @GlobalAveragePooling2D(from = \"cat\") Layer gap;",
            "  @Flatten(from = \"gmp\") Layer flat;",
            "  @Concatenate(from = {\"flat\", \"gap\"}) Layer features;",
            "  @Dropout(rate = 0.5) Layer drop;",
            "  @Dense(units = 5, activation = SOFTMAX) Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.AllKindsModel");
  }
}

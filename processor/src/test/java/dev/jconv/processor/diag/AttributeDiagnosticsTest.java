package dev.jconv.processor.diag;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jconv.processor.diag.Sources.compile;
import static dev.jconv.processor.diag.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Diagnostics on attribute values taken on their own: arity, signs, ranges, combinations. */
class AttributeDiagnosticsTest {
  @Test
  @Covers(Diag.ATTRIBUTE_ARITY)
  void kernelSizeWithThreeValues() {
    JavaFileObject source =
        source(
            "Cube",
            "@Network(input = {8, 8, 1})",
            "public abstract class Cube {",
            "  @Conv2D(filters = 4,",
            "      kernelSize = {1, 2, 3}) Layer conv1;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.attribute-arity] 'conv1' (Conv2D): kernelSize = {1, 2, 3} must have one or two")
        .containing("e.g. kernelSize = 3 or kernelSize = {3, 5}")
        .in(source)
        .at("kernelSize = {1, 2, 3}", "{1, 2, 3}");
  }

  @Test
  @Covers(Diag.ATTRIBUTE_ARITY)
  void zeroPaddingWithThreeValues() {
    JavaFileObject source =
        source(
            "Pad3",
            "@Network(input = {8, 8, 1})",
            "public abstract class Pad3 {",
            "  @ZeroPadding2D(",
            "      padding = {1, 2, 3}) Layer pad;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.attribute-arity] 'pad' (ZeroPadding2D): padding = {1, 2, 3} must have 1, 2 or 4"
                + " values")
        .containing("e.g. padding = 1, {ph, pw} or {top, bottom, left, right}")
        .in(source)
        .at("padding = {1, 2, 3}", "{1, 2, 3}");
  }

  @Test
  @Covers(Diag.ATTRIBUTE_ARITY)
  void emptyArraysForStridesPoolSizeAndDilation() {
    JavaFileObject source =
        source(
            "Empty",
            "@Network(input = {8, 8, 1})",
            "public abstract class Empty {",
            "  @Conv2D(filters = 4, kernelSize = 3,",
            "      strides = {}) Layer conv1;",
            "  @MaxPooling2D(",
            "      poolSize = {}) Layer pool;",
            "  @DepthwiseConv2D(kernelSize = 1,",
            "      dilationRate = {1, 1, 1}) Layer dw;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(3);
    Expect.error(c, "[jconv.attribute-arity] 'conv1' (Conv2D): strides = {} must have one or two")
        .in(source)
        .at("strides = {}", "{}");
    Expect.error(
            c, "[jconv.attribute-arity] 'pool' (MaxPooling2D): poolSize = {} must have one or two")
        .in(source)
        .at("poolSize = {}", "{}");
    Expect.error(
            c,
            "[jconv.attribute-arity] 'dw' (DepthwiseConv2D): dilationRate = {1, 1, 1} must have"
                + " one or two")
        .in(source)
        .at("dilationRate = {1, 1, 1}", "{1, 1, 1}");
  }

  @Test
  void scalarAndPairFormsAreAccepted() {
    JavaFileObject source =
        source(
            "Forms",
            "@Network(input = {16, 16, 1})",
            "public abstract class Forms {",
            "  @ZeroPadding2D(padding = {1, 2, 3, 4}) Layer pad4;",
            "  @ZeroPadding2D(padding = {1, 2}) Layer pad2;",
            "  @ZeroPadding2D Layer pad1;",
            "  @Conv2D(filters = 4, kernelSize = {3, 5}, strides = {1, 2}) Layer conv;",
            "  @MaxPooling2D(poolSize = {2, 1}) Layer pool;",
            "}");
    assertThat(compile(source)).succeededWithoutWarnings();
  }

  @Test
  @Covers(Diag.NON_POSITIVE)
  void zeroFilters() {
    JavaFileObject source =
        source(
            "NoFilters",
            "@Network(input = {8, 8, 1})",
            "public abstract class NoFilters {",
            "  @Conv2D(kernelSize = 3,",
            "      filters = 0) Layer conv1;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.non-positive] 'conv1' (Conv2D): filters = 0 must be positive")
        .in(source)
        .at("filters = 0", "0");
  }

  @Test
  @Covers(Diag.NON_POSITIVE)
  void negativeUnits() {
    JavaFileObject source =
        source(
            "NoUnits",
            "@Network(input = {8})",
            "public abstract class NoUnits {",
            "  @Dense(",
            "      units = -3) Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.non-positive] 'out' (Dense): units = -3 must be positive")
        .in(source)
        .at("units = -3", "-3");
  }

  @Test
  @Covers(Diag.NON_POSITIVE)
  void oneSideOfAKernelIsZero() {
    JavaFileObject source =
        source(
            "Flat",
            "@Network(input = {8, 8, 1})",
            "public abstract class Flat {",
            "  @SeparableConv2D(filters = 4,",
            "      kernelSize = {3, 0}) Layer sep;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c, "[jconv.non-positive] 'sep' (SeparableConv2D): kernelSize = {3, 0} must be positive")
        .in(source)
        .at("kernelSize = {3, 0}", "{3, 0}");
  }

  @Test
  @Covers(Diag.NON_POSITIVE)
  void zeroDepthMultiplierAndStrides() {
    JavaFileObject source =
        source(
            "Depth",
            "@Network(input = {8, 8, 1})",
            "public abstract class Depth {",
            "  @DepthwiseConv2D(kernelSize = 3,",
            "      strides = 0,",
            "      depthMultiplier = 0) Layer dw;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(2);
    Expect.error(c, "[jconv.non-positive] 'dw' (DepthwiseConv2D): strides = 0 must be positive")
        .in(source)
        .at("strides = 0,", "0");
    Expect.error(
            c, "[jconv.non-positive] 'dw' (DepthwiseConv2D): depthMultiplier = 0 must be positive")
        .in(source)
        .at("depthMultiplier = 0", "0");
  }

  @Test
  @Covers(Diag.NON_POSITIVE)
  void zeroPoolSizeIsReportedOnceNotAgainForTheDefaultStrides() {
    JavaFileObject source =
        source(
            "Pool0",
            "@Network(input = {8, 8, 1})",
            "public abstract class Pool0 {",
            "  @AveragePooling2D(",
            "      poolSize = 0) Layer pool;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.non-positive] 'pool' (AveragePooling2D): poolSize = 0 must be positive")
        .in(source)
        .at("poolSize = 0", "0");
  }

  @Test
  @Covers(Diag.NON_POSITIVE)
  void explicitPoolStridesAreCheckedToo() {
    JavaFileObject source =
        source(
            "PoolStrides",
            "@Network(input = {8, 8, 1})",
            "public abstract class PoolStrides {",
            "  @MaxPooling2D(poolSize = 2,",
            "      strides = {1, -1}) Layer pool;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c, "[jconv.non-positive] 'pool' (MaxPooling2D): strides = {1, -1} must be positive")
        .in(source)
        .at("strides = {1, -1}", "{1, -1}");
  }

  @Test
  @Covers(Diag.NEGATIVE)
  void negativeZeroPadding() {
    JavaFileObject source =
        source(
            "Shrink",
            "@Network(input = {8, 8, 1})",
            "public abstract class Shrink {",
            "  @ZeroPadding2D(",
            "      padding = {1, -1}) Layer pad;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.negative] 'pad' (ZeroPadding2D): padding = {1, 1, -1, -1}")
        .containing("must not be negative")
        .in(source)
        .at("padding = {1, -1}", "{1, -1}");
  }

  @Test
  @Covers(Diag.RATE_RANGE)
  void dropoutRateOfOne() {
    JavaFileObject source =
        source(
            "DropAll",
            "@Network(input = {8})",
            "public abstract class DropAll {",
            "  @Dropout(",
            "      rate = 1.0) Layer drop;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.rate-range] 'drop' (Dropout): rate = 1.0 must be in [0, 1)")
        .containing("the fraction of inputs dropped")
        .in(source)
        .at("rate = 1.0", "1.0");
  }

  @Test
  @Covers(Diag.RATE_RANGE)
  void negativeDropoutRate() {
    JavaFileObject source =
        source(
            "DropLess",
            "@Network(input = {8})",
            "public abstract class DropLess {",
            "  @Dropout(",
            "      rate = -0.1) Layer drop;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.rate-range] 'drop' (Dropout): rate = -0.1 must be in [0, 1)")
        .in(source)
        .at("rate = -0.1", "-0.1");
  }

  @Test
  void dropoutRatesAtTheEdgesOfTheRangeAreFine() {
    JavaFileObject source =
        source(
            "DropEdges",
            "@Network(input = {8})",
            "public abstract class DropEdges {",
            "  @Dropout(rate = 0) Layer keepAll;",
            "  @Dropout(rate = 0.999) Layer dropMost;",
            "}");
    assertThat(compile(source)).succeededWithoutWarnings();
  }

  @Test
  @Covers(Diag.MOMENTUM_RANGE)
  void momentumAboveOne() {
    JavaFileObject source =
        source(
            "Momentum",
            "@Network(input = {8})",
            "public abstract class Momentum {",
            "  @BatchNormalization(",
            "      momentum = 1.5) Layer bn;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c, "[jconv.momentum-range] 'bn' (BatchNormalization): momentum = 1.5 must be in [0, 1]")
        .in(source)
        .at("momentum = 1.5", "1.5");
  }

  @Test
  @Covers(Diag.EPSILON_RANGE)
  void zeroEpsilon() {
    JavaFileObject source =
        source(
            "Epsilon",
            "@Network(input = {8})",
            "public abstract class Epsilon {",
            "  @BatchNormalization(",
            "      epsilon = 0) Layer bn;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c, "[jconv.epsilon-range] 'bn' (BatchNormalization): epsilon = 0.0 must be positive")
        .containing("Keras's default is 0.001")
        .in(source)
        .at("epsilon = 0", "0");
  }

  @Test
  void batchNormalizationRangesBothWrongAreBothReported() {
    JavaFileObject source =
        source(
            "BothWrong",
            "@Network(input = {8})",
            "public abstract class BothWrong {",
            "  @BatchNormalization(",
            "      momentum = -0.5,",
            "      epsilon = -1e-3) Layer bn;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(2);
    Expect.error(c, "[jconv.momentum-range] 'bn' (BatchNormalization): momentum = -0.5")
        .in(source)
        .at("momentum = -0.5", "-0.5");
    Expect.error(c, "[jconv.epsilon-range] 'bn' (BatchNormalization): epsilon = -0.001")
        .in(source)
        .at("epsilon = -1e-3", "-1e-3");
  }

  @Test
  void momentumOfZeroAndOneIsFine() {
    JavaFileObject source =
        source(
            "MomentumEdges",
            "@Network(input = {8})",
            "public abstract class MomentumEdges {",
            "  @BatchNormalization(momentum = 0) Layer bn0;",
            "  @BatchNormalization(momentum = 1, scale = false, center = false) Layer bn1;",
            "}");
    assertThat(compile(source)).succeededWithoutWarnings();
  }

  @Test
  @Covers(Diag.STRIDES_WITH_DILATION)
  void stridesAndDilationTogether() {
    JavaFileObject source =
        source(
            "Atrous",
            "@Network(input = {16, 16, 1})",
            "public abstract class Atrous {",
            "  @Conv2D(filters = 4, kernelSize = 3,",
            "      strides = 2,",
            "      dilationRate = {1, 2}) Layer conv1;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.strides-with-dilation] 'conv1' (Conv2D): strides = 2x2 with dilationRate ="
                + " 1x2")
        .containing("strides must be 1 when the dilation rate is not 1")
        .in(source)
        .at("strides = 2,", "2");
  }

  @Test
  void dilationWithUnitStridesIsFine() {
    JavaFileObject source =
        source(
            "Dilated",
            "@Network(input = {16, 16, 1})",
            "public abstract class Dilated {",
            "  @Conv2D(filters = 4, kernelSize = 3, dilationRate = 2) Layer conv1;",
            "  @SeparableConv2D(filters = 4, kernelSize = 3, strides = 2) Layer sep;",
            "}");
    assertThat(compile(source)).succeededWithoutWarnings();
  }
}

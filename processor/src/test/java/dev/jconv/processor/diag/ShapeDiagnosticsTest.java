package dev.jconv.processor.diag;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jconv.processor.diag.Sources.compile;
import static dev.jconv.processor.diag.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Diagnostics from shape inference: windows that do not fit, wrong ranks, merges, sizes. */
class ShapeDiagnosticsTest {
  @Test
  @Covers(Diag.KERNEL_TOO_LARGE)
  void kernelLargerThanItsInput() {
    JavaFileObject source =
        source(
            "BigKernel",
            "@Network(input = {28, 28, 1})",
            "public abstract class BigKernel {",
            "  @Conv2D(filters = 8, kernelSize = 3, strides = 2) Layer conv1;",
            "  @MaxPooling2D(poolSize = 2) Layer pool1;",
            "  @Conv2D(filters = 16,",
            "      kernelSize = 7) Layer conv2;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.kernel-too-large] 'conv2' (Conv2D): kernel 7x7 is larger than its input"
                + " (None, 6, 6, 8) with padding = VALID")
        .containing("use padding = SAME, a smaller kernelSize, or less downsampling before it")
        .in(source)
        .at("kernelSize = 7", "7");
  }

  @Test
  @Covers(Diag.KERNEL_TOO_LARGE)
  void kernelLargerThanItsPaddedInput() {
    JavaFileObject source =
        source(
            "Padded",
            "@Network(input = {4, 4, 1})",
            "public abstract class Padded {",
            "  @ZeroPadding2D(padding = {0, 1}) Layer pad;",
            "  @DepthwiseConv2D(",
            "      kernelSize = 5) Layer dw;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.kernel-too-large] 'dw' (DepthwiseConv2D): kernel 5x5 is larger than its input"
                + " (None, 4, 6, 1)")
        .in(source)
        .at("kernelSize = 5", "5");
  }

  @Test
  @Covers(Diag.KERNEL_TOO_LARGE)
  void dilatedKernelNamesItsEffectiveSize() {
    JavaFileObject source =
        source(
            "Wide",
            "@Network(input = {6, 6, 1})",
            "public abstract class Wide {",
            "  @SeparableConv2D(filters = 2,",
            "      kernelSize = 3,",
            "      dilationRate = 3) Layer sep;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.kernel-too-large] 'sep' (SeparableConv2D): kernel 3x3 (7x7 with dilationRate"
                + " = 3x3) is larger than its input (None, 6, 6, 1)")
        .in(source)
        .at("kernelSize = 3,", "3");
  }

  @Test
  void largeKernelWithSamePaddingIsFine() {
    JavaFileObject source =
        source(
            "SameBig",
            "@Network(input = {4, 4, 1})",
            "public abstract class SameBig {",
            "  @Conv2D(filters = 2, kernelSize = 7, padding = SAME) Layer conv;",
            "  @MaxPooling2D(poolSize = 8, padding = SAME) Layer pool;",
            "}");
    assertThat(compile(source)).succeededWithoutWarnings();
  }

  @Test
  @Covers(Diag.POOL_TOO_LARGE)
  void poolWindowLargerThanItsInput() {
    JavaFileObject source =
        source(
            "BigPool",
            "@Network(input = {8, 8, 3})",
            "public abstract class BigPool {",
            "  @MaxPooling2D(poolSize = 4) Layer pool1;",
            "  @AveragePooling2D(",
            "      poolSize = {1, 3}) Layer pool2;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.pool-too-large] 'pool2' (AveragePooling2D): pool window 1x3 is larger than its"
                + " input (None, 2, 2, 3) with padding = VALID")
        .containing("use padding = SAME, a smaller poolSize, or less downsampling before it")
        .in(source)
        .at("poolSize = {1, 3}", "{1, 3}");
  }

  @Test
  @Covers(Diag.NEEDS_IMAGE)
  void convolutionAfterFlatten() {
    JavaFileObject source =
        source(
            "FlatConv",
            "@Network(input = {8, 8, 1})",
            "public abstract class FlatConv {",
            "  @Flatten Layer flat;",
            "  @Conv2D(filters = 2, kernelSize = 1) Layer conv;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.needs-image] 'conv' (Conv2D) needs a (height, width, channels) input but"
                + " 'flat' gives (None, 64)")
        .in(source)
        .at("@Conv2D(filters = 2, kernelSize = 1)", "@");
  }

  @Test
  @Covers(Diag.NEEDS_IMAGE)
  void poolingOfAVectorInputPointsAtFrom() {
    JavaFileObject source =
        source(
            "VectorPool",
            "@Network(input = {8, 8, 1})",
            "public abstract class VectorPool {",
            "  @GlobalMaxPooling2D Layer gmp;",
            "  @GlobalAveragePooling2D(",
            "      from = \"gmp\") Layer gap;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.needs-image] 'gap' (GlobalAveragePooling2D) needs a (height, width, channels)"
                + " input but 'gmp' gives (None, 1)")
        .in(source)
        .at("from = \"gmp\"", "\"gmp\"");
  }

  @Test
  @Covers(Diag.DENSE_NEEDS_FLAT)
  void denseFedAnImage() {
    JavaFileObject source =
        source(
            "NoFlatten",
            "@Network(input = {8, 8, 1})",
            "public abstract class NoFlatten {",
            "  @Conv2D(filters = 4, kernelSize = 3) Layer conv1;",
            "  @Dense(units = 10) Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.dense-needs-flat] 'out' (Dense) is fed (None, 6, 6, 4) by 'conv1', a 3-D"
                + " tensor")
        .containing("add @Flatten or @GlobalAveragePooling2D before 'out'")
        .in(source)
        .at("@Dense(units = 10) Layer out;", "@");
  }

  @Test
  @Covers(Diag.DENSE_NEEDS_FLAT)
  void denseReadingTheImageInputPointsAtFrom() {
    JavaFileObject source =
        source(
            "Shortcut",
            "@Network(input = {8, 8, 3})",
            "public abstract class Shortcut {",
            "  @Flatten Layer flat;",
            "  @Dense(units = 10,",
            "      from = \"input\") Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c, "[jconv.dense-needs-flat] 'out' (Dense) is fed (None, 8, 8, 3) by the network input")
        .in(source)
        .at("from = \"input\"", "\"input\"");
  }

  @Test
  @Covers(Diag.ADD_SHAPES)
  void addOfDifferentShapes() {
    JavaFileObject source =
        source(
            "Residual",
            "@Network(input = {8, 8, 4})",
            "public abstract class Residual {",
            "  @Conv2D(filters = 8, kernelSize = 3, strides = 2, padding = SAME) Layer conv1;",
            "  @Add(",
            "      from = {\"conv1\", \"input\"}) Layer add;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.add-shapes] 'add' (Add): inputs have different shapes: 'conv1' (None, 4, 4, 8),"
                + " 'input' (None, 8, 8, 4)")
        .containing("project the shortcut with a 1x1 Conv2D with the same strides and filters")
        .in(source)
        .at("from = {\"conv1\", \"input\"}", "{");
  }

  @Test
  @Covers(Diag.CONCAT_SHAPES)
  void concatenateOfDifferentSpatialSizes() {
    JavaFileObject source =
        source(
            "Inception",
            "@Network(input = {8, 8, 3})",
            "public abstract class Inception {",
            "  @Conv2D(filters = 4, kernelSize = 1, from = \"input\") Layer b1x1;",
            "  @Conv2D(filters = 4, kernelSize = 3, from = \"input\") Layer b3x3;",
            "  @Concatenate(",
            "      from = {\"b1x1\", \"b3x3\"}) Layer mixed;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.concat-shapes] 'mixed' (Concatenate): inputs differ in spatial size: 'b1x1'"
                + " (None, 8, 8, 4), 'b3x3' (None, 6, 6, 4)")
        .containing("joins on the channel axis and needs the other axes equal")
        .in(source)
        .at("from = {\"b1x1\", \"b3x3\"}", "{");
  }

  @Test
  @Covers(Diag.CONCAT_SHAPES)
  void concatenateOfDifferentRanks() {
    JavaFileObject source =
        source(
            "Mixed",
            "@Network(input = {8, 8, 3})",
            "public abstract class Mixed {",
            "  @GlobalAveragePooling2D Layer gap;",
            "  @Concatenate(",
            "      from = {\"input\", \"gap\"}) Layer cat;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.concat-shapes] 'cat' (Concatenate): inputs differ in rank: 'input' (None, 8, 8,"
                + " 3), 'gap' (None, 3)")
        .in(source)
        .at("from = {\"input\", \"gap\"}", "{");
  }

  @Test
  void concatenateOfDifferentChannelsIsFine() {
    JavaFileObject source =
        source(
            "Branches",
            "@Network(input = {8, 8, 3})",
            "public abstract class Branches {",
            "  @Conv2D(filters = 4, kernelSize = 1, from = \"input\") Layer b1x1;",
            "  @Conv2D(filters = 6, kernelSize = 3, padding = SAME, from = \"input\") Layer b3x3;",
            "  @MaxPooling2D(poolSize = 3, strides = 1, padding = SAME, from = \"input\")"
                + " Layer pool;",
            "  @Concatenate(from = {\"b1x1\", \"b3x3\", \"pool\"}) Layer mixed;",
            "}");
    assertThat(compile(source)).succeededWithoutWarnings();
  }

  @Test
  @Covers(Diag.TOO_LARGE)
  void denseKernelLargerThanAnArray() {
    JavaFileObject source =
        source(
            "Huge",
            "@Network(input = {100000})",
            "public abstract class Huge {",
            "  @Dense(",
            "      units = 100000) Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.too-large] 'out' (Dense): kernel [100000, 100000] has 10,000,000,000"
                + " elements, more than a Java array holds (2,147,483,647)")
        .in(source)
        .at("@Dense(", "@");
  }

  @Test
  @Covers(Diag.TOO_LARGE)
  void convolutionOutputLargerThanAnArray() {
    JavaFileObject source =
        source(
            "Wide",
            "@Network(input = {1024, 1024, 3})",
            "public abstract class Wide {",
            "  @Conv2D(kernelSize = 1,",
            "      filters = 4096) Layer conv;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.too-large] 'conv' (Conv2D): output (None, 1024, 1024, 4096) has 4,294,967,296"
                + " elements")
        .in(source)
        .at("@Conv2D(kernelSize = 1,", "@");
  }

  @Test
  @Covers(Diag.TOO_LARGE)
  void zeroPaddingThatOverflowsAnInt() {
    JavaFileObject source =
        source(
            "Overflow",
            "@Network(input = {4, 4, 1})",
            "public abstract class Overflow {",
            "  @ZeroPadding2D(",
            "      padding = 2000000000) Layer pad;",
            "  @Flatten Layer flat;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.too-large] 'pad' (ZeroPadding2D): output (None, 4000000004, 4000000004, 1) has"
                + " 16,000,000,032,000,000,016 elements")
        .in(source)
        .at("@ZeroPadding2D(", "@");
  }

  @Test
  void hugeStridesAndDilationsDoNotOverflow() {
    JavaFileObject source =
        source(
            "Strides",
            "@Network(input = {2000000000, 1, 1})",
            "public abstract class Strides {",
            "  @MaxPooling2D(poolSize = 1, strides = 2000000000, padding = SAME) Layer pool;",
            "  @Conv2D(filters = 1, kernelSize = 3, dilationRate = 2000000000,",
            "      from = \"input\") Layer dilated;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.kernel-too-large] 'dilated' (Conv2D): kernel 3x3 (4000000001x4000000001 with"
                + " dilationRate = 2000000000x2000000000) is larger than its input"
                + " (None, 2000000000, 1, 1)")
        .in(source)
        .at("@Conv2D(filters = 1, kernelSize = 3, dilationRate = 2000000000,", "3, dilation");
  }
}

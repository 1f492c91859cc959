package dev.jconv.processor.diag;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jconv.processor.diag.Sources.compile;
import static dev.jconv.processor.diag.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The augmentation layers: where they may sit, their factor ranges and their modes. */
class AugmentationDiagnosticsTest {
  @Test
  void allSevenAtTheInputCompile() {
    JavaFileObject source =
        source(
            "Augmented",
            "@Network(input = {8, 8, 3})",
            "public abstract class Augmented {",
            "  @RandomFlip(mode = \"horizontal\") Layer flip;",
            "  @Rescaling(scale = 2) Layer scale;",
            "  @RandomTranslation(heightFactor = 0.1, widthFactor = {-0.2, 0.1}) Layer shift;",
            "  @RandomRotation(factor = 0.05, fillMode = \"constant\", fillValue = 0.5) Layer turn;",
            "  @RandomZoom(heightFactor = {-0.2, 0.1}, widthFactor = 0.1,",
            "      interpolation = \"nearest\") Layer zoom;",
            "  @RandomContrast(factor = {0.1, 0.3}, valueRange = {0, 2}) Layer contrast;",
            "  @RandomBrightness(factor = 0.2, valueRange = {0, 2}) Layer bright;",
            "  @GaussianNoise(stddev = 0.05) Layer noise;",
            "  @Flatten Layer flat;",
            "  @Dense(units = 2, activation = SOFTMAX) Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c)
        .generatedSourceFile("test.AugmentedModel")
        .contentsAsUtf8String()
        .contains(
            "AugmentationLayers.zoom(x, xo, a, ao + ZOOM_OUT, 8, 8, 3, -0.2, 0.1, -0.1, 0.1,");
  }

  @Test
  void kerasDefaults() throws Exception {
    JavaFileObject source =
        source(
            "Defaults",
            "@Network(input = {8, 8, 3})",
            "public abstract class Defaults {",
            "  @RandomFlip Layer flip;",
            "  @RandomRotation(factor = 0.1) Layer turn;",
            "  @RandomContrast(factor = 0.2) Layer contrast;",
            "  @RandomZoom(heightFactor = {0.1, 0.3}) Layer zoom;",
            "}");
    Compilation c = compile(source);
    assertThat(c).succeededWithoutWarnings();
    String model =
        c.generatedSourceFile("test.DefaultsModel").orElseThrow().getCharContent(true).toString();
    // mode = "horizontal_and_vertical": both axes.
    assertContains(model, "flip(x, xo, a, ao + FLIP_OUT, 8, 8, 3, true, true, seed, 0, example)");
    // One factor f means [-f, f]; fill reflect, value 0, bilinear.
    assertContains(model, "-0.1, 0.1, Fill.REFLECT, 0.0f, Interpolation.BILINEAR, seed, 1,");
    // [1 - 0.2, 1 + 0.2], and Keras's value range (0, 255).
    assertContains(model, "0.8, 1.2, 0.0f, 255.0f, seed, 2, example)");
    // No width factor: the height's zoom on both axes.
    assertContains(model, "0.1, 0.3, 0.1, 0.3, true, Fill.REFLECT");
  }

  private static void assertContains(String text, String part) {
    if (!text.contains(part)) {
      throw new AssertionError("expected " + part + " in\n" + text);
    }
  }

  @Test
  @Covers(Diag.AUGMENTATION_NOT_AT_INPUT)
  void augmentationAfterAConvolution() {
    JavaFileObject source =
        source(
            "LateFlip",
            "@Network(input = {8, 8, 3})",
            "public abstract class LateFlip {",
            "  @RandomFlip Layer early;",
            "  @Rescaling(scale = 0.5) Layer scale;",
            "  @Conv2D(filters = 2, kernelSize = 1) Layer conv;",
            "  @RandomFlip Layer flip;",
            "  @RandomContrast(factor = 0.1,",
            "      from = \"conv\") Layer contrast;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(2);
    Expect.error(
            c,
            "[jconv.augmentation-not-at-input] 'flip' (RandomFlip) reads 'conv' (Conv2D), but an"
                + " augmentation layer must sit at the network input")
        .containing("after other augmentation or Rescaling layers", "declare 'flip' before")
        .in(source)
        .at("@RandomFlip Layer flip;", "@");
    Expect.error(
            c,
            "[jconv.augmentation-not-at-input] 'contrast' (RandomContrast) reads 'conv' (Conv2D)")
        .in(source)
        .at("from = \"conv\"", "\"conv\"");
  }

  @Test
  @Covers(Diag.UNKNOWN_MODE)
  void unknownModes() {
    JavaFileObject source =
        source(
            "Modes",
            "@Network(input = {8, 8, 3})",
            "public abstract class Modes {",
            "  @RandomFlip(mode = \"diagonal\") Layer flip;",
            "  @RandomRotation(factor = 0.1, fillMode = \"mirror\",",
            "      interpolation = \"bicubic\") Layer turn;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(3);
    Expect.error(
            c,
            "[jconv.unknown-mode] 'flip' (RandomFlip): mode = \"diagonal\" is not one of"
                + " \"horizontal\", \"vertical\", \"horizontal_and_vertical\"")
        .in(source)
        .at("mode = \"diagonal\"", "\"diagonal\"");
    Expect.error(
            c,
            "[jconv.unknown-mode] 'turn' (RandomRotation): fillMode = \"mirror\" is not one of"
                + " \"reflect\", \"wrap\", \"constant\", \"nearest\"")
        .in(source)
        .at("fillMode = \"mirror\"", "\"mirror\"");
    Expect.error(
            c,
            "[jconv.unknown-mode] 'turn' (RandomRotation): interpolation = \"bicubic\" is not one"
                + " of \"bilinear\", \"nearest\"")
        .in(source)
        .at("interpolation = \"bicubic\"", "\"bicubic\"");
  }

  @Test
  @Covers(Diag.AUGMENTATION_RANGE)
  void factorsOutOfRange() {
    JavaFileObject source =
        source(
            "Ranges",
            "@Network(input = {8, 8, 3})",
            "public abstract class Ranges {",
            "  @RandomTranslation(heightFactor = 1.5,",
            "      widthFactor = {0.2, -0.1}) Layer shift;",
            "  @RandomZoom(heightFactor = {-1.5, 0}) Layer zoom;",
            "  @RandomContrast(factor = 1.2) Layer contrast;",
            "  @RandomBrightness(factor = 0.1, valueRange = {1, 0}) Layer bright;",
            "  @GaussianNoise(stddev = -0.1) Layer noise;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(6);
    Expect.error(
            c,
            "[jconv.augmentation-range] 'shift' (RandomTranslation): heightFactor = 1.5 must be"
                + " finite within [-1, 1]")
        .in(source)
        .at("heightFactor = 1.5", "1.5");
    Expect.error(
            c,
            "[jconv.augmentation-range] 'shift' (RandomTranslation): widthFactor = {0.2, -0.1}"
                + " must be finite, with lower <= upper within [-1, 1]")
        .in(source)
        .at("widthFactor = {0.2, -0.1}", "{0.2, -0.1}");
    Expect.error(c, "[jconv.augmentation-range] 'zoom' (RandomZoom): heightFactor = {-1.5, 0}")
        .in(source)
        .at("heightFactor = {-1.5, 0}", "{-1.5, 0}");
    Expect.error(
            c,
            "[jconv.augmentation-range] 'contrast' (RandomContrast): factor = 1.2 must have lower"
                + " in [0, 1]")
        .in(source)
        .at("factor = 1.2", "1.2");
    Expect.error(
            c,
            "[jconv.augmentation-range] 'bright' (RandomBrightness): valueRange = {1, 0} must be"
                + " two finite values {low, high} with low < high")
        .in(source)
        .at("valueRange = {1, 0}", "{1, 0}");
    Expect.error(
            c,
            "[jconv.augmentation-range] 'noise' (GaussianNoise): stddev = -0.1 must be finite and"
                + " at least 0")
        .in(source)
        .at("stddev = -0.1", "-0.1");
  }

  @Test
  @Covers(Diag.ATTRIBUTE_ARITY)
  void factorWithThreeValues() {
    JavaFileObject source =
        source(
            "Three",
            "@Network(input = {8, 8, 3})",
            "public abstract class Three {",
            "  @RandomRotation(",
            "      factor = {0.1, 0.2, 0.3}) Layer turn;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.attribute-arity] 'turn' (RandomRotation): factor = {0.1, 0.2, 0.3} must have"
                + " one value or two (lower, upper)")
        .in(source)
        .at("factor = {0.1, 0.2, 0.3}", "{0.1, 0.2, 0.3}");
  }
}

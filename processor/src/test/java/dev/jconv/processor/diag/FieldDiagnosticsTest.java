package dev.jconv.processor.diag;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jconv.processor.diag.Sources.compile;
import static dev.jconv.processor.diag.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Diagnostics on layer fields: modifiers, type, missing or repeated layer annotations. */
class FieldDiagnosticsTest {
  @Test
  @Covers(Diag.FIELD_MODIFIER)
  void privateField() {
    JavaFileObject source =
        source(
            "PrivateField",
            "@Network(input = {8})",
            "public abstract class PrivateField {",
            "  @Dense(units = 3)",
            "  private Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.field-modifier] layer field 'out' must not be private")
        .containing("the generated model sets it", "declare it as 'Layer out;'")
        .in(source)
        .at("private Layer out;", "out");
  }

  @Test
  @Covers(Diag.FIELD_MODIFIER)
  void finalField() {
    JavaFileObject source =
        source(
            "FinalField",
            "@Network(input = {8})",
            "public abstract class FinalField {",
            "  @Dense(units = 3)",
            "  final Layer out = null;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.field-modifier] layer field 'out' must not be final")
        .containing("declare it as 'Layer out;'")
        .in(source)
        .at("final Layer out = null;", "out");
  }

  @Test
  @Covers(Diag.FIELD_MODIFIER)
  void staticField() {
    JavaFileObject source =
        source(
            "StaticField",
            "@Network(input = {8})",
            "public abstract class StaticField {",
            "  @Dense(units = 3)",
            "  static Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.field-modifier] layer field 'out' must not be static")
        .containing("declare it as 'Layer out;'")
        .in(source)
        .at("static Layer out;", "out");
  }

  @Test
  @Covers(Diag.FIELD_TYPE)
  void fieldOfAnotherType() {
    JavaFileObject source =
        source(
            "Typed",
            "@Network(input = {8})",
            "public abstract class Typed {",
            "  @Dense(units = 3)",
            "  Object out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.field-type] layer field 'out' has type java.lang.Object")
        .containing("declare it as 'Layer out;'")
        .in(source)
        .at("Object out;", "out");
  }

  @Test
  @Covers(Diag.FIELD_TYPE)
  void primitiveAndArrayFields() {
    JavaFileObject source =
        source(
            "Arrays",
            "@Network(input = {8})",
            "public abstract class Arrays {",
            "  @Dense(units = 3) int hidden;",
            "  @Dense(units = 3) Layer[] out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(2);
    Expect.error(c, "[jconv.field-type] layer field 'hidden' has type int")
        .in(source)
        .at("@Dense(units = 3) int hidden;", "hidden");
    Expect.error(c, "[jconv.field-type] layer field 'out' has type dev.jconv.Layer[]")
        .in(source)
        .at("@Dense(units = 3) Layer[] out;", "out;");
  }

  @Test
  void typeUseAnnotationOnLayerIsStillALayer() {
    JavaFileObject nullable =
        source(
            "Nullable",
            "@java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE_USE)",
            "@interface Nullable {}");
    JavaFileObject source =
        source(
            "Annotated",
            "@Network(input = {8})",
            "public abstract class Annotated {",
            "  @Dense(units = 3) @Nullable Layer out;",
            "}");
    Compilation c = compile(source, nullable);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.AnnotatedModel");
  }

  @Test
  @Covers(Diag.MISSING_LAYER)
  void typeUseAnnotatedLayerWithoutLayerAnnotation() {
    JavaFileObject nullable =
        source(
            "Nullable",
            "@java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE_USE)",
            "@interface Nullable {}");
    JavaFileObject source =
        source(
            "Forgot",
            "@Network(input = {8})",
            "public abstract class Forgot {",
            "  @Dense(units = 3) Layer out;",
            "  @Nullable Layer extra;",
            "}");
    Compilation c = compile(source, nullable);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.missing-layer] field 'extra' of type Layer")
        .in(source)
        .at("@Nullable Layer extra;", "extra");
  }

  @Test
  @Covers(Diag.MULTIPLE_LAYERS)
  void twoLayerAnnotationsOnOneField() {
    JavaFileObject source =
        source(
            "Twice",
            "@Network(input = {8, 8, 1})",
            "public abstract class Twice {",
            "  @Conv2D(filters = 4, kernelSize = 3)",
            "  @Dense(units = 3)",
            "  Layer both;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c, "[jconv.multiple-layers] field 'both' has 2 layer annotations (@Conv2D, @Dense)")
        .containing("a field declares one layer, so split it into several fields")
        .in(source)
        .at("@Dense(units = 3)");
  }

  @Test
  @Covers(Diag.MISSING_LAYER)
  void layerFieldWithoutAnnotation() {
    JavaFileObject source =
        source(
            "Bare",
            "@Network(input = {8})",
            "public abstract class Bare {",
            "  @Dense(units = 3) Layer out;",
            "  Layer spare;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.missing-layer] field 'spare' of type Layer in @Network class Bare has no layer")
        .containing("annotate it (e.g. @Dense(units = 10)) or remove it")
        .in(source)
        .at("Layer spare;", "spare");
  }

  @Test
  void fieldsThatAreNotLayersAreIgnored() {
    JavaFileObject source =
        source(
            "Helpers",
            "@Network(input = {8})",
            "public abstract class Helpers {",
            "  static final int UNITS = 3;",
            "  private int calls;",
            "  @Dense(units = UNITS) Layer out;",
            "}");
    assertThat(compile(source)).succeededWithoutWarnings();
  }

  @Test
  void kerasStyleFieldNamesAreFine() {
    JavaFileObject source =
        source(
            "Names",
            "@Network(input = {8, 8, 3})",
            "public abstract class Names {",
            "  @Conv2D(filters = 4, kernelSize = 1) Layer block_1_expand;",
            "  @BatchNormalization Layer block_1_expand_BN;",
            "  @GlobalAveragePooling2D Layer $gap;",
            "}");
    assertThat(compile(source)).succeededWithoutWarnings();
  }
}

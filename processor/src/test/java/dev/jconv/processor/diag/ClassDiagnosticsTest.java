package dev.jconv.processor.diag;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jconv.processor.diag.Sources.compile;
import static dev.jconv.processor.diag.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Diagnostics on the {@code @Network} class itself: kind, modifiers, nesting, constructor. */
class ClassDiagnosticsTest {
  @Test
  @Covers(Diag.NETWORK_NOT_CLASS)
  void interfaceIsNotANetwork() {
    JavaFileObject source =
        source(
            "Shapes", //
            "@Network(input = {8, 8, 1})",
            "public interface Shapes {",
            "  @Dense(units = 3) Layer out = null;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c, "[jconv.network-not-class] @Network must annotate a class, not interface Shapes")
        .in(source)
        .at("@Network(input = {8, 8, 1})");
  }

  @Test
  @Covers(Diag.NETWORK_NOT_CLASS)
  void enumIsNotANetwork() {
    JavaFileObject source =
        source(
            "Kind", //
            "@Network(input = {8, 8, 1})",
            "public enum Kind { A, B }");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.network-not-class] @Network must annotate a class, not enum Kind")
        .in(source)
        .at("@Network(input = {8, 8, 1})");
  }

  @Test
  @Covers(Diag.NETWORK_NOT_CLASS)
  void recordIsNotANetwork() {
    JavaFileObject source =
        source(
            "Pair", //
            "@Network(input = {8})",
            "public record Pair(int a, int b) {}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.network-not-class] @Network must annotate a class, not record Pair")
        .in(source)
        .at("@Network(input = {8})");
  }

  @Test
  @Covers(Diag.NETWORK_MODIFIER)
  void finalClassCannotBeExtended() {
    JavaFileObject source =
        source(
            "Sealed", //
            "@Network(input = {8})",
            "public final class Sealed {",
            "  @Dense(units = 3) Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.network-modifier] @Network class Sealed must not be final")
        .containing("the generated SealedModel extends it", "remove 'final'")
        .in(source)
        .at("@Network(input = {8})");
  }

  @Test
  @Covers(Diag.NETWORK_MODIFIER)
  void privateNestedClassIsReportedOnceNotAlsoForItsImplicitConstructor() {
    JavaFileObject source =
        source(
            "Outer",
            "public class Outer {",
            "  @Network(input = {8})",
            "  private abstract static class Hidden {",
            "    @Dense(units = 3) Layer out;",
            "  }",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.network-modifier] @Network class Hidden must not be private")
        .containing("the generated Outer_HiddenModel extends it", "remove 'private'")
        .in(source)
        .at("@Network(input = {8})");
  }

  @Test
  @Covers(Diag.NETWORK_INNER)
  void innerClassMustBeStatic() {
    JavaFileObject source =
        source(
            "Host",
            "public class Host {",
            "  @Network(input = {8})",
            "  abstract class Head {",
            "    @Dense(units = 3) Layer out;",
            "  }",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.network-inner] @Network class Head is an inner class")
        .containing("make it static or top-level so Host_HeadModel can extend it")
        .in(source)
        .at("@Network(input = {8})");
  }

  @Test
  void staticNestedClassIsFine() {
    JavaFileObject source =
        source(
            "Zoo",
            "public class Zoo {",
            "  @Network(input = {8})",
            "  abstract static class Head {",
            "    @Dense(units = 3) Layer out;",
            "  }",
            "}");
    Compilation c = compile(source);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.Zoo_HeadModel");
  }

  @Test
  @Covers(Diag.NETWORK_CONSTRUCTOR)
  void constructorWithParametersOnly() {
    JavaFileObject source =
        source(
            "Configured",
            "@Network(input = {8})",
            "public abstract class Configured {",
            "  Configured(int seed) {}",
            "  @Dense(units = 3) Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.network-constructor] @Network class Configured has no non-private constructor"
                + " without parameters")
        .containing("ConfiguredModel needs one to extend it")
        .in(source)
        .at("@Network(input = {8})");
  }

  @Test
  @Covers(Diag.NETWORK_CONSTRUCTOR)
  void privateNoArgConstructor() {
    JavaFileObject source =
        source(
            "Singleton",
            "@Network(input = {8})",
            "public abstract class Singleton {",
            "  private Singleton() {}",
            "  Singleton(int seed) {}",
            "  @Dense(units = 3) Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(c, "[jconv.network-constructor] @Network class Singleton has no non-private")
        .in(source)
        .at("@Network(input = {8})");
  }

  @Test
  void protectedNoArgConstructorBesideOthersIsFine() {
    JavaFileObject source =
        source(
            "Flexible",
            "@Network(input = {8})",
            "public abstract class Flexible {",
            "  protected Flexible() {}",
            "  Flexible(int seed) {}",
            "  @Dense(units = 3) Layer out;",
            "}");
    assertThat(compile(source)).succeededWithoutWarnings();
  }

  @Test
  @Covers(Diag.MODEL_EXISTS)
  void modelNameTakenByAUserClass() {
    JavaFileObject source =
        source(
            "Taken",
            "@Network(input = {8})",
            "public abstract class Taken {",
            "  @Dense(units = 3) Layer out;",
            "}",
            "class TakenModel {}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    Expect.error(
            c,
            "[jconv.model-exists] @Network class Taken generates test.TakenModel, but a type of that"
                + " name already exists")
        .containing("rename one of them")
        .in(source)
        .at("@Network(input = {8})");
  }

  @Test
  @Covers(Diag.MODEL_EXISTS)
  void nestedAndTopLevelNetworksWhoseModelNamesClash() {
    JavaFileObject nested =
        source(
            "Outer",
            "public class Outer {",
            "  @Network(input = {8})",
            "  abstract static class Inner {",
            "    @Dense(units = 3) Layer out;",
            "  }",
            "}");
    JavaFileObject flat =
        source(
            "Outer_Inner",
            "@Network(input = {4})",
            "abstract class Outer_Inner {",
            "  @Dense(units = 3) Layer out;",
            "}");
    Compilation c = compile(nested, flat);
    assertThat(c).hadErrorCount(1);
    // Networks are processed in source order: the nested one claims the name first.
    Expect.error(
            c, "[jconv.model-exists] @Network class Outer_Inner generates test.Outer_InnerModel")
        .in(flat)
        .at("@Network(input = {4})");
  }

  @Test
  void everyClassProblemIsReportedAtOnce() {
    JavaFileObject source =
        source(
            "Locked",
            "@Network(input = {8})",
            "public final class Locked {",
            "  Locked(int seed) {}",
            "  @Dense(units = 3) Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("[jconv.network-modifier] @Network class Locked");
    assertThat(c).hadErrorContaining("[jconv.network-constructor] @Network class Locked");
  }
}

package dev.jconv.processor.diag;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jconv.processor.diag.Sources.compile;
import static dev.jconv.processor.diag.Sources.source;

import com.google.testing.compile.Compilation;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Declarations that used to crash or hang the processor, be rejected wrongly, or be silently
 * ignored (issue 13, items 4 and 8): each now compiles or gets a jconv diagnostic on the element.
 */
class ReliabilityDiagnosticsTest {
  @Test
  void dollarSignsInFieldNamesCompile() {
    JavaFileObject source =
        source(
            "Dollars",
            "@Network(input = {6, 6, 2})",
            "public abstract class Dollars {",
            "  @Conv2D(filters = 3, kernelSize = 3, padding = SAME) Layer $;",
            "  @BatchNormalization Layer a$b;",
            "  @MaxPooling2D(poolSize = 2) Layer $pool$;",
            "  @Conv2D(filters = 3, kernelSize = 1) Layer x$L;",
            "  @Add(from = {\"x$L\", \"$pool$\"}) Layer $N$S$T;",
            "  @Flatten Layer f$;",
            "  @Dropout(rate = 0.5) Layer d$$;",
            "  @Dense(units = 3, activation = SOFTMAX) Layer out$1;",
            "}");
    JavaFileObject more =
        source(
            "MoreDollars",
            "@Network(input = {8, 8, 2})",
            "public abstract class MoreDollars {",
            "  @ZeroPadding2D(padding = 1) Layer z$;",
            "  @DepthwiseConv2D(kernelSize = 3, depthMultiplier = 2) Layer $d;",
            "  @SeparableConv2D(filters = 4, kernelSize = 3, padding = SAME) Layer s$1;",
            "  @AveragePooling2D(poolSize = 3, strides = 2, padding = SAME) Layer $a$;",
            "  @Conv2D(filters = 4, kernelSize = 1, from = \"$a$\") Layer c$$;",
            "  @Concatenate(from = {\"$a$\", \"c$$\"}) Layer $cat;",
            "  @BatchNormalization(scale = false) Layer $bn;",
            "  @Activation(SWISH) Layer $act;",
            "  @GlobalMaxPooling2D Layer g$;",
            "  @Dense(units = 2) Layer o$;",
            "}");
    assertThat(compile(source, more)).succeeded();
  }

  @Test
  @Covers(Diag.TOO_LARGE)
  void totalActivationsBeyondAnIntAreTooLargeWithTheFigures() {
    // Every tensor holds 1.6 billion floats (legal); together they need more than an int indexes.
    JavaFileObject source =
        source(
            "Huge",
            "@Network(input = {40000, 40000, 1})",
            "public abstract class Huge {",
            "  @Conv2D(filters = 1, kernelSize = 1) Layer a;",
            "  @Activation(RELU) Layer b;",
            "  @GlobalAveragePooling2D Layer gap;",
            "}");
    Compilation c = compile(source);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[jconv.too-large]");
    assertThat(c).hadErrorContaining("1,600,000,000");
  }

  @Test
  void totalWeightsBeyondAnIntAreTooLarge() {
    JavaFileObject source =
        source(
            "Heavy",
            "@Network(input = {40000})",
            "public abstract class Heavy {",
            "  @Dense(units = 40000) Layer a;",
            "  @Dense(units = 40000) Layer b;",
            "}");
    Compilation c = compile(source);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[jconv.too-large]");
    assertThat(c).hadErrorContaining("1,600,040,000");
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aHugeSamePoolingWindowCompilesInBoundedTime() {
    JavaFileObject source =
        source(
            "WidePool",
            "@Network(input = {8, 8, 2})",
            "public abstract class WidePool {",
            "  @MaxPooling2D(poolSize = 1073741824, padding = SAME) Layer p;",
            "  @AveragePooling2D(poolSize = {1073741824, 3}, padding = SAME) Layer q;",
            "  @Flatten Layer f;",
            "  @Dense(units = 2) Layer out;",
            "}");
    assertThat(compile(source)).succeeded();
  }

  @Test
  void aNegativeParamsSkipsTheCheck() {
    JavaFileObject source =
        source(
            "Unchecked",
            "@Network(input = {4}, params = -5)",
            "public abstract class Unchecked {",
            "  @Dense(units = 3) Layer out;",
            "}");
    Compilation c = compile(source);
    assertThat(c).succeeded();
    assertThat(c).hadWarningCount(0);
  }

  @Test
  @Covers(Diag.NETWORK_EXTENDS_NETWORK)
  void aNetworkExtendingANetworkIsReported() {
    JavaFileObject base =
        source(
            "BaseNet",
            "@Network(input = {4})",
            "public abstract class BaseNet {",
            "  @Dense(units = 3) Layer hidden;",
            "}");
    JavaFileObject derived =
        source(
            "DerivedNet",
            "@Network(input = {4})",
            "public abstract class DerivedNet extends BaseNet {",
            "  @Dense(units = 2) Layer out;",
            "}");
    Compilation c = compile(base, derived);
    Expect.error(c, "[jconv.network-extends-network] @Network class DerivedNet extends")
        .containing("test.BaseNet")
        .in(derived)
        .at("@Network(input = {4})");
  }

  @Test
  @Covers(Diag.NO_NETWORK)
  void layerFieldsInheritedFromAPlainClassAreReported() {
    JavaFileObject base =
        source("Plain", "public abstract class Plain {", "  @Dense(units = 3) Layer hidden;", "}");
    Compilation c = compile(base);
    Expect.error(c, "[jconv.no-network] 'hidden' has @Dense, but class Plain is not annotated")
        .in(base)
        .at("@Dense(units = 3) Layer hidden;");
  }

  private static final String[] TYPE_NAMES = {
    "List", "System", "Math", "Arrays", "Float", "Blas", "Lanes", "Scalar", "Simd", "FloatVector"
  };

  @Test
  @Covers(Diag.MEMBER_CLASH)
  void fieldsNamedLikeTypesOfTheGeneratedCodeAreReportedOrCompile() {
    for (String name : TYPE_NAMES) {
      for (String field :
          new String[] {"@Dense(units = 2) Layer " + name + ";", "int " + name + ";"}) {
        JavaFileObject source =
            source(
                "Clash" + name,
                "@Network(input = {4})",
                "public abstract class Clash" + name + " {",
                "  " + field,
                "  @Dense(units = 3) Layer out;",
                "}");
        Compilation c = compile(source);
        if (c.status() != Compilation.Status.SUCCESS) {
          Expect.error(c, "[jconv.member-clash] field '" + name + "' of Clash" + name)
              .in(source)
              .at(field, name + ";");
          assertThat(c).hadErrorCount(1);
        }
      }
    }
  }

  @Test
  void classesAndNestedTypesNamedLikeTypesOfTheGeneratedCodeAreReported() {
    JavaFileObject math =
        source(
            "Math",
            "@Network(input = {4})",
            "public abstract class Math {",
            "  @Dense(units = 3) Layer out;",
            "}");
    Compilation c = compile(math);
    if (c.status() != Compilation.Status.SUCCESS) {
      Expect.error(c, "[jconv.member-clash] class 'Math' of Math")
          .in(math)
          .at("public abstract class Math", "class Math");
      assertThat(c).hadErrorCount(1);
    }
    for (String nested : new String[] {"Layer", "List", "Param"}) {
      JavaFileObject source =
          source(
              "Nest" + nested,
              "@Network(input = {4})",
              "public abstract class Nest" + nested + " {",
              "  static class " + nested + " {}",
              "  @Dense(units = 3) dev.jconv.Layer out;",
              "}");
      Compilation n = compile(source);
      if (n.status() != Compilation.Status.SUCCESS) {
        Expect.error(n, "[jconv.member-clash] nested type '" + nested + "'")
            .in(source)
            .at("static class " + nested, "class " + nested);
        assertThat(n).hadErrorCount(1);
      }
    }
  }

  @Test
  void methodsTheModelDeclaresAbstractMethodsAndThrowingConstructorsAreReported() {
    JavaFileObject same =
        source(
            "SameName",
            "@Network(input = {4})",
            "public abstract class SameName {",
            "  @Dense(units = 3) Layer out;",
            "  public final String name() { return \"same\"; }",
            "}");
    Compilation c = compile(same);
    assertThat(c).failed();
    Expect.error(c, "[jconv.member-clash] method 'name' of SameName")
        .in(same)
        .at("public final String name()", "name()");
    JavaFileObject abstractOne =
        source(
            "Unfinished",
            "@Network(input = {4})",
            "public abstract class Unfinished {",
            "  @Dense(units = 3) Layer out;",
            "  abstract int helper();",
            "}");
    Compilation a = compile(abstractOne);
    Expect.error(a, "[jconv.member-clash] abstract method 'helper' of Unfinished")
        .in(abstractOne)
        .at("abstract int helper();", "helper");
    assertThat(a).hadErrorCount(1);
    JavaFileObject throwing =
        source(
            "Throwing",
            "@Network(input = {4})",
            "public abstract class Throwing {",
            "  protected Throwing() throws java.io.IOException {}",
            "  @Dense(units = 3) Layer out;",
            "}");
    Compilation t = compile(throwing);
    Expect.error(t, "[jconv.network-constructor] @Network class Throwing has no non-private")
        .in(throwing)
        .at("@Network(input = {4})");
    assertThat(t).hadErrorCount(1);
  }

  /**
   * Found by the randomized test (seed 20261201, declaration 76): a field named like a java.lang
   * type that was not in the processor's fixed list made the generated {@code
   * ThreadLocal.withInitial(...)} resolve to the field ("cannot find symbol ... variable
   * ThreadLocal of type dev.jconv.Layer" inside the generated source). Every java.lang type the
   * generated code names is now found; one it does not name (Record) still compiles.
   */
  @Test
  @Covers(Diag.MEMBER_CLASH)
  void aFieldNamedLikeAnyJavaLangTypeTheModelNamesIsReported() {
    for (String name : new String[] {"ThreadLocal", "Record", "Module"}) {
      String field = "@GlobalMaxPooling2D Layer " + name + ";";
      JavaFileObject source =
          source(
              "Lang" + name,
              "@Network(input = {6, 6, 3})",
              "public abstract class Lang" + name + " {",
              "  " + field,
              "  @Dense(units = 3) Layer out;",
              "}");
      Compilation c = compile(source);
      if (name.equals("ThreadLocal")) {
        Expect.error(c, "[jconv.member-clash] field 'ThreadLocal' of LangThreadLocal")
            .in(source)
            .at(field, name + ";");
        assertThat(c).hadErrorCount(1);
      } else {
        assertThat(c).succeeded();
      }
    }
  }

  /**
   * Found by the randomized test (seed 20261201, declaration 55): a method with the name and arity
   * of a method every model has ({@code Model.paramCount()}) broke the generated class
   * ("paramCount() in N55 cannot implement paramCount() in dev.jconv.Model"), or would silently
   * replace the model's own; it is now reported on the method.
   */
  @Test
  @Covers(Diag.MEMBER_CLASH)
  void methodsNamedLikeMethodsEveryModelHasAreReported() {
    String[] methods = {
      "public String paramCount() { return \"x\"; }",
      "public long paramCount() { return 5; }",
      "public void save(java.nio.file.Path p) {}"
    };
    for (int i = 0; i < methods.length; i++) {
      JavaFileObject source =
          source(
              "Own" + i,
              "@Network(input = {4})",
              "public abstract class Own" + i + " {",
              "  @Dense(units = 3) Layer out;",
              "  " + methods[i],
              "}");
      Compilation c = compile(source);
      String name = methods[i].substring(methods[i].indexOf(' ', 7) + 1, methods[i].indexOf('('));
      Expect.error(c, "[jconv.member-clash] method '" + name + "' of Own" + i)
          .in(source)
          .at(methods[i], name);
      assertThat(c).hadErrorCount(1);
    }
  }
}

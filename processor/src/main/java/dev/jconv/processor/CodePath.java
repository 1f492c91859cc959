package dev.jconv.processor;

import java.lang.module.ModuleFinder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.ModuleElement.RequiresDirective;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * What the code generated for one network may use, seen from the network's own module: the SIMD
 * kernels need {@code jdk.incubator.vector} and {@code @Generated} needs {@code java.compiler}. In
 * a modular build (a {@code module-info.java}) a type is usable only when the network's module
 * reads the module that holds it, which {@code getTypeElement} alone does not tell.
 */
final class CodePath {
  /** The module of {@code FloatVector}. */
  static final String VECTOR_MODULE = "jdk.incubator.vector";

  private static final String FLOAT_VECTOR = VECTOR_MODULE + ".FloatVector";
  private static final String COMPILER_MODULE = "java.compiler";
  private static final String GENERATED = "javax.annotation.processing.Generated";

  private final boolean simd;
  private final boolean generatedAnnotation;
  private final Diagnostic.Kind kind;
  private final String description;
  private final String reason;

  private CodePath(
      boolean simd,
      boolean generatedAnnotation,
      Diagnostic.Kind kind,
      String description,
      String reason) {
    this.simd = simd;
    this.generatedAnnotation = generatedAnnotation;
    this.kind = kind;
    this.description = description;
    this.reason = reason;
  }

  /**
   * The path for {@code network}: SIMD unless {@code simdOption} is {@code "false"} or the
   * network's module cannot see the Vector API. Not having SIMD is a warning when the JDK has the
   * module and only the build's flags kept it out, so the user learns it even with {@code -q}.
   */
  static CodePath of(Elements elements, Element network, String simdOption) {
    ModuleElement module = elements.getModuleOf(network);
    boolean generated = usable(elements, module, COMPILER_MODULE, GENERATED);
    if ("false".equalsIgnoreCase(simdOption)) {
      return new CodePath(
          false, generated, Diagnostic.Kind.NOTE, "scalar kernels only", "-Ajconv.simd=false");
    }
    if (usable(elements, module, VECTOR_MODULE, FLOAT_VECTOR)) {
      return new CodePath(
          true,
          generated,
          Diagnostic.Kind.NOTE,
          "SIMD (jdk.incubator.vector) and scalar kernels",
          "the compilation sees jdk.incubator.vector (-Ajconv.simd=false turns it off)");
    }
    boolean named = module != null && !module.isUnnamed();
    String fix =
        named
            ? "add 'requires "
                + VECTOR_MODULE
                + ";' to "
                + module.getQualifiedName()
                + "'s"
                + " module-info.java"
            : "compile with '--add-modules " + VECTOR_MODULE + "'";
    boolean jdkHasIt = ModuleFinder.ofSystem().find(VECTOR_MODULE).isPresent();
    return new CodePath(
        false,
        generated,
        jdkHasIt ? Diagnostic.Kind.WARNING : Diagnostic.Kind.NOTE,
        "scalar kernels only",
        (named
                ? "the module " + module.getQualifiedName() + " does not read " + VECTOR_MODULE
                : "the compilation cannot see the module " + VECTOR_MODULE)
            + "; "
            + fix
            + " for SIMD kernels"
            + (jdkHasIt ? ", or pass -Ajconv.simd=false to choose scalar kernels" : ""));
  }

  /** Whether the model gets the {@code Simd} kernels. */
  boolean simd() {
    return simd;
  }

  /** Whether the model may carry {@code @javax.annotation.processing.Generated}. */
  boolean generatedAnnotation() {
    return generatedAnnotation;
  }

  /** NOTE, or WARNING when SIMD was possible with the JDK but the build's flags kept it out. */
  Diagnostic.Kind kind() {
    return kind;
  }

  /** What was generated, e.g. "scalar kernels only". */
  String description() {
    return description;
  }

  /** Why, and how to change it. */
  String reason() {
    return reason;
  }

  /**
   * Whether {@code type} (held by {@code holder}) can be named from {@code module}: in the unnamed
   * module (a class-path build) whenever the compilation has the type; in a named module only when
   * the module reads {@code holder}, directly or through {@code requires transitive}.
   */
  static boolean usable(Elements elements, ModuleElement module, String holder, String type) {
    if (module == null || module.isUnnamed()) {
      return elements.getTypeElement(type) != null;
    }
    return reads(module, holder);
  }

  /** Whether {@code module} reads the module named {@code target}. */
  static boolean reads(ModuleElement module, String target) {
    if (module.getQualifiedName().contentEquals(target)) {
      return true;
    }
    Deque<ModuleElement> todo = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    for (RequiresDirective r : ElementFilter.requiresIn(module.getDirectives())) {
      todo.add(r.getDependency());
    }
    // A module reads what it requires, plus what those export by 'requires transitive'.
    while (!todo.isEmpty()) {
      ModuleElement m = todo.poll();
      String name = m.getQualifiedName().toString();
      if (name.equals(target)) {
        return true;
      }
      if (seen.add(name)) {
        for (RequiresDirective r : ElementFilter.requiresIn(m.getDirectives())) {
          if (r.isTransitive()) {
            todo.add(r.getDependency());
          }
        }
      }
    }
    return false;
  }
}

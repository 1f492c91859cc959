package dev.jconv.processor.diag;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.jconv.processor.JconvProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Builds test sources in package {@code test} and compiles them with the jconv processor. */
final class Sources {
  private Sources() {}

  /**
   * A source file {@code test.<simpleName>} with the DSL imported ({@code dev.jconv.*}, {@code
   * Padding.*} and {@code Activation.Fn.*}), followed by {@code lines}.
   */
  static JavaFileObject source(String simpleName, String... lines) {
    List<String> all = new ArrayList<>();
    all.add("package test;");
    all.add("import dev.jconv.*;");
    all.add("import static dev.jconv.Padding.*;");
    all.add("import static dev.jconv.Activation.Fn.*;");
    all.addAll(List.of(lines));
    return JavaFileObjects.forSourceLines("test." + simpleName, all);
  }

  /** Compiles with the processor; the processor must not have crashed. */
  static Compilation compile(JavaFileObject... files) {
    return compile(List.of(), files);
  }

  /** Compiles with the processor and javac {@code options}; the processor must not have crashed. */
  static Compilation compile(List<String> options, JavaFileObject... files) {
    List<String> all = new ArrayList<>(options);
    if (options.stream()
        .noneMatch(o -> o.startsWith("-Ajconv.simd") || o.equals("--add-modules"))) {
      // Scalar by choice: without it, a compilation that could have had SIMD warns.
      all.add("-Ajconv.simd=false");
    }
    Compilation c = javac().withProcessors(new JconvProcessor()).withOptions(all).compile(files);
    assertNoCrash(c);
    return c;
  }

  /**
   * No diagnostic is an internal error, names an exception or carries a stack trace: whatever the
   * source, the processor answers with diagnostics only.
   */
  static void assertNoCrash(Compilation c) {
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      assertFalse(message.contains("jconv.internal"), () -> "internal error: " + message);
      assertFalse(message.contains("Exception"), () -> "exception in a diagnostic: " + message);
      assertFalse(message.contains("\tat "), () -> "stack trace in a diagnostic: " + message);
    }
  }
}

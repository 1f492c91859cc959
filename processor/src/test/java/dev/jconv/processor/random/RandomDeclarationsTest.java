package dev.jconv.processor.random;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.jconv.processor.JconvProcessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor on seeded random declarations (1,000 by default, 10,000 on request), valid and
 * invalid: it never fails internally; each invalid declaration gets exactly its planted error, on
 * the planted line, and nothing else; valid ones get no error. Declarations are checked in batches
 * with {@code -proc:only} (the processor runs in full, javac does not compile the generated code);
 * a sample of valid ones with names that collide with what generated code uses is then compiled in
 * full.
 */
class RandomDeclarationsTest {
  /**
   * 1,000 by default so that CI stays fast (about 25 s on 2 busy cores); the full run is {@code
   * -Djconv.randomDeclarations=10000} (about 5 minutes).
   */
  private static final int DECLARATIONS = Integer.getInteger("jconv.randomDeclarations", 1_000);

  private static final int BATCH = 500;

  @Test
  void randomDeclarationsGetExactlyTheirErrors() {
    Declarations generator = new Declarations(20261201L, true);
    int invalid = 0;
    for (int start = 0; start < DECLARATIONS; start += BATCH) {
      List<Declarations.Decl> batch = new ArrayList<>();
      for (int i = start; i < Math.min(start + BATCH, DECLARATIONS); i++) {
        batch.add(generator.next("N" + i));
      }
      invalid += check(batch, List.of("-proc:only", "-Xmaxerrs", "100000"));
    }
    assertTrue(invalid > DECLARATIONS / 3, "only " + invalid + " invalid declarations");
    assertTrue(invalid < DECLARATIONS * 2 / 3, invalid + " invalid declarations");
  }

  @Test
  void validDeclarationsWithTrickyNamesCompile() {
    Declarations generator = new Declarations(7L, true);
    List<Declarations.Decl> valid = new ArrayList<>();
    for (int i = 0; valid.size() < 60; i++) {
      Declarations.Decl d = generator.next("V" + i);
      if (d.valid()) {
        valid.add(d);
      }
    }
    check(valid, List.of("-Xmaxerrs", "100000"));
  }

  /** Compiles {@code batch} at once, checks every diagnostic, and returns the invalid count. */
  private static int check(List<Declarations.Decl> batch, List<String> options) {
    List<JavaFileObject> files = new ArrayList<>();
    Map<String, Declarations.Decl> byFile = new HashMap<>();
    for (Declarations.Decl d : batch) {
      List<String> lines = new ArrayList<>(Declarations.PREAMBLE);
      lines.addAll(d.lines());
      JavaFileObject f = JavaFileObjects.forSourceLines("test." + d.className(), lines);
      files.add(f);
      byFile.put(f.toUri().getPath(), d);
    }
    Compilation c =
        javac().withProcessors(new JconvProcessor()).withOptions(options).compile(files);
    Map<Declarations.Decl, List<String>> errors = new HashMap<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : c.diagnostics()) {
      String message = diagnostic.getMessage(Locale.ROOT);
      assertFalse(message.contains("jconv.internal"), message);
      assertFalse(message.contains("\tat "), message);
      if (diagnostic.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      Declarations.Decl d =
          diagnostic.getSource() == null
              ? null
              : byFile.get(diagnostic.getSource().toUri().getPath());
      String where = d == null ? String.valueOf(diagnostic.getSource()) : source(d);
      assertTrue(d != null, "an error outside the declarations: " + message + "\n" + where);
      if (isAllowedClash(message)) {
        continue;
      }
      assertFalse(d.valid(), "error on a valid declaration: " + message + "\n" + where);
      assertTrue(
          message.startsWith("[" + d.expectedId() + "]"),
          "expected " + d.expectedId() + ", got: " + message + "\n" + where);
      assertEquals(
          d.expectedLine(), diagnostic.getLineNumber(), "wrong line for " + message + "\n" + where);
      errors.computeIfAbsent(d, k -> new ArrayList<>()).add(message);
    }
    int invalid = 0;
    for (Declarations.Decl d : batch) {
      if (!d.valid()) {
        invalid++;
        assertEquals(1, errors.getOrDefault(d, List.of()).size(), source(d) + errors.get(d));
      }
    }
    return invalid;
  }

  /**
   * A member-clash error on a field named like a type of the generated code: that field is reported
   * instead of breaking the generated source, which is what the processor promises.
   */
  private static boolean isAllowedClash(String message) {
    String prefix = "[jconv.member-clash] field '";
    if (!message.startsWith(prefix)) {
      return false;
    }
    String name = message.substring(prefix.length(), message.indexOf('\'', prefix.length()));
    return Declarations.typeLike(name);
  }

  private static String source(Declarations.Decl d) {
    StringBuilder s = new StringBuilder();
    int n = Declarations.PREAMBLE.size();
    for (String line : d.lines()) {
      s.append(++n).append(": ").append(line).append('\n');
    }
    return s.toString();
  }
}

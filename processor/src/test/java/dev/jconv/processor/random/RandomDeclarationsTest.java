package dev.jconv.processor.random;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.jconv.processor.JconvProcessor;
import dev.jconv.processor.reference.DeclaredNets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor on seeded random declarations, valid and invalid: it never fails internally; each
 * invalid declaration gets exactly its planted error, on the planted line, and nothing else; valid
 * ones get no error. Four tiers, from many cheap cases to a few expensive ones:
 *
 * <ol>
 *   <li>10,000 declarations through the processor's front end ({@link FrontEndProcessor}: reading,
 *       graph building, every check and message; no code generated), in batches with {@code
 *       -proc:only};
 *   <li>1,000 others through the whole processor with {@code -proc:only}: the model is generated
 *       (and checked for clashes with the user's members) but javac does not compile it;
 *   <li>60 valid ones, with names that collide with what generated code uses, compiled in full;
 *   <li>16 valid ones compiled in full on both code paths, each model's {@code predict} against the
 *       reference forward pass ({@link DeclaredNets}).
 * </ol>
 *
 * <p>Time on this project's 2-core machine with a load average of 17-18 (other builds running):
 * tier 1 29 s, tier 2 44 s, tier 3 6 s, tier 4 41 s with 24 networks (now 16); the version before
 * (tiers 2 and 3 only) took 8.7 s with the machine idle. Widen a run with {@code
 * -Djconv.randomDeclarations=N} (tier 1) and {@code -Djconv.randomDeclarations.full=N} (tier 2).
 */
class RandomDeclarationsTest {
  private static final int FRONT_END = Integer.getInteger("jconv.randomDeclarations", 10_000);
  private static final int FULL = Integer.getInteger("jconv.randomDeclarations.full", 1_000);
  private static final int BATCH = 1_000;

  @Test
  void tenThousandDeclarationsThroughTheFrontEndGetExactlyTheirErrors() {
    int invalid = checkAll(new Declarations(20261201L, true), FRONT_END, FrontEndProcessor::new);
    assertTrue(invalid > FRONT_END / 3, "only " + invalid + " invalid declarations");
    assertTrue(invalid < FRONT_END * 2 / 3, invalid + " invalid declarations");
  }

  @Test
  void declarationsThroughTheWholeProcessorGetExactlyTheirErrors() {
    int invalid = checkAll(new Declarations(20261202L, true), FULL, JconvProcessor::new);
    assertTrue(invalid > FULL / 3, "only " + invalid + " invalid declarations");
    assertTrue(invalid < FULL * 2 / 3, invalid + " invalid declarations");
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
    check(valid, List.of("-Xmaxerrs", "100000"), new JconvProcessor());
  }

  @Test
  void validDeclarationsMatchTheReferenceForwardPass() {
    Declarations generator = new Declarations(11L, true);
    List<DeclaredNets.Source> sample = new ArrayList<>();
    for (int i = 0; sample.size() < 16; i++) {
      Declarations.Decl d = generator.next("F" + i);
      // Names like 'List' may be rejected as clashes (tier 3 covers them); here they must compile.
      if (d.valid() && d.lines().stream().noneMatch(RandomDeclarationsTest::hasTypeLikeField)) {
        sample.add(new DeclaredNets.Source(d.className(), d.lines()));
      }
    }
    for (boolean simd : new boolean[] {false, true}) {
      System.out.println(
          "RandomDeclarationsTest forward: " + DeclaredNets.checkForward(sample, simd, 11L, 2));
    }
  }

  private static boolean hasTypeLikeField(String line) {
    int layer = line.lastIndexOf("Layer ");
    return layer >= 0
        && line.endsWith(";")
        && Declarations.typeLike(line.substring(layer + "Layer ".length()));
  }

  /** Checks {@code count} declarations in batches and returns how many were invalid. */
  private static int checkAll(
      Declarations generator, int count, Supplier<? extends Processor> processor) {
    int invalid = 0;
    for (int start = 0; start < count; start += BATCH) {
      List<Declarations.Decl> batch = new ArrayList<>();
      for (int i = start; i < Math.min(start + BATCH, count); i++) {
        batch.add(generator.next("N" + i));
      }
      invalid += check(batch, List.of("-proc:only", "-Xmaxerrs", "100000"), processor.get());
    }
    return invalid;
  }

  /** Compiles {@code batch} at once, checks every diagnostic, and returns the invalid count. */
  private static int check(
      List<Declarations.Decl> batch, List<String> options, Processor processor) {
    List<JavaFileObject> files = new ArrayList<>();
    Map<String, Declarations.Decl> byFile = new HashMap<>();
    for (Declarations.Decl d : batch) {
      List<String> lines = new ArrayList<>(Declarations.PREAMBLE);
      lines.addAll(d.lines());
      JavaFileObject f = JavaFileObjects.forSourceLines("test." + d.className(), lines);
      files.add(f);
      byFile.put(f.toUri().getPath(), d);
    }
    Compilation c = javac().withProcessors(processor).withOptions(options).compile(files);
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

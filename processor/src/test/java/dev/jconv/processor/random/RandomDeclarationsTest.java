package dev.jconv.processor.random;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jconv.processor.reference.DeclaredNets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor on seeded random declarations ({@link Declarations}), valid and invalid, in two
 * tiers:
 *
 * <ol>
 *   <li>10,000 declarations through the whole processor, with every model it generates compiled by
 *       javac ({@link BatchCompiler}: batches of {@value #BATCH} in one javac task each, on two
 *       threads): the processor never fails internally; each invalid declaration gets exactly its
 *       planted error, on the planted line, and nothing else; each valid one gets no error, except
 *       a {@code jconv.member-clash} on a line the generator marked as possibly clashing (a field
 *       named like a type of the generated code, a method or nested type named like one of the
 *       model's), and then no model; and every model generated compiles with no error at all.
 *   <li>16 valid ones compiled in full on both code paths, each model's {@code predict} against the
 *       reference forward pass ({@link DeclaredNets}).
 * </ol>
 *
 * <p>Time of tier 1 on this project's 2-core machine, other builds running: 335 s for the 10,000 on
 * 2 threads at a load average of 4-8, the two threads using 130 s of CPU (741 s at a load of
 * 14-21); so about 1.5 to 2 minutes with the two cores idle (estimated from the CPU time, not
 * measured idle). Tier 2: 2 s after tier 1, 15 s at the higher load.
 *
 * <p>Widen a run with {@code -Djconv.randomDeclarations=N} (and {@code
 * -Djconv.randomDeclarations.seed=S} for another seed, {@code -Djconv.randomDeclarations.threads=T}
 * for more threads). A failure names the declaration (its seed and index), prints it with line
 * numbers, and quotes the generated line that does not compile; declaration i of seed S is the last
 * one of a run with {@code -Djconv.randomDeclarations.seed=S -Djconv.randomDeclarations=i+1}.
 */
class RandomDeclarationsTest {
  private static final int COUNT = Integer.getInteger("jconv.randomDeclarations", 10_000);
  private static final long SEED = Long.getLong("jconv.randomDeclarations.seed", 20261201L);
  private static final int THREADS =
      Integer.getInteger(
          "jconv.randomDeclarations.threads",
          Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
  static final int BATCH = 400;

  /** The SIMD path; it also generates the scalar kernels. */
  private static final List<String> SIMD = List.of("--add-modules", "jdk.incubator.vector");

  @Test
  void everyDeclarationGetsExactlyItsErrorsAndEveryGeneratedModelCompiles() throws Exception {
    long start = System.nanoTime();
    Declarations generator = new Declarations(SEED, true);
    List<List<Declarations.Decl>> batches = new ArrayList<>();
    for (int i = 0; i < COUNT; i += BATCH) {
      List<Declarations.Decl> batch = new ArrayList<>();
      for (int j = i; j < Math.min(i + BATCH, COUNT); j++) {
        batch.add(generator.next("N" + j));
      }
      batches.add(batch);
    }
    if (COUNT >= 5_000) {
      // Every planted mistake occurs (from 44 to 242 times each in the default 10,000).
      java.util.Set<String> planted = new java.util.HashSet<>();
      batches.forEach(b -> b.forEach(d -> planted.add(d.expectedId())));
      for (String fault : Declarations.FAULTS) {
        assertTrue(planted.contains("jconv." + fault), "no declaration with " + fault);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    Tally total = new Tally();
    try {
      List<Future<Tally>> results = new ArrayList<>();
      for (List<Declarations.Decl> batch : batches) {
        results.add(
            pool.submit(
                () -> {
                  java.lang.management.ThreadMXBean bean =
                      java.lang.management.ManagementFactory.getThreadMXBean();
                  long cpu = bean.getCurrentThreadCpuTime();
                  Tally t = check(batch, SIMD);
                  t.cpuNanos = bean.getCurrentThreadCpuTime() - cpu;
                  return t;
                }));
      }
      List<String> failures = new ArrayList<>();
      for (Future<Tally> f : results) {
        try {
          total.add(f.get());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof AssertionError)) {
            throw e;
          }
          failures.add(e.getCause().getMessage());
        }
      }
      if (!failures.isEmpty()) {
        StringBuilder counts = new StringBuilder();
        for (String f : failures) {
          counts.append("  ").append(f, 0, f.indexOf(';')).append('\n');
        }
        fail(
            failures.size()
                + " of "
                + batches.size()
                + " batches failed:\n"
                + counts
                + "The first:\n"
                + failures.get(0));
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf(
        Locale.ROOT,
        "RandomDeclarationsTest: %d declarations (seed %d): %d invalid, each with exactly its"
            + " error; %d valid: %d models generated and compiled, %d rejected as member clashes;"
            + " %.1f s on %d threads, %.1f s of CPU in them%n",
        COUNT,
        SEED,
        total.invalid,
        COUNT - total.invalid,
        total.compiled,
        total.clashed,
        (System.nanoTime() - start) / 1e9,
        THREADS,
        total.cpuNanos / 1e9);
    assertTrue(total.invalid > COUNT / 3, "only " + total.invalid + " invalid declarations");
    assertTrue(total.invalid < COUNT * 2 / 3, total.invalid + " invalid declarations");
    assertTrue(total.compiled > COUNT / 4, "only " + total.compiled + " models compiled");
  }

  @Test
  void validDeclarationsMatchTheReferenceForwardPass() {
    Declarations generator = new Declarations(11L, true);
    List<DeclaredNets.Source> sample = new ArrayList<>();
    for (int i = 0; sample.size() < 16; i++) {
      Declarations.Decl d = generator.next("F" + i);
      // Declarations that may clash are covered above; here every one must compile.
      if (d.valid() && d.mayClash().isEmpty()) {
        sample.add(new DeclaredNets.Source(d.className(), d.lines()));
      }
    }
    java.util.Set<String> kinds = new java.util.TreeSet<>();
    for (DeclaredNets.Source s : sample) {
      for (String line : s.lines()) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*@(\\w+)").matcher(line);
        if (m.find() && !m.group(1).equals("Network")) {
          kinds.add(m.group(1));
        }
      }
    }
    for (boolean simd : new boolean[] {false, true}) {
      System.out.println(
          "RandomDeclarationsTest forward: "
              + DeclaredNets.checkForward(sample, simd, 11L, 2)
              + "; layer kinds "
              + kinds);
    }
  }

  /** Counts over one batch or all. */
  static final class Tally {
    int invalid;
    int compiled;
    int clashed;
    long cpuNanos;

    void add(Tally t) {
      invalid += t.invalid;
      compiled += t.compiled;
      clashed += t.clashed;
      cpuNanos += t.cpuNanos;
    }
  }

  /**
   * Compiles {@code batch} in one javac task and checks every diagnostic and generated model;
   * throws an AssertionError naming the declarations at fault.
   */
  static Tally check(List<Declarations.Decl> batch, List<String> options) {
    List<BatchCompiler.Unit> units = new ArrayList<>();
    Map<String, Declarations.Decl> byPackage = new HashMap<>();
    for (Declarations.Decl d : batch) {
      String pkg = packageOf(d);
      List<String> lines = new ArrayList<>(Declarations.PREAMBLE);
      lines.set(0, "package " + pkg + ";");
      lines.addAll(d.lines());
      units.add(new BatchCompiler.Unit(pkg, d.className(), String.join("\n", lines) + "\n"));
      byPackage.put(pkg, d);
    }
    BatchCompiler.Result result = BatchCompiler.compile(units, options);
    Map<String, String> generated = new HashMap<>();
    for (BatchCompiler.Generated g : result.generated()) {
      generated.put(g.path(), g.text());
    }
    Map<Declarations.Decl, List<String>> errors = new HashMap<>();
    Map<Declarations.Decl, List<String>> clashes = new HashMap<>();
    List<String> failures = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : result.diagnostics()) {
      String message = diagnostic.getMessage(Locale.ROOT);
      boolean error = diagnostic.getKind() == Diagnostic.Kind.ERROR;
      if (!error && !message.contains("jconv.internal") && !message.contains("\tat ")) {
        continue;
      }
      String path =
          diagnostic.getSource() == null ? null : diagnostic.getSource().toUri().getPath();
      Declarations.Decl d = path == null ? null : byPackage.get(packageOfPath(path));
      if (d == null) {
        failures.add("an error outside the declarations: " + describe(diagnostic));
        continue;
      }
      boolean userFile = path.endsWith("/" + d.className() + ".java");
      if (!userFile) {
        failures.add(
            "the generated code of "
                + name(d)
                + " does not compile: "
                + describe(diagnostic)
                + "\n    "
                + lineOf(generated.get(path), diagnostic.getLineNumber())
                + "\n"
                + source(d));
        continue;
      }
      int line = (int) diagnostic.getLineNumber();
      if (message.contains("jconv.internal") || message.contains("\tat ")) {
        failures.add("internal failure on " + name(d) + ": " + message + "\n" + source(d));
      } else if (message.startsWith("[jconv.member-clash]") && d.mayClash().contains(line)) {
        clashes.computeIfAbsent(d, k -> new ArrayList<>()).add(message);
      } else if (d.valid()) {
        failures.add(
            "an error on valid " + name(d) + ": " + describe(diagnostic) + "\n" + source(d));
      } else if (!message.startsWith("[" + d.expectedId() + "]") || line != d.expectedLine()) {
        failures.add(
            "expected "
                + d.expectedId()
                + " on line "
                + d.expectedLine()
                + " of "
                + name(d)
                + ", got: "
                + describe(diagnostic)
                + "\n"
                + source(d));
      } else {
        errors.computeIfAbsent(d, k -> new ArrayList<>()).add(message);
      }
    }
    Tally tally = new Tally();
    for (Declarations.Decl d : batch) {
      String model = "/" + packageOf(d) + "/" + d.className() + "Model.java";
      boolean hasModel = generated.containsKey(model);
      if (!d.valid()) {
        tally.invalid++;
        int n = errors.getOrDefault(d, List.of()).size();
        if (n != 1) {
          failures.add(
              n + " errors " + d.expectedId() + " on " + name(d) + ", expected 1\n" + source(d));
        }
        if (hasModel) {
          failures.add("a model generated for invalid " + name(d) + "\n" + source(d));
        }
      } else if (clashes.containsKey(d)) {
        tally.clashed++;
        if (hasModel) {
          failures.add("a model generated despite " + clashes.get(d) + "\n" + source(d));
        }
      } else if (hasModel) {
        tally.compiled++;
      } else {
        failures.add("no model generated for valid " + name(d) + "\n" + source(d));
      }
    }
    if (!failures.isEmpty()) {
      long declarations =
          batch.stream()
              .filter(d -> failures.stream().anyMatch(f -> f.contains(" " + d.className() + " (")))
              .count();
      throw new AssertionError(
          failures.size()
              + " failures ("
              + declarations
              + " declarations) in the batch from "
              + name(batch.get(0))
              + "; the first ones:\n"
              + String.join("\n", failures.subList(0, Math.min(5, failures.size()))));
    }
    return tally;
  }

  private static String packageOf(Declarations.Decl d) {
    return "p" + d.className().toLowerCase(Locale.ROOT);
  }

  /** The package of {@code /pn12/N12Model.java}. */
  private static String packageOfPath(String path) {
    int slash = path.indexOf('/', 1);
    return slash < 0 ? "" : path.substring(1, slash);
  }

  private static String name(Declarations.Decl d) {
    return d.className() + " (seed " + SEED + ", declaration " + d.className().substring(1) + ")";
  }

  private static String describe(Diagnostic<? extends JavaFileObject> d) {
    String file = d.getSource() == null ? "?" : d.getSource().toUri().getPath();
    return file + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT);
  }

  private static String lineOf(String text, long line) {
    if (text == null || line < 1) {
      return "(no source)";
    }
    String[] lines = text.split("\n", -1);
    return line <= lines.length ? lines[(int) line - 1].strip() : "(no line " + line + ")";
  }

  private static String source(Declarations.Decl d) {
    StringBuilder s = new StringBuilder();
    int n = 0;
    for (String line : Declarations.PREAMBLE) {
      s.append(++n)
          .append(": ")
          .append(n == 1 ? "package " + packageOf(d) + ";" : line)
          .append('\n');
    }
    for (String line : d.lines()) {
      s.append(++n).append(": ").append(line).append('\n');
    }
    return s.toString();
  }
}

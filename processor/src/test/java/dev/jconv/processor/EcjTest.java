package dev.jconv.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Eclipse compiler (ecj, as in Eclipse and VS Code's Java tooling) runs the processor found on
 * {@code -processorpath} as javac does: the same jconv diagnostics on the same lines, and a valid
 * network's generated model compiles, SIMD kernels included.
 */
class EcjTest {
  private static final Pattern ID = Pattern.compile("\\[jconv\\.[a-z-]+\\]");

  /** Each file is one network; all but {@code Good} hold one mistake, some on a later line. */
  private static final Map<String, String> SOURCES =
      Map.of(
          "Good",
          String.join(
              "\n",
              "package test;",
              "import dev.jconv.*;",
              "@Network(input = {8, 8, 3}, params = 224 + 5160)",
              "public abstract class Good {",
              "  @Conv2D(filters = 8, kernelSize = 3, padding = Padding.SAME,",
              "      activation = Activation.Fn.RELU) Layer conv1;",
              "  @MaxPooling2D(poolSize = 2) Layer pool1;",
              "  @Flatten Layer flat;",
              "  @Dense(units = 40, activation = Activation.Fn.SOFTMAX) Layer out;",
              "}"),
          "BigKernel",
          String.join(
              "\n",
              "package test;",
              "import dev.jconv.*;",
              "@Network(input = {28, 28, 1})",
              "public abstract class BigKernel {",
              "  @Conv2D(filters = 8, kernelSize = 3) Layer conv1;",
              "  @Conv2D(filters = 16,",
              "      kernelSize = 29) Layer conv2;",
              "}"),
          "NotFlat",
          String.join(
              "\n",
              "package test;",
              "import dev.jconv.*;",
              "@Network(input = {8, 8, 1})",
              "public abstract class NotFlat {",
              "  @Conv2D(filters = 4, kernelSize = 3) Layer conv1;",
              "",
              "  @Dense(units = 10) Layer out;",
              "}"),
          "Typo",
          String.join(
              "\n",
              "package test;",
              "import dev.jconv.*;",
              "@Network(input = {16})",
              "public abstract class Typo {",
              "  @Dense(units = 8) Layer hidden;",
              "  @Dropout(rate = 1.5) Layer drop;",
              "  @Dense(units = 2, from = \"hiden\") Layer out;",
              "}"),
          "Counted",
          String.join(
              "\n",
              "package test;",
              "import dev.jconv.*;",
              "@Network(input = {16},",
              "    params = 100)",
              "public abstract class Counted {",
              "  @Dense(units = 8) Layer a;",
              "  @Dense(units = 4, from = \"input\") Layer unused;",
              "  @Dense(units = 2, from = \"a\") Layer out;",
              "}"));

  @TempDir Path dir;

  @Test
  void ecjReportsWhatJavacReportsOnTheSameLines() throws IOException {
    List<File> files = write(dir.resolve("src"));
    Result javac = compile(ToolProvider.getSystemJavaCompiler(), files, dir.resolve("javac"));
    Result ecj = compile(new EclipseCompiler(), files, dir.resolve("ecj"));
    assertEquals(
        List.of(
            "BigKernel:7 ERROR [jconv.kernel-too-large]",
            "Counted:4 ERROR [jconv.params-mismatch]",
            "Counted:7 WARNING [jconv.unused-output]",
            "NotFlat:7 ERROR [jconv.dense-needs-flat]",
            "Typo:6 ERROR [jconv.rate-range]",
            "Typo:7 ERROR [jconv.from-unknown]"),
        javac.errorsAndWarnings(),
        javac.log);
    assertEquals(javac.errorsAndWarnings(), ecj.errorsAndWarnings(), ecj.log);
    assertEquals(javac.messages, ecj.messages, "the same message text");
  }

  @Test
  void ecjCompilesTheGeneratedSimdModel() throws IOException {
    List<File> files = write(dir.resolve("src")).subList(0, 1);
    Result ecj = compile(new EclipseCompiler(), files, dir.resolve("ecj"));
    assertTrue(ecj.success, ecj.log);
    assertTrue(Files.exists(dir.resolve("ecj/test/GoodModel.class")), ecj.log);
    assertTrue(Files.exists(dir.resolve("ecj/test/GoodModel$Simd.class")), ecj.log);
    assertFalse(ecj.log.contains("[jconv.codegen-path] Good: generated scalar"), ecj.log);
  }

  /** Writes the sources under {@code src}; {@code Good.java} first. */
  private List<File> write(Path src) throws IOException {
    Path pkg = Files.createDirectories(src.resolve("test"));
    List<File> files = new ArrayList<>();
    for (String name : List.of("Good", "BigKernel", "NotFlat", "Typo", "Counted")) {
      Path file = pkg.resolve(name + ".java");
      Files.writeString(file, SOURCES.get(name));
      files.add(file.toFile());
    }
    return files;
  }

  /**
   * Compiles as a build tool would: {@code -cp} before {@code -processorpath} (ecj needs that
   * order), the processor found through {@code META-INF/services}, the Vector API module added.
   */
  private static Result compile(JavaCompiler compiler, List<File> files, Path out)
      throws IOException {
    Files.createDirectories(out);
    String classpath = System.getProperty("java.class.path");
    List<String> options =
        List.of(
            "-cp",
            classpath,
            "-processorpath",
            classpath,
            "--add-modules",
            "jdk.incubator.vector",
            "--release",
            "17",
            "-d",
            out.toString(),
            "-s",
            Files.createDirectories(out.resolve("generated")).toString());
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter log = new StringWriter();
    try (StandardJavaFileManager fm =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      boolean ok =
          compiler
              .getTask(log, fm, diagnostics, options, null, fm.getJavaFileObjectsFromFiles(files))
              .call();
      return new Result(ok, diagnostics.getDiagnostics(), log.toString());
    }
  }

  /** A compilation's jconv diagnostics as "File:line KIND [id]" plus their texts. */
  private static final class Result {
    final boolean success;
    final Map<String, String> messages = new TreeMap<>();
    final String log;

    Result(boolean success, List<Diagnostic<? extends JavaFileObject>> all, String log) {
      this.success = success;
      StringBuilder text = new StringBuilder(log);
      for (Diagnostic<? extends JavaFileObject> d : all) {
        String message = d.getMessage(Locale.ROOT);
        text.append(d.getKind()).append(' ').append(d.getLineNumber()).append(' ');
        text.append(message).append('\n');
        Matcher id = ID.matcher(message);
        if (d.getSource() == null || !id.find()) {
          continue;
        }
        String file = new File(d.getSource().getName()).getName().replace(".java", "");
        Diagnostic.Kind kind = d.getKind();
        String key =
            file
                + ":"
                + d.getLineNumber()
                + " "
                + (kind == Diagnostic.Kind.MANDATORY_WARNING ? Diagnostic.Kind.WARNING : kind)
                + " "
                + id.group();
        messages.put(key, message.substring(id.start()).strip());
      }
      this.log = text.toString();
    }

    List<String> errorsAndWarnings() {
      List<String> keys = new ArrayList<>();
      for (String key : messages.keySet()) {
        if (key.contains(" ERROR ") || key.contains(" WARNING ")) {
          keys.add(key);
        }
      }
      return keys;
    }
  }
}

package dev.jconv.processor.diag;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.jconv.processor.JconvProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The README's "What a shape error looks like": the network it shows ({@code readme/SmallNet.java},
 * whose {@code @Network} part is the README's block) and the three fixes it describes in words,
 * compiled; each compilation's one error must be, line, column and text, the error the README
 * prints for it.
 */
class ReadmeDiagnosticsTest {
  private static final Pattern MAVEN = Pattern.compile("SmallNet\\.java:\\[(\\d+),(\\d+)] (.*)$");
  private static final Pattern JAVAC =
      Pattern.compile("^dev/jconv/examples/SmallNet\\.java:(\\d+): error: (.*)$");

  @Test
  void theReadmesErrorsAreWhatTheProcessorReports() throws IOException {
    List<String> readme = Files.readAllLines(Path.of("..", "README.md"));
    List<String[]> shown = new ArrayList<>();
    String javacLine = null;
    for (String line : readme) {
      Matcher m = MAVEN.matcher(line);
      if (m.find()) {
        shown.add(new String[] {m.group(1), m.group(2), m.group(3)});
      }
      Matcher j = JAVAC.matcher(line);
      if (j.matches()) {
        javacLine = j.group(1) + ": " + j.group(2);
      }
    }
    List<String> variants = variants();
    assertEquals(variants.size(), shown.size(), "the README shows one error per variant");
    for (int i = 0; i < variants.size(); i++) {
      Diagnostic<? extends JavaFileObject> error = onlyError(variants.get(i));
      String[] want = shown.get(i);
      String where = "variant " + (i + 1) + ":\n" + variants.get(i);
      assertEquals(Long.parseLong(want[0]), error.getLineNumber(), "line, " + where);
      assertEquals(Long.parseLong(want[1]), error.getColumnNumber(), "column, " + where);
      assertEquals(want[2], error.getMessage(Locale.ROOT), where);
      if (i == 0) {
        assertEquals(javacLine, error.getLineNumber() + ": " + error.getMessage(Locale.ROOT));
      }
    }
  }

  /** The README's file and its three edits, in the README's order. */
  private static List<String> variants() throws IOException {
    String v1;
    try (InputStream in =
        ReadmeDiagnosticsTest.class.getResourceAsStream("/readme/SmallNet.java")) {
      v1 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String v2 = replace(v1, "kernelSize = 15", "kernelSize = 3");
    String v3 =
        replace(
            replace(
                v2,
                "import dev.jconv.Dense;\n",
                "import dev.jconv.Dense;\nimport dev.jconv.Flatten;\n"),
            "  @Dense(units = 10, activation = SOFTMAX)                   // line 23\n",
            "  @Flatten Layer flat;\n\n  @Dense(units = 10, activation = SOFTMAX, from = \"flatt\")\n");
    String v4 =
        replace(
            replace(v3, "\"flatt\"", "\"flat\""),
            "@Network(input = {28, 28, 1})",
            "@Network(input = {28, 28, 1}, params = 40_000)");
    return List.of(v1, v2, v3, v4);
  }

  private static String replace(String s, String from, String to) {
    if (!s.contains(from)) {
      throw new AssertionError("readme/SmallNet.java no longer contains " + from);
    }
    return s.replace(from, to);
  }

  private static Diagnostic<? extends JavaFileObject> onlyError(String source) {
    Compilation c =
        javac()
            .withProcessors(new JconvProcessor())
            .compile(JavaFileObjects.forSourceString("dev.jconv.examples.SmallNet", source));
    List<Diagnostic<? extends JavaFileObject>> errors = new ArrayList<>(c.errors());
    assertEquals(1, errors.size(), errors + "\n" + source);
    return errors.get(0);
  }
}

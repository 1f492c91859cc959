package dev.jconv.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The processor's packages are layers with one-way dependencies (STYLE.md): {@code model} at the
 * bottom, {@code diag} on it, {@code infer} on both, {@code emit} (code-writing machinery) on
 * {@code model} alone; {@code kind} (one unit per layer kind) on all four; and the pipeline stages
 * {@code read}, {@code validate} and {@code codegen} on {@code kind}, never on each other. Only
 * {@code read} and {@code diag} (and the entry point) see javac's element API. Checked on the main
 * sources: imports and fully qualified names in code, comments and string literals excluded.
 */
class ArchitectureTest {
  private static final Path ROOT = Path.of("src/main/java/dev/jconv/processor");
  private static final String PROCESSOR = "dev.jconv.processor.";

  /** The one javac type JavaPoet's API makes its callers name. */
  private static final String JAVAPOET_MODIFIER = "javax.lang.model.element.Modifier";

  /** Qualified names this test cares about, wherever they occur in code. */
  private static final Pattern REFERENCE =
      Pattern.compile(
          "\\b(?:dev\\.jconv\\.processor|javax\\.lang\\.model|javax\\.annotation\\.processing"
              + "|javax\\.tools|com\\.sun\\.source|com\\.sun\\.tools|com\\.palantir\\.javapoet)"
              + "(?:\\.\\w+)*");

  private static final Pattern DECLARATION =
      Pattern.compile("^\\s*(?:package|import)\\s[^;]*;", Pattern.MULTILINE);

  private static final Pattern IMPORT =
      Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+)(?:\\.\\*)?\\s*;", Pattern.MULTILINE);

  private static List<Source> sources;

  /** One main source file: its package relative to the processor root ("" for the root). */
  private record Source(Path path, String layer, String code) {}

  /** One qualified name used by a source file, with its line. */
  private record Use(Source source, int line, String name) {
    @Override
    public String toString() {
      return ROOT.relativize(source.path()) + ":" + line + " uses " + name;
    }
  }

  @BeforeAll
  static void readSources() throws IOException {
    assertTrue(Files.isDirectory(ROOT), "run from the processor module: " + ROOT.toAbsolutePath());
    List<Source> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        Path dir = ROOT.relativize(file).getParent();
        String layer =
            dir == null ? "" : dir.toString().replace(dir.getFileSystem().getSeparator(), ".");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        found.add(new Source(file, layer, JavaCode.withoutCommentsAndLiterals(text)));
      }
    }
    sources = found;
  }

  @Test
  void theLayersAreTheOnesTheseRulesCover() {
    Set<String> layers = new TreeSet<>();
    for (Source s : sources) {
      layers.add(s.layer());
    }
    // A new package needs a rule below before it can exist.
    assertEquals(
        Set.of("", "codegen", "diag", "emit", "infer", "kind", "model", "read", "validate"),
        layers);
  }

  @Test
  void modelDependsOnNoOtherLayerAndNoJavacApi() {
    assertOnlyLayers("model", Set.of());
    assertNoJavacApi("model");
  }

  @Test
  void diagDependsOnlyOnModel() {
    assertOnlyLayers("diag", Set.of("model"));
  }

  @Test
  void inferDependsOnlyOnModelAndDiag() {
    assertOnlyLayers("infer", Set.of("model", "diag"));
    assertNoJavacApi("infer");
  }

  @Test
  void emitDependsOnlyOnModelTheRuntimeAndJavaPoet() {
    assertOnlyLayers("emit", Set.of("model"));
    assertOnlyRuntimeAndJavaPoet("emit");
  }

  @Test
  void kindDependsOnlyOnModelDiagInferAndEmit() {
    assertOnlyLayers("kind", Set.of("model", "diag", "infer", "emit"));
    assertOnlyRuntimeAndJavaPoet("kind");
  }

  @Test
  void validateDependsOnlyOnModelDiagInferAndKind() {
    assertOnlyLayers("validate", Set.of("model", "diag", "infer", "kind"));
    assertNoJavacApi("validate");
  }

  @Test
  void readDependsOnlyOnModelDiagAndKind() {
    assertOnlyLayers("read", Set.of("model", "diag", "kind"));
  }

  @Test
  void codegenDependsOnlyOnModelEmitKindTheRuntimeAndJavaPoet() {
    assertOnlyLayers("codegen", Set.of("model", "emit", "kind"));
    assertOnlyRuntimeAndJavaPoet("codegen");
  }

  @Test
  void onlyReadDiagAndTheEntryPointSeeJavacElements() {
    Set<String> writers = Set.of("codegen", "emit", "kind");
    for (String layer : List.of("model", "infer", "validate", "codegen", "emit", "kind")) {
      assertNoUse(
          layer,
          name ->
              (name.startsWith("javax.lang.model")
                      || name.startsWith("javax.annotation.processing"))
                  && !(writers.contains(layer) && name.equals(JAVAPOET_MODIFIER)));
    }
  }

  @Test
  void onlyTheCodeWritersAndTheEntryPointUseJavaPoet() {
    for (String layer : List.of("model", "diag", "infer", "validate", "read")) {
      assertNoUse(layer, name -> name.startsWith("com.palantir.javapoet"));
    }
  }

  @Test
  void noLayerDependsOnTheEntryPoint() {
    for (String layer :
        List.of("model", "diag", "infer", "validate", "read", "codegen", "emit", "kind")) {
      assertNoUse(layer, name -> name.startsWith(PROCESSOR) && layerOf(name).isEmpty());
    }
  }

  @Test
  void theScannerSeesImportsAndQualifiedNamesButNotCommentsOrStrings() {
    String code =
        JavaCode.withoutCommentsAndLiterals(
            String.join(
                "\n",
                "import dev.jconv.processor.model.Shape; // javax.lang.model",
                "/* dev.jconv.processor.read.X */ class A {",
                "  String s = \"javax.tools.Diagnostic\";",
                "  char c = '\"';",
                "  String t = \"\"\"",
                "      dev.jconv.processor.codegen.Y",
                "      \"\"\";",
                "  Object o = javax.tools.Diagnostic.Kind.ERROR;",
                "}"));
    Source s = new Source(ROOT.resolve("x/A.java"), "x", code);
    List<String> names = uses(s).stream().map(u -> u.line() + " " + u.name()).toList();
    assertEquals(
        List.of("1 dev.jconv.processor.model.Shape", "8 javax.tools.Diagnostic.Kind.ERROR"), names);
  }

  private static void assertOnlyLayers(String layer, Set<String> allowed) {
    assertNoUse(
        layer,
        name -> {
          if (!name.startsWith(PROCESSOR)) {
            return false;
          }
          String target = layerOf(name);
          return !target.equals(layer) && !allowed.contains(target);
        });
  }

  /** JavaPoet takes javac's Modifier enum; nothing else of javac's API is needed to write code. */
  private static void assertOnlyRuntimeAndJavaPoet(String layer) {
    assertNoUse(
        layer,
        name ->
            !(name.startsWith("java.")
                || name.startsWith("com.palantir.javapoet.")
                || name.startsWith("dev.jconv.")
                || name.equals(JAVAPOET_MODIFIER)));
  }

  private static void assertNoJavacApi(String layer) {
    assertNoUse(layer, ArchitectureTest::isJavacApi);
  }

  private static void assertNoUse(String layer, Predicate<String> forbidden) {
    List<Source> inLayer = sources.stream().filter(s -> s.layer().equals(layer)).toList();
    assertFalse(inLayer.isEmpty(), "no sources in package " + layer);
    List<Use> bad = new ArrayList<>();
    for (Source s : inLayer) {
      for (Use use : uses(s)) {
        if (forbidden.test(use.name())) {
          bad.add(use);
        }
      }
    }
    assertTrue(bad.isEmpty(), "forbidden dependencies of package " + layer + ":\n" + join(bad));
  }

  private static boolean isJavacApi(String name) {
    return name.startsWith("javax.lang.model")
        || name.startsWith("javax.annotation.processing")
        || name.startsWith("javax.tools")
        || name.startsWith("com.sun.source")
        || name.startsWith("com.sun.tools");
  }

  /** {@code dev.jconv.processor.diag.Report} is in layer {@code diag}; a root class in "". */
  private static String layerOf(String name) {
    String rest = name.substring(PROCESSOR.length());
    if (Character.isUpperCase(rest.charAt(0))) {
      return "";
    }
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  /** Every import and every qualified name of interest in the code of {@code s}. */
  private static List<Use> uses(Source s) {
    List<Use> out = new ArrayList<>();
    Matcher imports = IMPORT.matcher(s.code());
    while (imports.find()) {
      out.add(new Use(s, lineOf(s.code(), imports.start(1)), imports.group(1)));
    }
    // The package and import declarations are done; look for qualified names in the rest.
    String body =
        DECLARATION.matcher(s.code()).replaceAll(m -> m.group().replaceAll("[^\\n]", " "));
    Matcher refs = REFERENCE.matcher(body);
    while (refs.find()) {
      if (refs.start() == 0 || body.charAt(refs.start() - 1) != '.') {
        out.add(new Use(s, lineOf(body, refs.start()), refs.group()));
      }
    }
    return out;
  }

  private static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String join(List<Use> uses) {
    StringBuilder sb = new StringBuilder();
    for (Use u : uses) {
      sb.append("  ").append(u).append('\n');
    }
    return sb.toString();
  }

  /** Blanks out comments and string, char and text-block literals, keeping line breaks. */
  static final class JavaCode {
    private JavaCode() {}

    static String withoutCommentsAndLiterals(String src) {
      StringBuilder out = new StringBuilder(src.length());
      int i = 0;
      int n = src.length();
      while (i < n) {
        char c = src.charAt(i);
        if (src.startsWith("//", i)) {
          int end = src.indexOf('\n', i);
          i = blank(src, out, i, end < 0 ? n : end);
        } else if (src.startsWith("/*", i)) {
          int end = src.indexOf("*/", i + 2);
          i = blank(src, out, i, end < 0 ? n : end + 2);
        } else if (src.startsWith("\"\"\"", i)) {
          int end = src.indexOf("\"\"\"", i + 3);
          i = blank(src, out, i, end < 0 ? n : end + 3);
        } else if (c == '"' || c == '\'') {
          int j = i + 1;
          while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
            j += src.charAt(j) == '\\' ? 2 : 1;
          }
          i = blank(src, out, i, Math.min(j + 1, n));
        } else {
          out.append(c);
          i++;
        }
      }
      return out.toString();
    }

    private static int blank(String src, StringBuilder out, int from, int to) {
      for (int k = from; k < to; k++) {
        out.append(src.charAt(k) == '\n' ? '\n' : ' ');
      }
      return to;
    }
  }
}

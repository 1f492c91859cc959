package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jconv.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README cannot rot: every fenced block in it is preceded by a marker that says where it comes
 * from, and this test holds each Java block to its source. The markers:
 *
 * <ul>
 *   <li>{@code <!-- code: PATH#REGION -->}: the block is, line for line, the region of a compiled
 *       source file ({@link ReadmeBlocks#region}); the snippets of {@link ReadmeSnippets} also run
 *       in {@link ReadmeSnippetsTest};
 *   <li>{@code <!-- summary: CLASS -->}: the block is {@code new <CLASS>Model().summary()};
 *   <li>{@code <!-- run: it/readme-commands.sh -->}: a shell block that CI runs, command by
 *       command;
 *   <li>{@code <!-- output: ... -->}: what such a command printed, checked by that script where it
 *       is checkable (timings are not);
 *   <li>{@code <!-- snippet: it/consumer/pom.xml -->}: checked by {@code
 *       it/check-readme-snippet.sh};
 *   <li>{@code <!-- diagnostics: ... -->}: compiler output checked by the processor's {@code
 *       ReadmeDiagnosticsTest};
 *   <li>{@code <!-- not compiled: REASON -->}: the one kind of block that nothing checks, with the
 *       reason in the README itself.
 * </ul>
 */
class ReadmeTest {
  private static final List<String> KINDS =
      List.of("code", "summary", "run", "output", "snippet", "diagnostics", "not compiled");

  @Test
  void everyBlockSaysWhereItComesFrom() throws IOException {
    List<ReadmeBlocks.Block> blocks = ReadmeBlocks.read();
    assertTrue(blocks.size() > 20, blocks.size() + " blocks");
    List<String> problems = new ArrayList<>();
    for (ReadmeBlocks.Block block : blocks) {
      if (block.marker() == null || !KINDS.contains(block.kind())) {
        problems.add(
            "README.md:"
                + block.line()
                + ": a ```"
                + block.language()
                + " block without"
                + " a known marker ("
                + String.join(", ", KINDS)
                + ") on the line before it");
      }
      if ("java".equals(block.language())
          && !List.of("code", "diagnostics").contains(block.kind())) {
        problems.add("README.md:" + block.line() + ": Java that is not compiled");
      }
      if ("bash".equals(block.language()) && !"run".equals(block.kind())) {
        problems.add("README.md:" + block.line() + ": commands that CI does not run");
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void javaBlocksAreTheirSourceRegions() throws IOException {
    int checked = 0;
    for (ReadmeBlocks.Block block : ReadmeBlocks.read()) {
      if (!"code".equals(block.kind())) {
        continue;
      }
      String argument = block.argument();
      int hash = argument.indexOf('#');
      assertTrue(hash > 0, "README.md:" + block.line() + ": no #region in " + argument);
      Path file = ReadmeBlocks.ROOT.resolve(argument.substring(0, hash));
      assertTrue(Files.exists(file), "README.md:" + block.line() + ": no file " + file);
      List<String> region = ReadmeBlocks.region(file, argument.substring(hash + 1));
      assertEquals(
          String.join("\n", region),
          String.join("\n", block.lines()),
          "README.md:" + block.line() + " differs from " + argument + "; copy the region over");
      checked++;
    }
    assertTrue(checked >= 8, checked + " code blocks");
  }

  @Test
  void summariesAreWhatTheModelsPrint() throws Exception {
    int checked = 0;
    for (ReadmeBlocks.Block block : ReadmeBlocks.read()) {
      if (!"summary".equals(block.kind())) {
        continue;
      }
      String name = block.argument();
      Model model =
          (Model)
              Class.forName("dev.jconv.examples." + name + "Model").getConstructor().newInstance();
      List<String> lines = block.lines();
      List<String> want = model.summary().lines().toList();
      assertEquals(
          String.join("\n", want),
          String.join("\n", lines.subList(0, Math.min(lines.size(), want.size()))),
          "README.md:" + block.line() + ": not the summary of " + name);
      checked++;
    }
    assertTrue(checked >= 2, checked + " summaries");
  }

  @Test
  void regionsAreFoundAndDedented() throws IOException {
    Path file =
        ReadmeBlocks.ROOT.resolve("examples/src/test/java/dev/jconv/examples/TinyResNet.java");
    List<String> network = ReadmeBlocks.region(file, "network");
    assertTrue(network.get(0).startsWith("@Network("), network.get(0));
    assertEquals("}", network.get(network.size() - 1));
    List<String> file2 = ReadmeBlocks.region(file, "file");
    assertTrue(file2.get(0).startsWith("import "), file2.get(0));
    assertFalse(String.join("\n", file2).contains("/**"), "the class Javadoc is left out");
    try {
      ReadmeBlocks.region(file, "no-such-region");
      fail("a missing region must fail");
    } catch (IllegalArgumentException expected) {
      assertTrue(expected.getMessage().contains("no-such-region"), expected.getMessage());
    }
  }
}

package dev.jconv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime's packages depend on each other one way: the graph of references between them (by
 * import or by qualified name) has no cycle, and the user API {@code dev.jconv} does not reach the
 * weight files ({@code dev.jconv.io}) or the generated-code hooks ({@code dev.jconv.compiled}).
 */
class RuntimeArchitectureTest {
  private static final Pattern REFERENCE =
      Pattern.compile("\\bdev\\.jconv((?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");
  private static final Map<String, Set<String>> GRAPH = new TreeMap<>();

  @BeforeAll
  static void readSources() throws IOException {
    Path root = Path.of("src/main/java");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).toList();
    }
    for (Path file : files) {
      String from = root.relativize(file.getParent()).toString().replace('/', '.');
      Set<String> to = GRAPH.computeIfAbsent(from, k -> new TreeSet<>());
      for (String line : Files.readAllLines(file)) {
        String code = line.strip();
        if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
          continue; // Javadoc may name other packages without depending on them
        }
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
          String target = "dev.jconv" + m.group(1);
          if (!target.equals(from)) {
            to.add(target);
          }
        }
      }
    }
  }

  @Test
  void readsEveryPackage() {
    assertTrue(GRAPH.keySet().containsAll(Set.of("dev.jconv", "dev.jconv.io", "dev.jconv.train")));
  }

  @Test
  void userApiDoesNotDependOnWeightFilesOrGeneratedHooks() {
    Set<String> api = GRAPH.get("dev.jconv");
    assertFalse(api.contains("dev.jconv.io"), "dev.jconv -> dev.jconv.io: " + api);
    assertFalse(api.contains("dev.jconv.compiled"), "dev.jconv -> dev.jconv.compiled: " + api);
  }

  @Test
  void packageGraphHasNoCycle() {
    List<String> cycle = new ArrayList<>();
    Map<String, Integer> state = new TreeMap<>();
    for (String p : GRAPH.keySet()) {
      if (findCycle(p, state, cycle)) {
        break;
      }
    }
    assertEquals(List.of(), cycle, "a dependency cycle between runtime packages; graph: " + GRAPH);
  }

  /** Depth-first search; {@code state}: 1 on the current path, 2 done. */
  private static boolean findCycle(String p, Map<String, Integer> state, List<String> path) {
    Integer s = state.get(p);
    if (s != null) {
      if (s == 1) {
        path.subList(0, path.indexOf(p)).clear();
        path.add(p);
        return true;
      }
      return false;
    }
    state.put(p, 1);
    path.add(p);
    for (String q : GRAPH.getOrDefault(p, Set.of())) {
      if (findCycle(q, state, path)) {
        return true;
      }
    }
    path.remove(path.size() - 1);
    state.put(p, 2);
    return false;
  }
}

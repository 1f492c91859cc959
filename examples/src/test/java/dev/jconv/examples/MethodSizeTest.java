package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jconv.examples.ClassFileMethods.ClassInfo;
import dev.jconv.examples.ClassFileMethods.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No compiled method of the examples, generated models included, is over HotSpot's HugeMethodLimit:
 * a larger method is never JIT-compiled and runs interpreted.
 */
class MethodSizeTest {
  /** HotSpot's {@code -XX:HugeMethodLimit}, in bytes of bytecode. */
  static final int HUGE_METHOD_LIMIT = 8_000;

  @Test
  void everyMethodIsJitCompilable() throws Exception {
    List<ClassInfo> classes = ClassFileMethods.readAll(classesDir());
    assertEveryNetworkHasItsGeneratedModel(classes);
    List<Method> huge = overLimit(classes);
    if (!huge.isEmpty()) {
      StringBuilder msg = new StringBuilder();
      msg.append(huge.size())
          .append(" method(s) over ")
          .append(HUGE_METHOD_LIMIT)
          .append(" bytes of bytecode (HotSpot's HugeMethodLimit; they would run interpreted):");
      for (Method m : huge) {
        msg.append("\n  ").append(m).append(": ").append(m.codeLength()).append(" bytes");
      }
      fail(msg.toString());
    }
  }

  @Test
  void aMethodOverTheLimitIsFound(@TempDir Path dir) throws Exception {
    // static int f(int x) { x = x * 31 + 7; ... return x; }: 8 bytes a statement, 2 to return.
    int statements = 1_200;
    StringBuilder src = new StringBuilder("class Huge { static int f(int x) {");
    src.append(" x = x * 31 + 7;".repeat(statements)).append(" return x; } }");
    Path file = Files.writeString(dir.resolve("Huge.java"), src);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertEquals(
        0, javac.run(null, null, null, "-proc:none", "-d", dir.toString(), file.toString()));

    List<Method> huge = overLimit(ClassFileMethods.readAll(dir));
    assertEquals(1, huge.size(), huge::toString);
    assertEquals("Huge.f(I)I", huge.get(0).toString());
    assertEquals(8 * statements + 2, huge.get(0).codeLength());
  }

  /** The methods longer than the limit, longest first. */
  static List<Method> overLimit(List<ClassInfo> classes) {
    List<Method> huge = new ArrayList<>();
    for (ClassInfo c : classes) {
      for (Method m : c.methods()) {
        if (m.codeLength() > HUGE_METHOD_LIMIT) {
          huge.add(m);
        }
      }
    }
    huge.sort(Comparator.comparingInt(Method::codeLength).reversed());
    return huge;
  }

  /**
   * Guards against a vacuous pass: the scan must include every {@code @Network} class's generated
   * {@code <Name>Model}, and the seed networks must be among them.
   */
  private static void assertEveryNetworkHasItsGeneratedModel(List<ClassInfo> classes) {
    Map<String, ClassInfo> byName =
        classes.stream().collect(Collectors.toMap(ClassInfo::name, Function.identity()));
    List<String> networks = new ArrayList<>();
    for (ClassInfo c : classes) {
      if (c.annotations().contains("dev.jconv.Network")) {
        networks.add(c.name());
      }
    }
    assertTrue(networks.contains("dev.jconv.examples.PatchNet"), "networks found: " + networks);
    assertTrue(
        networks.contains("dev.jconv.examples.FashionTutorialNet"), "networks found: " + networks);
    for (String network : networks) {
      // Outer$Inner's model is Outer_InnerModel, in the same package.
      String modelName = network.replace('$', '_') + "Model";
      ClassInfo model = byName.get(modelName);
      assertTrue(model != null, "no generated " + modelName + " for @Network " + network);
      assertTrue(
          model.interfaces().contains("dev.jconv.compiled.CompiledModel"),
          modelName + " is not a CompiledModel");
      assertTrue(network.equals(model.superName()), modelName + " does not extend " + network);
      assertFalse(model.methods().isEmpty(), modelName + " has no methods");
    }
  }

  /** The examples' compiled classes: {@code examples/target/classes} in a Maven build. */
  private static Path classesDir() throws Exception {
    Path dir = Path.of(PatchNet.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertTrue(Files.isDirectory(dir), "not a class directory: " + dir);
    return dir;
  }
}

package dev.jconv.processor.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.jconv.processor.JconvProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A 400-layer network (100 residual blocks of convolution, BatchNormalization, ReLU and Add, which
 * cut the training pass into 200 segments) compiles to methods that all stay under HotSpot's
 * 8,000-byte limit, above which a method is never JIT-compiled: the dispatcher, the pass halves,
 * the per-segment and per-layer methods, the inference sequence.
 */
class DeepNetworkMethodSizeTest {
  /** HotSpot's {@code -XX:HugeMethodLimit}, in bytes of bytecode. */
  private static final int HUGE_METHOD_LIMIT = 8_000;

  private static final int BLOCKS = 100;

  @Test
  void everyGeneratedMethodOfA400LayerNetworkIsJitCompilable() throws IOException {
    Compilation c =
        javac()
            .withProcessors(new JconvProcessor())
            .withOptions("--add-modules", "jdk.incubator.vector")
            .compile(JavaFileObjects.forSourceString("deep.DeepNet", source()));
    assertThat(c).succeeded();
    List<String> huge = new ArrayList<>();
    int methods = 0;
    int largest = 0;
    String largestName = "";
    for (JavaFileObject f : c.generatedFiles()) {
      if (f.getKind() != JavaFileObject.Kind.CLASS || !f.getName().contains("DeepNetModel")) {
        continue;
      }
      byte[] bytes;
      try (InputStream in = f.openInputStream()) {
        bytes = in.readAllBytes();
      }
      for (Map.Entry<String, Integer> m : CodeLengths.of(bytes).entrySet()) {
        methods++;
        if (m.getValue() > largest) {
          largest = m.getValue();
          largestName = m.getKey();
        }
        if (m.getValue() > HUGE_METHOD_LIMIT) {
          huge.add(f.getName() + " " + m.getKey() + ": " + m.getValue() + " bytes");
        }
      }
    }
    System.out.printf(
        "DeepNetworkMethodSizeTest: %d layers, %d methods, the largest %s with %d bytes%n",
        4 * BLOCKS + 3, methods, largestName, largest);
    // The reader saw the model: per-layer methods of 400 layers, and real code in them.
    assertTrue(methods > 4 * BLOCKS * 2, "only " + methods + " methods read");
    assertTrue(largest > 500, "the largest method has " + largest + " bytes");
    assertTrue(huge.isEmpty(), "methods over " + HUGE_METHOD_LIMIT + " bytes: " + huge);
  }

  /** {@code DeepNet}: a stem and {@link #BLOCKS} blocks conv, BN, ReLU, Add, then a head. */
  static String source() {
    StringBuilder s = new StringBuilder();
    s.append("package deep;\n")
        .append("import dev.jconv.*;\n")
        .append("import static dev.jconv.Activation.Fn.*;\n")
        .append("import static dev.jconv.Padding.*;\n")
        .append("@Network(input = {8, 8, 4})\n")
        .append("public abstract class DeepNet {\n")
        .append("  @Conv2D(filters = 4, kernelSize = 3, padding = SAME) Layer stem;\n");
    String previous = "stem";
    for (int b = 0; b < BLOCKS; b++) {
      s.append("  @Conv2D(filters = 4, kernelSize = 3, padding = SAME, useBias = false)")
          .append(" Layer c")
          .append(b)
          .append(";\n");
      s.append("  @BatchNormalization Layer n").append(b).append(";\n");
      s.append("  @Activation(RELU) Layer r").append(b).append(";\n");
      s.append("  @Add(from = {\"r")
          .append(b)
          .append("\", \"")
          .append(previous)
          .append("\"}) Layer a")
          .append(b)
          .append(";\n");
      previous = "a" + b;
    }
    s.append("  @GlobalAveragePooling2D Layer gap;\n")
        .append("  @Dense(units = 3, activation = SOFTMAX) Layer out;\n")
        .append("}\n");
    return s.toString();
  }
}

package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Model;
import dev.jconv.kernels.VectorSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A program started without {@code --add-modules jdk.incubator.vector} falls back to the scalar
 * kernels with one log line, never a NoClassDefFoundError, and predicts what the SIMD path predicts
 * in this (vector-enabled) JVM.
 */
class NoVectorModuleTest {
  /** BatchNormNet with seed 3 on 4 seeded random images, batch predict. */
  static float[] predict() {
    Model model = new BatchNormNetModel(3);
    int n = 4;
    float[] x = new float[n * model.inputSize()];
    Random random = new Random(11);
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextFloat();
    }
    float[] y = new float[n * model.outputSize()];
    model.predict(x, n, y);
    return y;
  }

  @Test
  void childJvmWithoutVectorModuleRunsScalarWithSameResults() throws Exception {
    assertTrue(VectorSupport.enabled(), "this JVM runs the SIMD kernels");
    float[] simd = predict();
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            PredictMain.class.getName());
    Process p = new ProcessBuilder(command).start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), stderr);
    assertFalse(stderr.contains("NoClassDefFoundError"), stderr);
    assertEquals(1, count(stderr, "jconv: scalar kernels"), stderr);
    List<String> lines = new ArrayList<>(stdout.lines().toList());
    assertEquals("simd=false", lines.remove(0));
    assertEquals(simd.length, lines.size());
    for (int i = 0; i < simd.length; i++) {
      float scalar = Float.parseFloat(lines.get(i));
      assertEquals(simd[i], scalar, 1e-5 * Math.max(1, Math.abs(scalar)), "output " + i);
    }
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}

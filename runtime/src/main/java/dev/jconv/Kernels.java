package dev.jconv;

import dev.jconv.kernels.Lanes;
import dev.jconv.kernels.VectorSupport;
import java.util.Locale;

/**
 * Which kernels a generated model runs in this JVM: its SIMD kernels need both a model compiled
 * with them (the processor saw {@code jdk.incubator.vector}) and a JVM that runs them ({@link
 * VectorSupport#enabled()}); otherwise the scalar twin runs. {@code Kernels.describe(model)} says
 * which, and why, in one line.
 */
public final class Kernels {
  private Kernels() {}

  /** Whether {@code model} runs its SIMD ({@code jdk.incubator.vector}) kernels in this JVM. */
  public static boolean simd(Model model) {
    return compiledWithSimd(model) && VectorSupport.enabled();
  }

  /**
   * Whether the processor generated SIMD kernels for {@code model}'s class: a nested {@code Simd}
   * class exists. Looked up as a {@code .class} resource, so the class is never loaded (it would
   * fail to link without the module) and module encapsulation does not hide it.
   */
  public static boolean compiledWithSimd(Model model) {
    Class<?> type = model.getClass();
    String name = type.getName();
    String file = name.substring(name.lastIndexOf('.') + 1) + "$Simd.class";
    return type.getResource(file) != null;
  }

  /**
   * One line naming the kernels {@code model} runs, e.g. {@code "SIMD kernels
   * (jdk.incubator.vector, 8 float lanes)"} or {@code "scalar kernels: ..."} with the reason.
   */
  public static String describe(Model model) {
    if (!compiledWithSimd(model)) {
      return "scalar kernels: "
          + model.name()
          + " was compiled without SIMD kernels (see the jconv.codegen-path diagnostic)";
    }
    if (!VectorSupport.enabled()) {
      return "scalar kernels: "
          + ("false".equalsIgnoreCase(System.getProperty(VectorSupport.PROPERTY))
              ? "-D" + VectorSupport.PROPERTY + "=false"
              : "run java with '--add-modules " + VectorSupport.MODULE + "' for SIMD");
    }
    return String.format(
        Locale.ROOT,
        "SIMD kernels (%s, %d float lanes)",
        VectorSupport.MODULE,
        Lanes.SPECIES.length());
  }
}

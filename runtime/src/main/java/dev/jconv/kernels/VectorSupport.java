package dev.jconv.kernels;

import java.lang.System.Logger.Level;

/**
 * The one run-time decision between a generated model's SIMD kernels and its scalar twin, taken
 * once per JVM as Lucene's {@code VectorizationProvider} does: SIMD when the boot layer has the
 * module {@code jdk.incubator.vector} and {@code -Djconv.simd=false} is not set. A fallback is
 * logged once; a generated model touches its {@code Simd} class only when {@link #enabled()}, so a
 * program started without {@code --add-modules jdk.incubator.vector} never sees a {@code
 * NoClassDefFoundError}.
 */
public final class VectorSupport {
  /** The module that holds {@code FloatVector}. */
  public static final String MODULE = "jdk.incubator.vector";

  /** {@code -Djconv.simd=false} forces the scalar kernels. */
  public static final String PROPERTY = "jconv.simd";

  private static final boolean ENABLED = decide();

  private VectorSupport() {}

  /** Whether generated models run their SIMD kernels in this JVM. */
  public static boolean enabled() {
    return ENABLED;
  }

  private static boolean decide() {
    System.Logger log = System.getLogger(VectorSupport.class.getName());
    if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))) {
      log.log(Level.INFO, "jconv: scalar kernels: SIMD disabled by -D" + PROPERTY + "=false");
      return false;
    }
    if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
      log.log(
          Level.WARNING,
          "jconv: scalar kernels: the module "
              + MODULE
              + " is not in the boot layer; run java with '--add-modules "
              + MODULE
              + "' for SIMD inference");
      return false;
    }
    log.log(
        Level.INFO, "jconv: SIMD kernels (" + MODULE + "); -D" + PROPERTY + "=false for scalar");
    return true;
  }
}

package dev.jconv.bench.torch;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import dev.jconv.bench.Contender;

/**
 * PyTorch's contenders for the harness, found by reflection: {@link #factory()} sets DJL up to run
 * offline from the native jars on the class path (no download, no telemetry) before any DJL class
 * loads.
 */
public final class TorchContenders {
  private TorchContenders() {}

  /** The factory of PyTorch contenders; loads PyTorch's native library. */
  public static Contender.Factory factory() {
    // DJL reads these on first use: stay offline, phone nobody, use one inter-op thread (eager
    // mode runs each operator on the intra-op pool, which threads(n) sets).
    setIfAbsent("offline", "true");
    setIfAbsent("ai.djl.offline", "true");
    setIfAbsent("OPT_OUT_TRACKING", "true");
    setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    Engine engine = Engine.getEngine("PyTorch");
    String description =
        "PyTorch "
            + engine.getVersion()
            + " (CPU) through DJL "
            + Engine.getDjlVersion()
            + ", inter-op threads "
            + JniUtils.getNumInteropThreads()
            + ", intra-op threads set per measurement (JniUtils.setNumThreads), OMP_WAIT_POLICY "
            + (System.getenv("OMP_WAIT_POLICY") == null
                ? "unset (OpenMP's default: threads spin at barriers before sleeping)"
                : System.getenv("OMP_WAIT_POLICY"));
    return new Contender.Factory() {
      @Override
      public Contender create(String net, int batch, long seed) {
        return new TorchContender(net, batch, seed);
      }

      @Override
      public String describe() {
        return description;
      }
    };
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}

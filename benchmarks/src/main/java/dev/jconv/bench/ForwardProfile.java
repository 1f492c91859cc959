package dev.jconv.bench;

import dev.jconv.Layer;
import dev.jconv.compiled.CompiledModel;
import dev.jconv.kernels.VectorSupport;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Where one example's inference goes: every layer's generated forward kernel ({@code
 * <Name>Model.Simd.<layer>Forward}) timed alone on one thread over one example's workspace, rounds
 * interleaved across layers after a warm-up of the whole forward (--warm-ms, 8 s), medians of
 * thread CPU time; convolutions and dense layers with their GFLOP/s and share of the 1-thread FMA
 * ceiling.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp benchmarks/target/classes:... \
 *   dev.jconv.bench.ForwardProfile [--ceiling results/fma-jdk17.tsv] [--rounds 7] SeedNet ResNet20
 * </pre>
 */
public final class ForwardProfile {
  private ForwardProfile() {}

  /** One layer's kernel bound to the workspace, and its forward FLOPs per example. */
  record Step(Layer layer, MethodHandle kernel, long flops) {
    void run() {
      try {
        kernel.invokeExact();
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    int rounds = 7;
    long warmMillis = 8000;
    Ceiling ceiling = Ceiling.read(null);
    List<String> nets = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--warm-ms" -> warmMillis = Long.parseLong(args[++i]);
        case "--ceiling" -> ceiling = Ceiling.read(java.nio.file.Path.of(args[++i]));
        default -> nets.add(args[i]);
      }
    }
    for (String net : nets) {
      profile(net, JconvContender.model(net, 42), rounds, warmMillis, ceiling);
    }
  }

  static void profile(String net, CompiledModel model, int rounds, long warmMillis, Ceiling ceiling)
      throws ReflectiveOperationException {
    List<Step> steps = steps(model);
    // The whole forward, long enough for C2 to compile every kernel on a loaded machine (a kernel
    // still in tier 3 boxes its vectors and runs 100x slower); it also puts every input in place.
    Rounds.round(
        () -> {
          for (Step s : steps) {
            s.run();
          }
        },
        warmMillis * 1_000_000);
    List<Runnable> ops = new ArrayList<>();
    for (Step s : steps) {
      ops.add(s::run);
    }
    double[][] seconds = new double[ops.size()][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < ops.size(); i++) {
        seconds[i][r] = cpuRound(ops.get(i), 20_000_000);
      }
    }
    double total = 0;
    double[] median = new double[steps.size()];
    for (int i = 0; i < steps.size(); i++) {
      median[i] = Rounds.median(seconds[i]);
      total += median[i];
    }
    System.out.printf(
        Locale.ROOT,
        "%s (%s kernels): %.1f us per example over the layers, %.0f img/s on one thread%n",
        net,
        VectorSupport.enabled() ? "Simd" : "Scalar",
        total * 1e6,
        1 / total);
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      String rate = "";
      if (s.flops() > 0) {
        double gflops = s.flops() / median[i] / 1e9;
        rate =
            ceiling.known()
                ? String.format(
                    Locale.ROOT, "%6.1f GFLOP/s %5.1f%%", gflops, 100 * gflops / ceiling.gflops(1))
                : String.format(Locale.ROOT, "%6.1f GFLOP/s", gflops);
      }
      System.out.printf(
          Locale.ROOT,
          "  %-14s %-22s %8.1f us %5.1f%%  %s%n",
          s.layer().name(),
          s.layer().type(),
          median[i] * 1e6,
          100 * median[i] / total,
          rate);
    }
  }

  /**
   * Calls {@code op} until it has used {@code nanos} of this thread's CPU time; returns CPU seconds
   * per call. On a machine shared with other busy processes, CPU time leaves out the time the
   * thread waited for a core (wall-clock rounds varied 2x there).
   */
  static double cpuRound(Runnable op, long nanos) {
    long start = CPU.getCurrentThreadCpuTime();
    long now;
    int calls = 0;
    do {
      op.run();
      calls++;
      now = CPU.getCurrentThreadCpuTime();
    } while (now - start < nanos);
    return (now - start) / 1e9 / calls;
  }

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  /**
   * Each layer's forward bound to one workspace: inputs at their layers' output offsets ({@code
   * LAYER_OUTPUTS}), the network input at offset 0 of its own array, outputs from offset 0.
   */
  static List<Step> steps(CompiledModel model) throws ReflectiveOperationException {
    Class<?> type = model.getClass();
    Class<?> kernels =
        Class.forName(
            type.getName() + (VectorSupport.enabled() ? "$Simd" : "$Scalar"),
            true,
            type.getClassLoader());
    int[] outputs = (int[]) field(type, "LAYER_OUTPUTS");
    float[] a = new float[(int) field(type, "WORKSPACE")];
    float[] x = new float[model.inputSize()];
    Random random = new Random(3);
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextFloat();
    }
    List<Layer> layers = model.layers();
    List<Step> steps = new ArrayList<>();
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    for (Layer layer : layers) {
      Method m = forward(kernels, layer.name() + "Forward");
      List<Object> args = new ArrayList<>();
      args.add(model.weights());
      for (String input : layer.inputs()) {
        if (input.equals("input")) {
          args.add(x);
          args.add(0);
        } else {
          args.add(a);
          args.add(outputs[indexOf(layers, input)]);
        }
      }
      args.add(a);
      args.add(0);
      if (m.getParameterCount() != args.size()) {
        throw new IllegalStateException(m + " does not take (w, (x, xo)..., a, ao)");
      }
      MethodHandle h =
          MethodHandles.insertArguments(lookup.unreflect(m), 0, args.toArray())
              .asType(MethodType.methodType(void.class));
      steps.add(new Step(layer, h, Flops.forward(layer)));
    }
    return steps;
  }

  private static Method forward(Class<?> kernels, String name) throws NoSuchMethodException {
    for (Method m : kernels.getDeclaredMethods()) {
      if (m.getName().equals(name)) {
        m.setAccessible(true);
        return m;
      }
    }
    throw new NoSuchMethodException(kernels.getName() + "." + name);
  }

  private static int indexOf(List<Layer> layers, String name) {
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no layer " + name);
  }

  private static Object field(Class<?> type, String name) throws ReflectiveOperationException {
    Field f = type.getDeclaredField(name);
    f.setAccessible(true);
    return f.get(null);
  }
}

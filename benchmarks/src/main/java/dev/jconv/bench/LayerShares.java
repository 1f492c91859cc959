package dev.jconv.bench;

import dev.jconv.Layer;
import dev.jconv.Model;
import dev.jconv.Param;
import dev.jconv.kernels.VectorSupport;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Each large convolution of a generated model timed alone on one thread, forward and backward,
 * through the model's per-layer kernels ({@code <Name>Model.Simd.<layer>Forward}, {@code
 * <layer>Backward}, found by reflection so that the harness still runs when the generated code
 * changes shape: a kernel it cannot call is reported as unavailable, with the reason).
 */
final class LayerShares {
  /** Layers below this many forward FLOPs per example are not reported. */
  static final long LARGE = 1_000_000;

  private static final Class<?>[] FORWARD = {
    float[].class, float[].class, int.class, float[].class, int.class
  };
  private static final Class<?>[] BACKWARD = {
    float[].class,
    float[].class,
    float[].class,
    int.class,
    float[].class,
    int.class,
    float[].class,
    int.class,
    float[].class,
    int.class
  };

  /** One layer's figures; {@code note} says why a time is missing (NaN). */
  record Share(
      String layer,
      String shape,
      long forwardFlops,
      double forwardSeconds,
      long backwardFlops,
      double backwardSeconds,
      String kernels,
      String note) {}

  private LayerShares() {}

  /** The large, distinct convolutions of {@code model}, timed in rounds of {@code roundNanos}. */
  static List<Share> measure(Model model, int rounds, long roundNanos) {
    List<Share> shares = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Layer layer : model.layers()) {
      long flops = Flops.forward(layer);
      String shape = shape(model, layer);
      if (!layer.type().equals("Conv2D") || flops < LARGE || !seen.add(shape)) {
        continue;
      }
      shares.add(measure(model, layer, shape, flops, rounds, roundNanos));
    }
    return shares;
  }

  private static Share measure(
      Model model, Layer layer, String shape, long flops, int rounds, long roundNanos) {
    boolean first = layer.inputs().equals(List.of("input"));
    long backwardFlops = first ? flops : 2 * flops;
    String path = VectorSupport.enabled() ? "Simd" : "Scalar";
    try {
      Class<?> simd = nested(model.getClass(), path);
      Class<?> scalar = nested(model.getClass(), "Scalar");
      Method fwd = method(simd, layer.name() + "Forward", FORWARD);
      Method bwd = method(simd, layer.name() + "Backward", BACKWARD);
      String kernels = path + " forward, " + path + " backward";
      if (bwd == null) {
        bwd = method(scalar, layer.name() + "Backward", BACKWARD);
        kernels = path + " forward, Scalar backward";
      }
      if (fwd == null || bwd == null) {
        return unavailable(layer, shape, flops, backwardFlops, "no per-layer kernel of that form");
      }
      Buffers b = new Buffers(model, workspace(model.getClass()), first);
      MethodHandle f = MethodHandles.lookup().unreflect(fwd);
      MethodHandle g = MethodHandles.lookup().unreflect(bwd);
      Runnable forward = () -> call(f, b.w, b.x, b.a);
      Runnable backward = () -> call(g, b);
      double[][] s =
          Rounds.interleaved(List.of(forward, backward), null, rounds, roundNanos, roundNanos);
      return new Share(
          layer.name(),
          shape,
          flops,
          Rounds.median(s[0]),
          backwardFlops,
          Rounds.median(s[1]),
          kernels,
          "");
    } catch (ReflectiveOperationException | RuntimeException e) {
      return unavailable(layer, shape, flops, backwardFlops, e.toString());
    }
  }

  private static Share unavailable(Layer layer, String shape, long f, long b, String why) {
    return new Share(layer.name(), shape, f, Double.NaN, b, Double.NaN, "", why);
  }

  /** Input -> output shape and kernel, e.g. {@code 16x16x16 -> 16x16x24, 5x5}. */
  static String shape(Model model, Layer layer) {
    int[] in = model.inputShape();
    String from = layer.inputs().isEmpty() ? "input" : layer.inputs().get(0);
    for (Layer l : model.layers()) {
      if (l.name().equals(from)) {
        in = l.outputShape();
      }
    }
    int[] k = {0, 0};
    for (Param p : layer.params()) {
      if (p.kind().equals("kernel")) {
        k = p.shape();
      }
    }
    return dims(in) + " -> " + dims(layer.outputShape()) + ", " + k[0] + "x" + k[1];
  }

  private static String dims(int[] shape) {
    return String.join("x", Arrays.stream(shape).mapToObj(String::valueOf).toList());
  }

  private static Class<?> nested(Class<?> outer, String name) throws ClassNotFoundException {
    return Class.forName(outer.getName() + "$" + name, true, outer.getClassLoader());
  }

  private static Method method(Class<?> owner, String name, Class<?>[] types) {
    try {
      Method m = owner.getDeclaredMethod(name, types);
      m.setAccessible(true);
      return m;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static int workspace(Class<?> model) throws ReflectiveOperationException {
    Field f = model.getDeclaredField("WORKSPACE");
    f.setAccessible(true);
    return f.getInt(null);
  }

  private static void call(MethodHandle forward, float[] w, float[] x, float[] a) {
    try {
      forward.invokeExact(w, x, 0, a, 0);
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  private static void call(MethodHandle backward, Buffers b) {
    try {
      backward.invokeExact(b.w, b.g, b.x, 0, b.dx, 0, b.a, 0, b.d, 0);
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /**
   * Workspace-sized arrays the per-layer kernels read and write at their compiled-in offsets: the
   * layer's input at offset 0 of {@code x}, activations and deltas in {@code a} and {@code d}.
   */
  private static final class Buffers {
    final float[] w;
    final float[] g;
    final float[] x;
    final float[] dx;
    final float[] a;
    final float[] d;

    Buffers(Model model, int workspace, boolean first) {
      Random random = new Random(7);
      w = model.weights();
      g = new float[w.length];
      x = random(Math.max(workspace, model.inputSize()), random, 1f);
      // The model passes no input gradient to its first layer; neither does this.
      dx = first ? null : new float[x.length];
      a = random(workspace, random, 1f);
      d = random(workspace, random, 1e-3f);
    }

    private static float[] random(int n, Random random, float scale) {
      float[] v = new float[n];
      for (int i = 0; i < n; i++) {
        v[i] = random.nextFloat() * scale;
      }
      return v;
    }
  }
}

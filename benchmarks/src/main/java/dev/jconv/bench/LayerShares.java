package dev.jconv.bench;

import dev.jconv.Layer;
import dev.jconv.Model;
import dev.jconv.Param;
import dev.jconv.kernels.VectorSupport;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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

  /**
   * The arrays a generated {@code <layer>Backward} takes, in order: weights, weight gradients, the
   * layer's input, the input gradient, the activations, the deltas and (since the layer-major
   * training pass) the per-step auxiliary array that {@code <layer>Prepare(w, t)} fills. Its int
   * parameters are the offsets that follow each array; they are all 0 here.
   */
  static final List<String> BACKWARD_ARRAYS = List.of("w", "g", "x", "dx", "a", "d", "t");

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
    try {
      Kernels k = Kernels.find(model, layer, first);
      if (k.missing != null) {
        return unavailable(layer, shape, flops, backwardFlops, k.missing);
      }
      Runnable forward = k::forward;
      Runnable backward = k::backward;
      // Thread CPU time, rounds alternating: on a shared machine wall-clock rounds also count the
      // time this thread waited for a core; on an idle one the two agree.
      ForwardProfile.cpuRound(forward, roundNanos);
      ForwardProfile.cpuRound(backward, roundNanos);
      double[][] s = new double[2][rounds];
      for (int r = 0; r < rounds; r++) {
        s[0][r] = ForwardProfile.cpuRound(forward, roundNanos);
        s[1][r] = ForwardProfile.cpuRound(backward, roundNanos);
      }
      return new Share(
          layer.name(),
          shape,
          flops,
          Rounds.median(s[0]),
          backwardFlops,
          Rounds.median(s[1]),
          k.description,
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

  private static Method method(Class<?> owner, String name, Class<?>... types) {
    try {
      Method m = owner.getDeclaredMethod(name, types);
      m.setAccessible(true);
      return m;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** The only method of {@code owner} named {@code name}, or null (none, or overloaded). */
  private static Method only(Class<?> owner, String name) {
    Method found = null;
    for (Method m : owner.getDeclaredMethods()) {
      if (m.getName().equals(name)) {
        if (found != null) {
          return null;
        }
        found = m;
      }
    }
    if (found != null) {
      found.setAccessible(true);
    }
    return found;
  }

  private static int staticInt(Class<?> model, String name, int otherwise)
      throws ReflectiveOperationException {
    try {
      Field f = model.getDeclaredField(name);
      f.setAccessible(true);
      return f.getInt(null);
    } catch (NoSuchFieldException e) {
      return otherwise;
    }
  }

  /**
   * One layer's forward and backward kernels bound to workspace-sized buffers; {@code missing} says
   * why they could not be found (null: found). The backward is bound by its parameter types (see
   * {@link #BACKWARD_ARRAYS}), so that a new trailing array or offset does not lose the row
   * silently: a form it cannot bind is reported by name.
   */
  static final class Kernels {
    final String missing;
    final String description;
    private final MethodHandle forward;
    private final MethodHandle backward;
    private final Buffers buffers;

    private Kernels(
        String missing, String description, MethodHandle f, MethodHandle b, Buffers buffers) {
      this.missing = missing;
      this.description = description;
      this.forward = f;
      this.backward = b;
      this.buffers = buffers;
    }

    /** The weight gradients the backward adds to. */
    float[] gradients() {
      return buffers.g;
    }

    static Kernels find(Model model, Layer layer, boolean first)
        throws ReflectiveOperationException {
      String path = VectorSupport.enabled() ? "Simd" : "Scalar";
      Class<?> kernels = nested(model.getClass(), path);
      Method fwd = method(kernels, layer.name() + "Forward", FORWARD);
      Method bwd = only(kernels, layer.name() + "Backward");
      String description = path + " forward, " + path + " backward";
      if (bwd == null) {
        bwd = only(nested(model.getClass(), "Scalar"), layer.name() + "Backward");
        description = path + " forward, Scalar backward";
      }
      if (fwd == null) {
        return missing(path + "." + layer.name() + "Forward(float[], float[], int, float[], int)");
      }
      if (bwd == null) {
        return missing("one " + layer.name() + "Backward method in " + path + " or Scalar");
      }
      Buffers b = new Buffers(model, staticInt(model.getClass(), "WORKSPACE", 0), first);
      int aux = staticInt(model.getClass(), "AUX", 0);
      float[] t = new float[Math.max(1, aux)];
      Method prepare =
          method(bwd.getDeclaringClass(), layer.name() + "Prepare", FORWARD[0], FORWARD[0]);
      if (prepare != null) {
        prepare.invoke(null, b.w, t);
      }
      Object[] args = backwardArguments(bwd, b, t);
      if (args == null) {
        return missing(
            bwd.getDeclaringClass().getSimpleName()
                + "."
                + layer.name()
                + "Backward"
                + Arrays.toString(bwd.getParameterTypes())
                + " does not take the arrays "
                + BACKWARD_ARRAYS
                + " in order, each but g and t followed by an int offset");
      }
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      MethodHandle f =
          MethodHandles.insertArguments(lookup.unreflect(fwd), 0, b.w, b.x, 0, b.a, 0)
              .asType(MethodType.methodType(void.class));
      MethodHandle g =
          MethodHandles.insertArguments(lookup.unreflect(bwd), 0, args)
              .asType(MethodType.methodType(void.class));
      return new Kernels(null, description, f, g, b);
    }

    private static Kernels missing(String what) {
      return new Kernels("no per-layer kernel " + what, "", null, null, null);
    }

    /**
     * The arguments for {@code bwd}: float arrays in the order of {@link #BACKWARD_ARRAYS} (the
     * last, {@code t}, optional), every int 0; null when the types do not fit that form.
     */
    static Object[] backwardArguments(Method bwd, Buffers b, float[] t) {
      Class<?>[] types = bwd.getParameterTypes();
      Object[] arrays = {b.w, b.g, b.x, b.dx, b.a, b.d, t};
      Object[] args = new Object[types.length];
      int array = 0;
      for (int i = 0; i < types.length; i++) {
        if (types[i] == float[].class && array < arrays.length) {
          args[i] = arrays[array++];
        } else if (types[i] == int.class && i > 0 && types[i - 1] == float[].class) {
          args[i] = 0;
        } else {
          return null;
        }
      }
      return array >= arrays.length - 1 ? args : null;
    }

    void forward() {
      try {
        forward.invokeExact();
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    }

    void backward() {
      try {
        backward.invokeExact();
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Workspace-sized arrays the per-layer kernels read and write at their compiled-in offsets: the
   * layer's input at offset 0 of {@code x}, activations and deltas in {@code a} and {@code d}.
   */
  static final class Buffers {
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

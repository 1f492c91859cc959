package dev.jconv.processor.reference;

import static dev.jconv.processor.reference.Cases.win;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Activation.Fn;
import dev.jconv.Model;
import dev.jconv.kernels.Lanes;
import dev.jconv.kernels.VectorSupport;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SIMD backward of the light layers (activations, pooling, global pooling, depthwise
 * convolution, Add, Concatenate, ZeroPadding2D, Dropout, Flatten) on channel counts that fill no
 * vector (1, 3, 7, 13, 17, 33), strided, dilated, SAME and VALID windows: the training pass of the
 * SIMD and of the scalar code path against the double reference, with the same tolerances, and the
 * reference against central differences. Run it with {@code -Djconv.simd.bits=256} (or 128) and
 * {@code -Djconv.simd.maskedStores=false} to cover the other widths and JDK 17's tail stores.
 */
class SimdBackwardTest {
  static final int[] CHANNELS = {1, 3, 7, 13, 17, 33};
  private static final String PACKAGE = "test.simdbackward";

  private static final List<NetDef> NETS = nets();
  private static final NetDef FROZEN =
      new NetDef(
          PACKAGE,
          "FrozenNet",
          Dims.image(4, 5, 7),
          List.of(
              new LayerDef.DepthwiseConv2D(
                  "dw", List.of(), 1, win(3, 3, 1, 1, 1, 1, true), Fn.LINEAR, true),
              new LayerDef.GlobalAveragePooling2D("gap", List.of(), false),
              new LayerDef.Dense("out", List.of(), 3, Fn.SOFTMAX, true)));

  private static final Map<CodePaths, GeneratedModels> COMPILED = new EnumMap<>(CodePaths.class);

  /** The networks compiled for {@code path}, once per test JVM (javac's start-up dominates). */
  private static synchronized GeneratedModels compiled(CodePaths path) {
    return COMPILED.computeIfAbsent(path, p -> GeneratedModels.compile(NETS, p.options()));
  }

  @BeforeAll
  static void vectorApiIsOn() {
    assertTrue(VectorSupport.enabled(), "the tests run with --add-modules jdk.incubator.vector");
  }

  @ParameterizedTest
  @EnumSource(CodePaths.class)
  void trainingPassMatchesTheReference(CodePaths path) {
    GeneratedModels compiled = compiled(path);
    TrainingCheck.Result total = TrainingCheck.Result.none();
    for (int i = 0; i < NETS.size(); i++) {
      total = total.merge(TrainingCheck.check(compiled, NETS.get(i), 5000 + i, 1 + i % 3));
    }
    assertTrue(total.values() > 0);
    System.out.printf(
        "SimdBackwardTest %s (%d lanes, masked stores %s): %d networks, %s%n",
        path, Lanes.SPECIES.length(), Lanes.MASKED_STORES, NETS.size(), total);
  }

  /** The layers of the test run their SIMD backward, not the scalar one, on the default path. */
  @Test
  void theLightLayersHaveASimdBackward() throws Exception {
    GeneratedModels compiled = compiled(CodePaths.DEFAULT);
    for (NetDef net : NETS.subList(0, 2)) {
      Class<?> simd = simdClass(compiled.newModel(net, 1));
      for (LayerDef layer : net.layers()) {
        boolean expected =
            !(layer instanceof LayerDef.Dense) && !(layer instanceof LayerDef.BatchNormalization);
        if (expected) {
          assertTrue(
              hasMethod(simd, layer.name() + "Backward"),
              net.className() + "." + layer.name() + " has no SIMD backward");
        }
      }
    }
  }

  /** Reference gradients of the networks above equal central differences. */
  @Test
  void referenceGradientsEqualCentralDifferences() {
    GeneratedModels compiled = compiled(CodePaths.SCALAR);
    int checked = 0;
    for (int i = 0; i < NETS.size(); i += 3) {
      NetDef net = NETS.get(i);
      SplittableRandom random = new SplittableRandom(6000 + i);
      Model model = compiled.newModel(net, 6000 + i);
      ModelWeights.randomize(model, random);
      int n = 1 + i % 2;
      float[] x = ForwardCheck.randomInput(net, n, random);
      int[] labels = TrainingCheck.randomLabels(n, model.outputSize(), random);
      long dropoutSeed = random.nextLong();
      TrainingCheck.Reference ref = TrainingCheck.reference(net, model, x, labels, n, dropoutSeed);
      checked +=
          TrainingCheck.centralDifferences(
              net, ref, ForwardCheck.toDouble(x), labels, n, 4, random.nextLong());
    }
    assertTrue(checked > 0);
  }

  /**
   * A frozen layer ({@code g == null}) still gets the same input gradient and touches no weight
   * gradient; without an input gradient ({@code dx == null}) the weight gradient is the same.
   */
  @Test
  void depthwiseBackwardSkipsWhatIsNotWanted() throws Exception {
    GeneratedModels compiled =
        GeneratedModels.compile(List.of(FROZEN), CodePaths.DEFAULT.options());
    Model model = compiled.newModel(FROZEN, 3);
    Class<?> simd = simdClass(model);
    Method backward = null;
    for (Method m : simd.getDeclaredMethods()) {
      if (m.getName().equals("dwBackward")) {
        backward = m;
      }
    }
    assertTrue(backward != null, "Simd.dwBackward exists");
    backward.setAccessible(true);
    int workspace = intConstant(model.getClass(), "WORKSPACE");
    SplittableRandom random = new SplittableRandom(11);
    float[] w = random(model.weights().length, random);
    float[] x = random(model.inputSize(), random);
    float[] a = random(workspace, random);
    float[] d = random(workspace, random);
    float[] g1 = new float[w.length];
    float[] dx1 = new float[x.length];
    backward.invoke(null, w, g1, x, 0, dx1, 0, a, 0, d.clone(), 0, new float[0]);
    float[] dx2 = new float[x.length];
    backward.invoke(null, w, null, x, 0, dx2, 0, a, 0, d.clone(), 0, new float[0]);
    assertArrayEquals(dx1, dx2, "the input gradient does not depend on g");
    float[] g3 = new float[w.length];
    backward.invoke(null, w, g3, x, 0, null, 0, a, 0, d.clone(), 0, new float[0]);
    assertArrayEquals(g1, g3, "the weight gradient does not depend on dx");
    boolean any = false;
    for (float v : g1) {
      any |= v != 0f;
    }
    assertTrue(any, "the weight gradient is not all zero");
  }

  private static float[] random(int n, SplittableRandom random) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (2 * random.nextDouble() - 1);
    }
    return v;
  }

  private static Class<?> simdClass(Model model) throws ClassNotFoundException {
    return Class.forName(
        model.getClass().getName() + "$Simd", true, model.getClass().getClassLoader());
  }

  private static boolean hasMethod(Class<?> type, String name) {
    for (Method m : type.getDeclaredMethods()) {
      if (m.getName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static int intConstant(Class<?> type, String name) throws ReflectiveOperationException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getName().equals(name)) {
          f.setAccessible(true);
          return f.getInt(null);
        }
      }
    }
    throw new AssertionError(type + " has no " + name);
  }

  /** Two networks per channel count, with every light layer kind between them. */
  static List<NetDef> nets() {
    List<NetDef> nets = new ArrayList<>();
    for (int c : CHANNELS) {
      nets.add(TrainingCheck.withHead(pools(c), "Pools" + c + "Net", 3, Fn.SOFTMAX));
      nets.add(TrainingCheck.withHead(merges(c), "Merges" + c + "Net", 4, Fn.LINEAR));
    }
    return nets;
  }

  /** Depthwise SAME, max and average pooling (strided, SAME with cut windows, VALID), global. */
  private static NetDef pools(int c) {
    return new NetDef(
        PACKAGE,
        "Pools" + c + "Body",
        Dims.image(6, 7, c),
        List.of(
            new LayerDef.DepthwiseConv2D(
                "dw", List.of(), 1, win(3, 3, 1, 1, 1, 1, true), Fn.RELU6, true),
            new LayerDef.MaxPooling2D("mx", List.of(), Window.pool(3, 3, 1, 1, true), true),
            new LayerDef.AveragePooling2D("av", List.of(), Window.pool(2, 2, 2, 2, true), false),
            new LayerDef.Activation("elu", List.of(), Fn.ELU),
            new LayerDef.MaxPooling2D("mv", List.of("dw"), Window.pool(2, 2, 2, 2, false), false),
            new LayerDef.AveragePooling2D(
                "av3", List.of("dw"), Window.pool(3, 3, 2, 2, false), true),
            new LayerDef.GlobalAveragePooling2D("gap", List.of("elu"), false),
            new LayerDef.GlobalMaxPooling2D("gmp", List.of("mv"), false),
            new LayerDef.GlobalAveragePooling2D("gap2", List.of("av3"), false),
            new LayerDef.Concatenate("cat", List.of("gap", "gmp", "gap2"))));
  }

  /**
   * Dilated depthwise, activations, Add, ZeroPadding2D, Concatenate, Dropout, strided depthwise.
   */
  private static NetDef merges(int c) {
    return new NetDef(
        PACKAGE,
        "Merges" + c + "Body",
        Dims.image(5, 4, c),
        List.of(
            new LayerDef.DepthwiseConv2D(
                "dw", List.of(), 1, win(3, 3, 1, 1, 2, 2, true), Fn.LEAKY_RELU, true),
            new LayerDef.Activation("sg", List.of(), Fn.SIGMOID),
            new LayerDef.Activation("th", List.of("dw"), Fn.TANH),
            new LayerDef.Add("sum", List.of("sg", "th")),
            new LayerDef.Activation("rl", List.of(), Fn.RELU),
            new LayerDef.ZeroPadding2D("z1", List.of(), 1, 2, 0, 1),
            new LayerDef.ZeroPadding2D("z2", List.of("th"), 1, 2, 0, 1),
            new LayerDef.Concatenate("cat", List.of("z1", "z2")),
            new LayerDef.Dropout("dp", List.of(), 0.3),
            new LayerDef.Activation("lk", List.of(), Fn.LEAKY_RELU),
            new LayerDef.DepthwiseConv2D(
                "dw2", List.of(), 1, win(2, 2, 2, 2, 1, 1, false), Fn.LINEAR, false),
            new LayerDef.Activation("r6", List.of(), Fn.RELU6)));
  }
}

package dev.jconv.processor.simd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Model;
import dev.jconv.kernels.VectorSupport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SIMD kernels against their scalar twins, Lucene-style, on awkward channel counts and spatial
 * sizes: every network is compiled twice (with the Vector API, and with {@code -Ajconv.simd=false})
 * and both models must give the same outputs within 1e-5 (relative to max(1, |y|)) on the same
 * weights and inputs.
 */
class VectorScalarTest {
  static final int[] CHANNELS = {1, 3, 7, 8, 9, 13, 17, 33};
  static final int[] SIZES = {1, 3, 7, 13};
  static final double TOLERANCE = 1e-5;

  /** One network template per group of layer kinds: field lines for (channels, size). */
  enum Kind {
    CONV(
        (c, s) ->
            List.of(
                "@Conv2D(filters = "
                    + c
                    + ", kernelSize = 3, padding = SAME, activation = RELU)"
                    + " Layer a;",
                "@Conv2D(filters = " + (2 * c + 1) + ", kernelSize = 1, useBias = false) Layer b;",
                "@Conv2D(filters = "
                    + c
                    + ", kernelSize = {3, 2}, strides = 2, padding = SAME,"
                    + " activation = SIGMOID) Layer d;",
                "@Conv2D(filters = "
                    + c
                    + ", kernelSize = 3, dilationRate = 2, padding = SAME,"
                    + " activation = LEAKY_RELU) Layer e;")),
    CONV_VALID(
        (c, s) ->
            s < 3
                ? null
                : List.of(
                    "@Conv2D(filters = "
                        + (c + 4)
                        + ", kernelSize = 3, activation = RELU6) Layer a;",
                    "@Conv2D(filters = "
                        + c
                        + ", kernelSize = {1, 1}, strides = {1, 1}) Layer b;")),
    DEPTHWISE(
        (c, s) ->
            List.of(
                "@DepthwiseConv2D(kernelSize = 3, padding = SAME, activation = RELU6) Layer a;",
                "@DepthwiseConv2D(kernelSize = 2, strides = 2, padding = SAME, useBias = false)"
                    + " Layer b;",
                "@DepthwiseConv2D(kernelSize = 3, dilationRate = 2, padding = SAME, activation ="
                    + " SWISH) Layer d;")),
    SEPARABLE(
        (c, s) ->
            List.of(
                "@SeparableConv2D(filters = "
                    + c
                    + ", kernelSize = 3, padding = SAME, activation ="
                    + " LEAKY_RELU) Layer a;",
                "@SeparableConv2D(filters = "
                    + (2 * c + 1)
                    + ", kernelSize = 2, strides = 2,"
                    + " padding = SAME, activation = TANH) Layer b;")),
    POOL(
        (c, s) ->
            List.of(
                "@MaxPooling2D(poolSize = 2, padding = SAME) Layer a;",
                "@AveragePooling2D(poolSize = 3, strides = 1, padding = SAME) Layer b;",
                "@MaxPooling2D(poolSize = {1, 2}, strides = 1, padding = SAME) Layer d;",
                "@AveragePooling2D(poolSize = 1) Layer e;")),
    BN_ADD_GLOBAL(
        (c, s) ->
            List.of(
                "@BatchNormalization Layer a;",
                "@Activation(RELU) Layer b;",
                "@BatchNormalization(center = false, scale = false, from = \"a\") Layer d;",
                "@Add(from = {\"a\", \"b\", \"d\"}) Layer sum;",
                "@Activation(value = LEAKY_RELU) Layer e;",
                "@GlobalAveragePooling2D(from = \"e\") Layer gap;",
                "@GlobalMaxPooling2D(from = \"sum\") Layer gmp;",
                "@Add(from = {\"gap\", \"gmp\"}) Layer out;")),
    DENSE(
        (c, s) ->
            List.of(
                "@Flatten Layer flat;",
                "@Dense(units = " + c + ", activation = RELU) Layer a;",
                "@Dense(units = " + (8 * c + 3) + ", useBias = false, activation = ELU) Layer b;",
                "@Dense(units = " + (c + 16) + ") Layer d;",
                "@Dense(units = " + c + ", activation = SOFTMAX) Layer out;")),
    RESCALING(
        (c, s) ->
            List.of(
                "@Rescaling(scale = 1.0 / 255) Layer a;",
                "@Rescaling(scale = -2.5, offset = 0.75) Layer b;",
                "@Rescaling(scale = 1, offset = -1) Layer d;"));

    final BiFunction<Integer, Integer, List<String>> fields;

    Kind(BiFunction<Integer, Integer, List<String>> fields) {
      this.fields = fields;
    }
  }

  @BeforeAll
  static void vectorApiIsOn() {
    assertTrue(VectorSupport.enabled(), "the tests run with --add-modules jdk.incubator.vector");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void simdEqualsScalar(Kind kind) {
    Map<String, List<String>> sources = new LinkedHashMap<>();
    for (int c : CHANNELS) {
      for (int s : SIZES) {
        List<String> fields = kind.fields.apply(c, s);
        if (fields == null) {
          continue;
        }
        String name = "Net_" + kind + "_c" + c + "_s" + s;
        List<String> lines = new ArrayList<>();
        lines.add("@Network(input = {" + s + ", " + s + ", " + c + "})");
        lines.add("public abstract class " + name + " {");
        lines.addAll(fields);
        lines.add("}");
        sources.put(name, lines);
      }
    }
    Compiled simd = Compiled.compile(sources, true);
    Compiled scalar = Compiled.compile(sources, true, "-Ajconv.simd=false");
    List<String> failures = new ArrayList<>();
    for (String name : sources.keySet()) {
      Model v = simd.model(name);
      Model s = scalar.model(name);
      int n = 3;
      float[] x = new float[n * v.inputSize()];
      Random random = new Random(7);
      for (int i = 0; i < x.length; i++) {
        x[i] = 2 * random.nextFloat() - 1;
      }
      float[] yv = new float[n * v.outputSize()];
      float[] ys = new float[n * s.outputSize()];
      v.predict(x, n, yv);
      s.predict(x, n, ys);
      double worst = 0;
      for (int i = 0; i < ys.length; i++) {
        double err = Math.abs(yv[i] - ys[i]) / Math.max(1.0, Math.abs(ys[i]));
        worst = Double.isNaN(err) ? Double.POSITIVE_INFINITY : Math.max(worst, err);
      }
      if (!(worst <= TOLERANCE)) {
        failures.add(name + ": max relative error " + worst);
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }
}

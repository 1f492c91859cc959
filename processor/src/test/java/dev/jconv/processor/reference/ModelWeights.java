package dev.jconv.processor.reference;

import dev.jconv.Layer;
import dev.jconv.Model;
import dev.jconv.Param;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random weights for a generated model and the reference's view of them. Kernels are uniform with
 * variance about 1 / fan-in so activations stay near unit scale through deep random networks;
 * biases, gamma, beta and moving means are of order 1 and moving variances positive.
 */
final class ModelWeights {
  private ModelWeights() {}

  /** Overwrites every parameter of {@code model} with random values drawn from {@code random}. */
  static void randomize(Model model, SplittableRandom random) {
    float[] w = model.weights();
    for (Layer layer : model.layers()) {
      for (Param p : layer.params()) {
        int[] s = p.shape();
        for (int i = p.offset(); i < p.offset() + p.size(); i++) {
          w[i] = (float) draw(p.kind(), s, random);
        }
      }
    }
  }

  private static double draw(String kind, int[] shape, SplittableRandom r) {
    switch (kind) {
      case "kernel":
      case "pointwise_kernel":
        return uniform(
            r, Math.sqrt(3.0 / (Math.toIntExact(product(shape) / shape[shape.length - 1]))));
      case "depthwise_kernel":
        return uniform(r, Math.sqrt(3.0 / (shape[0] * shape[1])));
      case "gamma":
        return (r.nextBoolean() ? 1 : -1) * (0.5 + r.nextDouble());
      case "moving_variance":
        return 0.2 + 1.8 * r.nextDouble();
      default: // bias, beta, moving_mean
        return uniform(r, 0.5);
    }
  }

  private static double uniform(SplittableRandom r, double limit) {
    return (2 * r.nextDouble() - 1) * limit;
  }

  private static long product(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  /**
   * Checks that the model's layers and parameter tensors are those of {@code net} (names, Keras
   * types, output shapes, parameter kinds, shapes and order) and returns the weights for the
   * reference, keyed {@code <layer>.<kind>}, widened to double.
   */
  static Map<String, double[]> forReference(Model model, NetDef net) {
    List<Layer> layers = model.layers();
    if (layers.size() != net.layers().size()) {
      throw new AssertionError(layers.size() + " layers, expected " + net.layers().size());
    }
    Map<String, Dims> shapes = net.shapes();
    Map<String, double[]> params = new HashMap<>();
    float[] w = model.weights();
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      LayerDef def = net.layers().get(i);
      String where = net.className() + "." + def.name();
      same(where + " name", def.name(), layer.name());
      same(where + " type", def.kerasType(), layer.type());
      same(
          where + " output",
          Arrays.toString(shapes.get(def.name()).dims()),
          Arrays.toString(layer.outputShape()));
      List<LayerDef.ParamDef> expected = def.params(net.inputShapes(i, shapes));
      same(where + " params", describe(expected), describe(layer.params()));
      for (Param p : layer.params()) {
        double[] values = new double[Math.toIntExact(p.size())];
        for (int j = 0; j < values.length; j++) {
          values[j] = w[p.offset() + j];
        }
        params.put(def.name() + "." + p.kind(), values);
      }
    }
    return params;
  }

  private static String describe(List<?> params) {
    StringBuilder s = new StringBuilder();
    for (Object o : params) {
      if (o instanceof LayerDef.ParamDef p) {
        s.append(p.kind()).append(Arrays.toString(p.shape())).append(' ');
      } else {
        Param p = (Param) o;
        s.append(p.kind()).append(Arrays.toString(p.shape())).append(' ');
      }
    }
    return s.toString().trim();
  }

  private static void same(String what, String expected, String actual) {
    if (!expected.equals(actual)) {
      throw new AssertionError(what + ": expected " + expected + " but the model has " + actual);
    }
  }
}

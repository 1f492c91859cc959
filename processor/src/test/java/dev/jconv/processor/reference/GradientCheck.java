package dev.jconv.processor.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Proves the reference backward with central differences in double: for the loss {@code L = sum(y *
 * r)} with a random {@code r}, every analytic gradient (input and each parameter tensor, all
 * coordinates or a random sample of them) must equal {@code (L(v + h) - L(v - h)) / 2h}.
 */
final class GradientCheck {
  private static final double H = 1e-6;
  private static final double TOLERANCE = 1e-5;
  private static final int SAMPLES = 48;

  private final NetDef net;
  private final RefNet ref;
  private final int n;
  private final boolean training;
  private final Map<String, double[]> params;
  private final Map<String, double[]> masks;
  private final double[] x;
  private final double[] r;
  private final SplittableRandom random;

  /** A check of {@code net} on {@code n} random examples; training uses batch statistics. */
  GradientCheck(NetDef net, long seed, int n, boolean training) {
    this.net = net;
    this.ref = new RefNet(net);
    this.n = n;
    this.training = training;
    this.random = new SplittableRandom(seed);
    this.params = randomParams(net, random);
    this.masks = training ? randomMasks(net, n, random) : Map.of();
    this.x = uniform(n * net.input().size(), 1);
    this.r = uniform(n * net.outputShape().size(), 1);
  }

  /** Checks every tensor; returns the number of coordinates checked. */
  int run() {
    RefNet.Trace trace = ref.forward(params, x, n, training, masks);
    Map<String, double[]> grads = ref.backward(trace, params, r);
    int checked = compare(NetDef.INPUT, x, grads.get(NetDef.INPUT));
    for (Map.Entry<String, double[]> e : params.entrySet()) {
      if (!training && isStatistic(e.getKey())) {
        continue; // moving statistics are inputs of inference, but nothing trains them
      }
      checked += compare(e.getKey(), e.getValue(), grads.get(e.getKey()));
    }
    return checked;
  }

  private int compare(String name, double[] values, double[] analytic) {
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      indices.add(i);
    }
    if (indices.size() > SAMPLES) {
      java.util.Collections.shuffle(indices, new java.util.Random(random.nextLong()));
      indices = indices.subList(0, SAMPLES);
    }
    for (int i : indices) {
      double saved = values[i];
      values[i] = saved + H;
      double plus = loss();
      values[i] = saved - H;
      double minus = loss();
      values[i] = saved;
      double numeric = (plus - minus) / (2 * H);
      double scale = Math.max(1, Math.max(Math.abs(numeric), Math.abs(analytic[i])));
      if (!(Math.abs(numeric - analytic[i]) <= TOLERANCE * scale)) {
        throw new AssertionError(
            String.format(
                "d loss / d %s[%d]: backward %.9g, central difference %.9g (%s, n = %d)%n%s",
                name,
                i,
                analytic[i],
                numeric,
                training ? "training" : "inference",
                n,
                net.numberedSource()));
      }
    }
    return indices.size();
  }

  private double loss() {
    double[] y = ref.forward(params, x, n, training, masks).output();
    double l = 0;
    for (int i = 0; i < y.length; i++) {
      l += y[i] * r[i];
    }
    return l;
  }

  private double[] uniform(int size, double limit) {
    double[] v = new double[size];
    for (int i = 0; i < size; i++) {
      v[i] = (2 * random.nextDouble() - 1) * limit;
    }
    return v;
  }

  private static boolean isStatistic(String key) {
    return key.endsWith(".moving_mean") || key.endsWith(".moving_variance");
  }

  /** Random parameters for every layer of {@code net}, keyed {@code <layer>.<kind>}. */
  static Map<String, double[]> randomParams(NetDef net, SplittableRandom random) {
    Map<String, Dims> shapes = net.shapes();
    Map<String, double[]> params = new HashMap<>();
    for (int i = 0; i < net.layers().size(); i++) {
      LayerDef layer = net.layers().get(i);
      for (LayerDef.ParamDef p : layer.params(net.inputShapes(i, shapes))) {
        double[] v = new double[p.size()];
        for (int j = 0; j < v.length; j++) {
          v[j] =
              p.kind().equals("moving_variance")
                  ? 0.2 + 1.8 * random.nextDouble()
                  : (2 * random.nextDouble() - 1);
        }
        params.put(layer.name() + "." + p.kind(), v);
      }
    }
    return params;
  }

  /** Inverted-dropout masks: 0 with probability {@code rate}, else 1 / (1 - rate). */
  static Map<String, double[]> randomMasks(NetDef net, int n, SplittableRandom random) {
    Map<String, Dims> shapes = net.shapes();
    Map<String, double[]> masks = new HashMap<>();
    for (LayerDef layer : net.layers()) {
      if (layer instanceof LayerDef.Dropout d) {
        double[] m = new double[n * shapes.get(layer.name()).size()];
        for (int i = 0; i < m.length; i++) {
          m[i] = random.nextDouble() < d.rate() ? 0 : 1 / (1 - d.rate());
        }
        masks.put(layer.name(), m);
      }
    }
    return masks;
  }
}

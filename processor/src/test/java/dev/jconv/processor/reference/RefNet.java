package dev.jconv.processor.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link NetDef} with the reference layers: a forward pass over a batch (inference, or
 * training with batch statistics and given dropout masks) that keeps what the backward needs, and a
 * backward pass that accumulates every tensor's gradient with {@code +=}, so a tensor read by
 * several layers (fan-out) gets the sum. Parameters are keyed {@code <layer>.<kind>}.
 */
final class RefNet {
  private final NetDef net;
  private final Map<String, Dims> shapes;

  RefNet(NetDef net) {
    this.net = net;
    this.shapes = net.shapes();
  }

  /** What a forward pass computed: every output, fused pre-activations, batch statistics. */
  static final class Trace {
    final int n;
    final boolean training;
    final Map<String, double[]> masks;
    final Map<String, double[]> outputs = new HashMap<>();
    final Map<String, double[]> pre = new HashMap<>();
    final Map<String, double[]> mid = new HashMap<>();
    final Map<String, RefBatchNorm.Stats> stats = new HashMap<>();
    private final String last;

    private Trace(int n, boolean training, Map<String, double[]> masks, String last) {
      this.n = n;
      this.training = training;
      this.masks = masks;
      this.last = last;
    }

    /** The last layer's output, NHWC. */
    double[] output() {
      return outputs.get(last);
    }
  }

  /** Inference on {@code n} examples: BatchNormalization uses moving statistics, no dropout. */
  Trace infer(Map<String, double[]> params, double[] x, int n) {
    return forward(params, x, n, false, Map.of());
  }

  /**
   * Forward on {@code n} examples. In training, BatchNormalization uses the batch's statistics and
   * Dropout multiplies by {@code masks.get(layer)} (0 or 1 / (1 - rate) per value).
   */
  Trace forward(
      Map<String, double[]> params,
      double[] x,
      int n,
      boolean training,
      Map<String, double[]> masks) {
    List<LayerDef> layers = net.layers();
    Trace t = new Trace(n, training, masks, layers.get(layers.size() - 1).name());
    t.outputs.put(NetDef.INPUT, x);
    for (int i = 0; i < layers.size(); i++) {
      forwardLayer(i, params, t);
    }
    return t;
  }

  private void forwardLayer(int i, Map<String, double[]> p, Trace t) {
    LayerDef layer = net.layers().get(i);
    List<String> inputs = net.inputsOf(i);
    Dims in = shapes.get(inputs.get(0));
    double[] x = t.outputs.get(inputs.get(0));
    Dims out = shapes.get(layer.name());
    int n = t.n;
    int count = n * out.size();
    double[] y = new double[count];
    double[] pre = new double[count];
    if (layer instanceof LayerDef.Conv2D c) {
      RefConv.conv2dForward(
          pre, x, p(p, layer, "kernel"), p(p, layer, "bias"), n, in, c.filters(), c.k());
    } else if (layer instanceof LayerDef.DepthwiseConv2D d) {
      RefConv.depthwiseForward(
          pre,
          x,
          p(p, layer, "depthwise_kernel"),
          p(p, layer, "bias"),
          n,
          in,
          d.depthMultiplier(),
          d.k());
    } else if (layer instanceof LayerDef.SeparableConv2D s) {
      Dims mid = midDims(s, in);
      double[] m = new double[n * mid.size()];
      RefConv.depthwiseForward(
          m, x, p(p, layer, "depthwise_kernel"), null, n, in, s.depthMultiplier(), s.k());
      t.mid.put(layer.name(), m);
      RefConv.conv2dForward(
          pre,
          m,
          p(p, layer, "pointwise_kernel"),
          p(p, layer, "bias"),
          n,
          mid,
          s.filters(),
          POINTWISE);
    } else if (layer instanceof LayerDef.Dense d) {
      RefDense.forward(pre, x, p(p, layer, "kernel"), p(p, layer, "bias"), n, in.size(), d.units());
    } else if (layer instanceof LayerDef.MaxPooling2D mp) {
      RefPool.poolForward(y, x, n, in, mp.k(), true);
    } else if (layer instanceof LayerDef.AveragePooling2D ap) {
      RefPool.poolForward(y, x, n, in, ap.k(), false);
    } else if (layer instanceof LayerDef.GlobalMaxPooling2D) {
      RefPool.globalForward(y, x, n, in, true);
    } else if (layer instanceof LayerDef.GlobalAveragePooling2D) {
      RefPool.globalForward(y, x, n, in, false);
    } else if (layer instanceof LayerDef.ZeroPadding2D z) {
      RefPool.zeroPadForward(y, x, n, in, out, z.top(), z.left());
    } else if (layer instanceof LayerDef.Flatten) {
      System.arraycopy(x, 0, y, 0, count);
    } else if (layer instanceof LayerDef.Dropout) {
      double[] mask = t.training ? t.masks.get(layer.name()) : null;
      if (mask == null) {
        System.arraycopy(x, 0, y, 0, count);
      } else {
        RefMerge.dropoutForward(y, x, mask, count);
      }
    } else if (layer instanceof LayerDef.BatchNormalization bn) {
      double[] gamma = p(p, layer, "gamma");
      double[] beta = p(p, layer, "beta");
      if (t.training) {
        t.stats.put(
            layer.name(),
            RefBatchNorm.trainingForward(y, x, gamma, beta, bn.epsilon(), count, out.c()));
      } else {
        RefBatchNorm.inferenceForward(
            y,
            x,
            gamma,
            beta,
            p(p, layer, "moving_mean"),
            p(p, layer, "moving_variance"),
            bn.epsilon(),
            count,
            out.c());
      }
    } else if (layer instanceof LayerDef.Activation a) {
      RefActivations.forward(a.value(), y, x, count, out.c());
    } else if (layer instanceof LayerDef.Add) {
      RefMerge.addForward(y, inputArrays(inputs, t), count);
    } else if (layer instanceof LayerDef.Concatenate) {
      RefMerge.concatForward(y, inputArrays(inputs, t), channels(inputs), n * out.h() * out.w());
    } else if (layer instanceof LayerDef.Rescaling r) {
      RefRescaling.forward(y, x, r.scale(), r.offset(), count);
    } else if (layer instanceof LayerDef.InferenceIdentity) {
      RefRescaling.forward(y, x, 1, 0, count);
    } else {
      throw new IllegalArgumentException("no reference for " + layer);
    }
    if (hasFusedActivation(layer)) {
      t.pre.put(layer.name(), pre);
      RefActivations.forward(layer.activation(), y, pre, count, out.c());
    }
    t.outputs.put(layer.name(), y);
  }

  /**
   * Backward from {@code dout}, the gradient of the loss w.r.t. the last output: returns the
   * gradient of the network input under {@link NetDef#INPUT} and of every parameter under {@code
   * <layer>.<kind>}.
   */
  Map<String, double[]> backward(Trace t, Map<String, double[]> params, double[] dout) {
    Map<String, double[]> d = new HashMap<>();
    d.put(NetDef.INPUT, new double[t.n * net.input().size()]);
    for (LayerDef layer : net.layers()) {
      d.put(layer.name(), new double[t.n * shapes.get(layer.name()).size()]);
    }
    Map<String, double[]> grads = new HashMap<>();
    for (Map.Entry<String, double[]> e : params.entrySet()) {
      grads.put(e.getKey(), new double[e.getValue().length]);
    }
    double[] last = d.get(net.layers().get(net.layers().size() - 1).name());
    for (int i = 0; i < last.length; i++) {
      last[i] += dout[i];
    }
    for (int i = net.layers().size() - 1; i >= 0; i--) {
      backwardLayer(i, params, t, d, grads);
    }
    grads.put(NetDef.INPUT, d.get(NetDef.INPUT));
    return grads;
  }

  private void backwardLayer(
      int i, Map<String, double[]> p, Trace t, Map<String, double[]> d, Map<String, double[]> g) {
    LayerDef layer = net.layers().get(i);
    List<String> inputs = net.inputsOf(i);
    Dims in = shapes.get(inputs.get(0));
    double[] x = t.outputs.get(inputs.get(0));
    double[] dx = d.get(inputs.get(0));
    Dims out = shapes.get(layer.name());
    int n = t.n;
    int count = n * out.size();
    double[] dy = d.get(layer.name());
    if (hasFusedActivation(layer)) {
      double[] dpre = new double[count];
      RefActivations.backward(
          layer.activation(), dpre, dy, t.pre.get(layer.name()), count, out.c());
      dy = dpre;
    }
    if (layer instanceof LayerDef.Conv2D c) {
      RefConv.conv2dBackward(
          dx,
          g(g, layer, "kernel"),
          g(g, layer, "bias"),
          dy,
          x,
          p(p, layer, "kernel"),
          n,
          in,
          c.filters(),
          c.k());
    } else if (layer instanceof LayerDef.DepthwiseConv2D dw) {
      RefConv.depthwiseBackward(
          dx,
          g(g, layer, "depthwise_kernel"),
          g(g, layer, "bias"),
          dy,
          x,
          p(p, layer, "depthwise_kernel"),
          n,
          in,
          dw.depthMultiplier(),
          dw.k());
    } else if (layer instanceof LayerDef.SeparableConv2D s) {
      Dims mid = midDims(s, in);
      double[] dmid = new double[n * mid.size()];
      RefConv.conv2dBackward(
          dmid,
          g(g, layer, "pointwise_kernel"),
          g(g, layer, "bias"),
          dy,
          t.mid.get(layer.name()),
          p(p, layer, "pointwise_kernel"),
          n,
          mid,
          s.filters(),
          POINTWISE);
      RefConv.depthwiseBackward(
          dx,
          g(g, layer, "depthwise_kernel"),
          null,
          dmid,
          x,
          p(p, layer, "depthwise_kernel"),
          n,
          in,
          s.depthMultiplier(),
          s.k());
    } else if (layer instanceof LayerDef.Dense de) {
      RefDense.backward(
          dx,
          g(g, layer, "kernel"),
          g(g, layer, "bias"),
          dy,
          x,
          p(p, layer, "kernel"),
          n,
          in.size(),
          de.units());
    } else if (layer instanceof LayerDef.MaxPooling2D mp) {
      RefPool.poolBackward(dx, dy, x, n, in, mp.k(), true);
    } else if (layer instanceof LayerDef.AveragePooling2D ap) {
      RefPool.poolBackward(dx, dy, x, n, in, ap.k(), false);
    } else if (layer instanceof LayerDef.GlobalMaxPooling2D) {
      RefPool.globalBackward(dx, dy, x, n, in, true);
    } else if (layer instanceof LayerDef.GlobalAveragePooling2D) {
      RefPool.globalBackward(dx, dy, x, n, in, false);
    } else if (layer instanceof LayerDef.ZeroPadding2D z) {
      RefPool.zeroPadBackward(dx, dy, n, in, out, z.top(), z.left());
    } else if (layer instanceof LayerDef.Flatten) {
      addInto(dx, dy, count);
    } else if (layer instanceof LayerDef.Dropout) {
      double[] mask = t.training ? t.masks.get(layer.name()) : null;
      if (mask == null) {
        addInto(dx, dy, count);
      } else {
        RefMerge.dropoutBackward(dx, dy, mask, count);
      }
    } else if (layer instanceof LayerDef.BatchNormalization bn) {
      batchNormBackward(bn, p, t, g, dx, dy, x, count, out.c());
    } else if (layer instanceof LayerDef.Activation a) {
      RefActivations.backward(a.value(), dx, dy, x, count, out.c());
    } else if (layer instanceof LayerDef.Add) {
      RefMerge.addBackward(inputArrays(inputs, d), dy, count);
    } else if (layer instanceof LayerDef.Concatenate) {
      RefMerge.concatBackward(inputArrays(inputs, d), dy, channels(inputs), n * out.h() * out.w());
    } else if (layer instanceof LayerDef.Rescaling r) {
      RefRescaling.backward(dx, dy, r.scale(), count);
    } else if (layer instanceof LayerDef.InferenceIdentity) {
      RefRescaling.backward(dx, dy, 1, count);
    } else {
      throw new IllegalArgumentException("no reference backward for " + layer);
    }
  }

  private static void batchNormBackward(
      LayerDef.BatchNormalization bn,
      Map<String, double[]> p,
      Trace t,
      Map<String, double[]> g,
      double[] dx,
      double[] dy,
      double[] x,
      int count,
      int channels) {
    if (t.training) {
      RefBatchNorm.trainingBackward(
          dx,
          g(g, bn, "gamma"),
          g(g, bn, "beta"),
          dy,
          x,
          p(p, bn, "gamma"),
          t.stats.get(bn.name()),
          bn.epsilon(),
          count,
          channels);
    } else {
      RefBatchNorm.inferenceBackward(
          dx,
          g(g, bn, "gamma"),
          g(g, bn, "beta"),
          dy,
          x,
          p(p, bn, "gamma"),
          p(p, bn, "moving_mean"),
          p(p, bn, "moving_variance"),
          bn.epsilon(),
          count,
          channels);
    }
  }

  /** A separable convolution's pointwise step: a 1x1 VALID convolution. */
  private static final Window POINTWISE = new Window(1, 1, 1, 1, 1, 1, false);

  private Dims midDims(LayerDef.SeparableConv2D s, Dims in) {
    Dims out = shapes.get(s.name());
    return Dims.image(out.h(), out.w(), in.c() * s.depthMultiplier());
  }

  private static boolean hasFusedActivation(LayerDef layer) {
    return layer instanceof LayerDef.Conv2D
        || layer instanceof LayerDef.DepthwiseConv2D
        || layer instanceof LayerDef.SeparableConv2D
        || layer instanceof LayerDef.Dense;
  }

  private int[] channels(List<String> inputs) {
    int[] c = new int[inputs.size()];
    for (int k = 0; k < c.length; k++) {
      c[k] = shapes.get(inputs.get(k)).c();
    }
    return c;
  }

  private static List<double[]> inputArrays(List<String> inputs, Trace t) {
    return inputArrays(inputs, t.outputs);
  }

  private static List<double[]> inputArrays(List<String> inputs, Map<String, double[]> arrays) {
    List<double[]> list = new ArrayList<>();
    for (String name : inputs) {
      list.add(arrays.get(name));
    }
    return list;
  }

  private static void addInto(double[] dst, double[] src, int count) {
    for (int i = 0; i < count; i++) {
      dst[i] += src[i];
    }
  }

  /** The parameter {@code <layer>.<kind>}, or null when the layer has none of that kind. */
  private static double[] p(Map<String, double[]> params, LayerDef layer, String kind) {
    return params.get(layer.name() + "." + kind);
  }

  private static double[] g(Map<String, double[]> grads, LayerDef layer, String kind) {
    return grads.get(layer.name() + "." + kind);
  }
}

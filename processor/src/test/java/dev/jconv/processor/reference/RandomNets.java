package dev.jconv.processor.reference;

import dev.jconv.Activation.Fn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded random networks: odd and tiny inputs, every layer kind with random attributes, branches
 * that meet in Add or Concatenate through {@code from}, and skip connections to earlier tensors of
 * the same shape. A proposed layer whose output Keras's rules reject (a window larger than its
 * padded input, a Dense on an image) or that grows too large is skipped and another is drawn, so
 * the processor should accept every network produced; each tensor is read by a later layer.
 */
final class RandomNets {
  /** Channel and unit counts: small, odd, and not multiples of 8 as well as 8 and 16. */
  private static final int[] WIDTHS = {1, 2, 3, 4, 5, 7, 8, 9, 13, 16, 17};

  private static final int[][] AWKWARD_INPUTS = {
    {1, 1}, {5, 7}, {13, 3}, {1, 9}, {7, 1}, {2, 2}, {3, 5}, {11, 11}, {4, 13}
  };

  private static final double[] RATES = {0.0, 0.1, 0.25, 0.5, 0.9};
  private static final double[] EPSILONS = {0.001, 1e-5, 0.01, 0.1};

  /** Limits that keep one network cheap to compile and run. */
  private static final int MAX_SIDE = 20;

  private static final int MAX_SIZE = 3000;

  private final SplittableRandom r;
  private final boolean small;
  private final List<LayerDef> layers = new ArrayList<>();
  private final Map<String, Dims> shapes = new LinkedHashMap<>();
  private String current = NetDef.INPUT;
  private int names;

  private RandomNets(long seed, boolean small) {
    this.r = new SplittableRandom(seed);
    this.small = small;
  }

  /**
   * A network of about {@code size} layers from {@code seed}; {@code small} keeps shapes tiny (for
   * finite differences).
   */
  static NetDef generate(long seed, String pkg, String className, int size, boolean small) {
    RandomNets g = new RandomNets(seed, small);
    Dims input = g.input();
    g.shapes.put(NetDef.INPUT, input);
    while (g.layers.size() < size) {
      g.step(size);
    }
    return new NetDef(pkg, className, input, g.layers);
  }

  private Dims input() {
    if (r.nextInt(10) == 0) {
      return Dims.vector(1 + r.nextInt(small ? 8 : 40)); // @Network(input = {features})
    }
    int c = small ? 1 + r.nextInt(3) : pick(new int[] {1, 1, 2, 3, 3, 4, 5, 8, 13});
    if (r.nextInt(3) == 0) {
      int[] hw = AWKWARD_INPUTS[r.nextInt(AWKWARD_INPUTS.length)];
      return small
          ? Dims.image(Math.min(hw[0], 6), Math.min(hw[1], 6), c)
          : Dims.image(hw[0], hw[1], c);
    }
    int max = small ? 6 : 13;
    return Dims.image(1 + r.nextInt(max), 1 + r.nextInt(max), c);
  }

  /** Adds one layer, or a branch group and its merge, to the network. */
  private void step(int size) {
    Dims cur = shapes.get(current);
    int roll = r.nextInt(100);
    if (roll < 15) {
      merge(cur, r.nextBoolean());
      return;
    }
    LayerDef layer = null;
    for (int attempt = 0; layer == null && attempt < 50; attempt++) {
      layer = accept(propose(cur, List.of(), false), List.of(current));
    }
    if (layer == null) {
      layer = new LayerDef.Activation(name("activation"), List.of(), randomFn());
    }
    append(layer);
  }

  /** Branches from the current tensor (or a skip from an earlier one) joined by Add or Concat. */
  private void merge(Dims cur, boolean add) {
    List<String> ends = new ArrayList<>();
    List<String> earlier = new ArrayList<>();
    for (Map.Entry<String, Dims> e : shapes.entrySet()) {
      boolean fits = add ? e.getValue().equals(cur) : sameSpatial(e.getValue(), cur);
      if (fits && !e.getKey().equals(current)) {
        earlier.add(e.getKey());
      }
    }
    String base = current;
    if (!earlier.isEmpty() && r.nextInt(3) == 0) {
      ends.add(earlier.get(r.nextInt(earlier.size())));
      ends.add(base);
    } else {
      int branches = 2 + r.nextInt(2);
      boolean identityUsed = false;
      for (int b = 0; b < branches; b++) {
        int depth = r.nextInt(3);
        if (depth == 0 && identityUsed) {
          depth = 1;
        }
        identityUsed |= depth == 0;
        ends.add(branch(base, depth, add));
      }
    }
    if (r.nextBoolean()) {
      java.util.Collections.reverse(ends);
    }
    LayerDef merge =
        add
            ? new LayerDef.Add(name("add"), List.copyOf(ends))
            : new LayerDef.Concatenate(name("concatenate"), List.copyOf(ends));
    append(merge);
  }

  /** {@code depth} layers from {@code base} that keep its shape (Add) or spatial size (Concat). */
  private String branch(String base, int depth, boolean keepShape) {
    String at = base;
    for (int i = 0; i < depth; i++) {
      List<String> from = List.of(at);
      boolean follows = at.equals(lastName()) && r.nextBoolean();
      LayerDef layer = null;
      for (int attempt = 0; layer == null && attempt < 50; attempt++) {
        LayerDef proposal = propose(shapes.get(at), follows ? List.of() : from, true);
        layer = accept(proposal, from);
        if (layer != null) {
          Dims out = layer.output(List.of(shapes.get(at)));
          Dims in = shapes.get(at);
          boolean ok = keepShape ? out.equals(in) : sameSpatial(out, in);
          layer = ok ? layer : null;
        }
      }
      if (layer == null) {
        layer = new LayerDef.Activation(name("activation"), follows ? List.of() : from, randomFn());
      }
      append(layer);
      at = layer.name();
    }
    return at;
  }

  /** The layer when Keras's rules accept it on these inputs and it stays small, else null. */
  private LayerDef accept(LayerDef layer, List<String> inputs) {
    List<Dims> in = new ArrayList<>();
    for (String name : inputs) {
      in.add(shapes.get(name));
    }
    Dims out = layer.output(in);
    if (out == null || !out.isValid() || out.h() > MAX_SIDE || out.w() > MAX_SIDE) {
      return null;
    }
    if (out.size() > (small ? 300 : MAX_SIZE) || (small && out.c() > 12)) {
      return null;
    }
    return layer;
  }

  private void append(LayerDef layer) {
    layers.add(layer);
    List<String> inputs = layer.from().isEmpty() ? List.of(current) : layer.from();
    List<Dims> in = new ArrayList<>();
    for (String name : inputs) {
      in.add(shapes.get(name));
    }
    shapes.put(layer.name(), layer.output(in));
    current = layer.name();
  }

  /**
   * A random layer reading {@code from} (empty: the previous field) of shape {@code in}. In a
   * branch ({@code sameSpatial}) only windows that keep the spatial size are drawn.
   */
  private LayerDef propose(Dims in, List<String> from, boolean sameSpatial) {
    if (!in.image()) {
      switch (r.nextInt(9)) {
        case 0:
        case 1:
        case 2:
        case 3:
          return new LayerDef.Dense(name("dense"), from, width(), fn(), r.nextInt(5) > 0);
        case 4:
          return batchNorm(from);
        case 5:
        case 6:
          return new LayerDef.Activation(name("activation"), from, randomFn());
        case 7:
          return new LayerDef.Dropout(name("dropout"), from, RATES[r.nextInt(RATES.length)]);
        default:
          return new LayerDef.Flatten(name("flatten"), from);
      }
    }
    int roll = r.nextInt(100);
    if (roll < 22) {
      return new LayerDef.Conv2D(name("conv2d"), from, width(), window(sameSpatial), fn(), bias());
    } else if (roll < 32) {
      return new LayerDef.DepthwiseConv2D(
          name("depthwise_conv2d"), from, 1 + r.nextInt(3), window(sameSpatial), fn(), bias());
    } else if (roll < 42) {
      return new LayerDef.SeparableConv2D(
          name("separable_conv2d"),
          from,
          width(),
          1 + r.nextInt(3),
          window(sameSpatial),
          fn(),
          bias());
    } else if (roll < 50) {
      Window k = poolWindow(sameSpatial);
      return new LayerDef.MaxPooling2D(name("max_pooling2d"), from, k, stridesGiven(k));
    } else if (roll < 58) {
      Window k = poolWindow(sameSpatial);
      return new LayerDef.AveragePooling2D(name("average_pooling2d"), from, k, stridesGiven(k));
    } else if (roll < 64) {
      return zeroPadding(from);
    } else if (roll < 72) {
      return batchNorm(from);
    } else if (roll < 80) {
      return new LayerDef.Activation(name("activation"), from, randomFn());
    } else if (roll < 84) {
      return new LayerDef.Dropout(name("dropout"), from, RATES[r.nextInt(RATES.length)]);
    } else if (roll < 90) {
      boolean keep = r.nextInt(3) == 0;
      return r.nextBoolean()
          ? new LayerDef.GlobalAveragePooling2D(name("global_average_pooling2d"), from, keep)
          : new LayerDef.GlobalMaxPooling2D(name("global_max_pooling2d"), from, keep);
    } else if (roll < 95) {
      return new LayerDef.Flatten(name("flatten"), from);
    }
    return new LayerDef.Dense(name("dense"), from, width(), fn(), bias()); // rejected on images
  }

  private Window window(boolean sameSpatial) {
    int kh = 1 + r.nextInt(5);
    int kw = r.nextInt(5) < 3 ? kh : 1 + r.nextInt(5);
    boolean strided = !sameSpatial && r.nextInt(2) == 0;
    int sh = strided ? 1 + r.nextInt(3) : 1;
    int sw = strided ? (r.nextBoolean() ? sh : 1 + r.nextInt(3)) : 1;
    boolean dilated = sh == 1 && sw == 1 && r.nextInt(3) == 0;
    int dh = dilated ? 1 + r.nextInt(3) : 1;
    int dw = dilated ? (r.nextBoolean() ? dh : 1 + r.nextInt(3)) : 1;
    return new Window(kh, kw, sh, sw, dh, dw, sameSpatial || r.nextBoolean());
  }

  private Window poolWindow(boolean sameSpatial) {
    int ph = 1 + r.nextInt(4);
    int pw = r.nextInt(5) < 3 ? ph : 1 + r.nextInt(4);
    if (sameSpatial) {
      return Window.pool(ph, pw, 1, 1, true);
    }
    if (r.nextBoolean()) {
      return Window.pool(ph, pw, ph, pw, r.nextBoolean()); // strides default to the pool size
    }
    int sh = 1 + r.nextInt(3);
    int sw = r.nextBoolean() ? sh : 1 + r.nextInt(3);
    return Window.pool(ph, pw, sh, sw, r.nextBoolean());
  }

  /** Strides are written when they differ from the pool size, and sometimes when they do not. */
  private boolean stridesGiven(Window k) {
    return k.sh() != k.kh() || k.sw() != k.kw() || r.nextInt(4) == 0;
  }

  private LayerDef zeroPadding(List<String> from) {
    String name = name("zero_padding2d");
    switch (r.nextInt(3)) {
      case 0:
        return new LayerDef.ZeroPadding2D(name, from, r.nextInt(3));
      case 1:
        return new LayerDef.ZeroPadding2D(name, from, r.nextInt(3), r.nextInt(3));
      default:
        return new LayerDef.ZeroPadding2D(
            name, from, r.nextInt(3), r.nextInt(3), r.nextInt(3), r.nextInt(3));
    }
  }

  private LayerDef batchNorm(List<String> from) {
    return new LayerDef.BatchNormalization(
        name("batch_normalization"),
        from,
        EPSILONS[r.nextInt(EPSILONS.length)],
        r.nextInt(5) > 0,
        r.nextInt(5) > 0);
  }

  /** A fused activation: LINEAR a third of the time, otherwise any function. */
  private Fn fn() {
    return r.nextInt(3) == 0 ? Fn.LINEAR : randomFn();
  }

  private Fn randomFn() {
    Fn[] all = Fn.values();
    return all[r.nextInt(all.length)];
  }

  private boolean bias() {
    return r.nextInt(5) > 0;
  }

  private int width() {
    int w = WIDTHS[r.nextInt(WIDTHS.length)];
    return small ? Math.min(w, 5) : w;
  }

  private int pick(int[] values) {
    return values[r.nextInt(values.length)];
  }

  private String lastName() {
    return layers.isEmpty() ? NetDef.INPUT : layers.get(layers.size() - 1).name();
  }

  /** Keras-style field names: {@code conv2d_3}, {@code batch_normalization_7}. */
  private String name(String kind) {
    return kind + "_" + (++names);
  }

  private static boolean sameSpatial(Dims a, Dims b) {
    return a.image() == b.image() && a.h() == b.h() && a.w() == b.w();
  }
}

package dev.jconv.processor.reference;

import dev.jconv.Activation.Fn;
import java.util.ArrayList;
import java.util.List;

/**
 * One layer of a test network, independent of the processor: its field name, the fields it reads
 * ({@code from}; empty means the previous field), its attributes, the annotation that declares it,
 * and its output shape and parameter tensors computed from Keras's definitions.
 */
sealed interface LayerDef {
  String name();

  List<String> from();

  /** The attributes inside the annotation's parentheses, without {@code from}. */
  String attributes();

  /**
   * The output shape for these inputs, or null when the layer cannot take them (the processor
   * rejects it); a shape with a zero axis is rejected too.
   */
  Dims output(List<Dims> in);

  /** The parameter tensors in Keras's order and layout. */
  default List<ParamDef> params(List<Dims> in) {
    return List.of();
  }

  /** The fused activation, or LINEAR. */
  default Fn activation() {
    return Fn.LINEAR;
  }

  /** The Keras type, as {@code Layer.type()} reports it: by default the record's name. */
  default String kerasType() {
    return getClass().getSimpleName();
  }

  /** The annotation and field, such as {@code @Conv2D(filters = 8, kernelSize = 3) Layer c1;}. */
  default String declaration() {
    String attrs = attributes();
    List<String> from = from();
    String fromText = "";
    if (from.size() == 1) {
      fromText = "from = \"" + from.get(0) + "\"";
    } else if (from.size() > 1) {
      fromText = "from = {\"" + String.join("\", \"", from) + "\"}";
    }
    String all = attrs.isEmpty() ? fromText : fromText.isEmpty() ? attrs : attrs + ", " + fromText;
    String kind = kerasType();
    return "@" + kind + (all.isEmpty() ? "" : "(" + all + ")") + " Layer " + name() + ";";
  }

  /** A parameter tensor: Keras's kind and shape. */
  record ParamDef(String kind, int... shape) {
    int size() {
      int n = 1;
      for (int d : shape) {
        n *= d;
      }
      return n;
    }
  }

  record Conv2D(
      String name, List<String> from, int filters, Window k, Fn activation, boolean useBias)
      implements LayerDef {
    @Override
    public String attributes() {
      return "filters = " + filters + ", " + window(k) + fused(activation, useBias);
    }

    @Override
    public Dims output(List<Dims> in) {
      Dims x = in.get(0);
      return x.image() ? Dims.image(k.outH(x.h()), k.outW(x.w()), filters) : null;
    }

    @Override
    public List<ParamDef> params(List<Dims> in) {
      List<ParamDef> p = new ArrayList<>();
      p.add(new ParamDef("kernel", k.kh(), k.kw(), in.get(0).c(), filters));
      if (useBias) {
        p.add(new ParamDef("bias", filters));
      }
      return p;
    }
  }

  record DepthwiseConv2D(
      String name, List<String> from, int depthMultiplier, Window k, Fn activation, boolean useBias)
      implements LayerDef {
    @Override
    public String attributes() {
      String mult = depthMultiplier == 1 ? "" : ", depthMultiplier = " + depthMultiplier;
      return window(k) + mult + fused(activation, useBias);
    }

    @Override
    public Dims output(List<Dims> in) {
      Dims x = in.get(0);
      return x.image() ? Dims.image(k.outH(x.h()), k.outW(x.w()), x.c() * depthMultiplier) : null;
    }

    @Override
    public List<ParamDef> params(List<Dims> in) {
      int c = in.get(0).c();
      List<ParamDef> p = new ArrayList<>();
      p.add(new ParamDef("depthwise_kernel", k.kh(), k.kw(), c, depthMultiplier));
      if (useBias) {
        p.add(new ParamDef("bias", c * depthMultiplier));
      }
      return p;
    }
  }

  record SeparableConv2D(
      String name,
      List<String> from,
      int filters,
      int depthMultiplier,
      Window k,
      Fn activation,
      boolean useBias)
      implements LayerDef {
    @Override
    public String attributes() {
      String mult = depthMultiplier == 1 ? "" : ", depthMultiplier = " + depthMultiplier;
      return "filters = " + filters + ", " + window(k) + mult + fused(activation, useBias);
    }

    @Override
    public Dims output(List<Dims> in) {
      Dims x = in.get(0);
      return x.image() ? Dims.image(k.outH(x.h()), k.outW(x.w()), filters) : null;
    }

    @Override
    public List<ParamDef> params(List<Dims> in) {
      int c = in.get(0).c();
      List<ParamDef> p = new ArrayList<>();
      p.add(new ParamDef("depthwise_kernel", k.kh(), k.kw(), c, depthMultiplier));
      p.add(new ParamDef("pointwise_kernel", 1, 1, c * depthMultiplier, filters));
      if (useBias) {
        p.add(new ParamDef("bias", filters));
      }
      return p;
    }
  }

  /** Max pooling; {@code stridesGiven} false leaves strides to default to the pool size. */
  record MaxPooling2D(String name, List<String> from, Window k, boolean stridesGiven)
      implements LayerDef {
    @Override
    public String attributes() {
      return pooling(k, stridesGiven);
    }

    @Override
    public Dims output(List<Dims> in) {
      return pooled(in.get(0), k);
    }
  }

  /** Average pooling over real cells; {@code stridesGiven} as for max pooling. */
  record AveragePooling2D(String name, List<String> from, Window k, boolean stridesGiven)
      implements LayerDef {
    @Override
    public String attributes() {
      return pooling(k, stridesGiven);
    }

    @Override
    public Dims output(List<Dims> in) {
      return pooled(in.get(0), k);
    }
  }

  record GlobalAveragePooling2D(String name, List<String> from, boolean keepdims)
      implements LayerDef {
    @Override
    public String attributes() {
      return keepdims ? "keepdims = true" : "";
    }

    @Override
    public Dims output(List<Dims> in) {
      return global(in.get(0), keepdims);
    }
  }

  record GlobalMaxPooling2D(String name, List<String> from, boolean keepdims) implements LayerDef {
    @Override
    public String attributes() {
      return keepdims ? "keepdims = true" : "";
    }

    @Override
    public Dims output(List<Dims> in) {
      return global(in.get(0), keepdims);
    }
  }

  /** Zero padding written as {p}, {ph, pw} or {top, bottom, left, right}. */
  record ZeroPadding2D(String name, List<String> from, int... padding) implements LayerDef {
    int top() {
      return padding[0];
    }

    int bottom() {
      return padding.length == 4 ? padding[1] : padding[0];
    }

    int left() {
      return padding.length == 4 ? padding[2] : padding[padding.length - 1];
    }

    int right() {
      return padding.length == 4 ? padding[3] : padding[padding.length - 1];
    }

    @Override
    public String attributes() {
      return "padding = " + braces(padding);
    }

    @Override
    public Dims output(List<Dims> in) {
      Dims x = in.get(0);
      return x.image()
          ? Dims.image(x.h() + top() + bottom(), x.w() + left() + right(), x.c())
          : null;
    }
  }

  record Flatten(String name, List<String> from) implements LayerDef {
    @Override
    public String attributes() {
      return "";
    }

    @Override
    public Dims output(List<Dims> in) {
      return Dims.vector(in.get(0).size());
    }
  }

  record Dense(String name, List<String> from, int units, Fn activation, boolean useBias)
      implements LayerDef {
    @Override
    public String attributes() {
      return "units = " + units + fused(activation, useBias);
    }

    @Override
    public Dims output(List<Dims> in) {
      return in.get(0).image() ? null : Dims.vector(units);
    }

    @Override
    public List<ParamDef> params(List<Dims> in) {
      List<ParamDef> p = new ArrayList<>();
      p.add(new ParamDef("kernel", in.get(0).c(), units));
      if (useBias) {
        p.add(new ParamDef("bias", units));
      }
      return p;
    }
  }

  record Dropout(String name, List<String> from, double rate) implements LayerDef {
    @Override
    public String attributes() {
      return "rate = " + rate;
    }

    @Override
    public Dims output(List<Dims> in) {
      return in.get(0);
    }
  }

  record BatchNormalization(
      String name, List<String> from, double epsilon, boolean center, boolean scale)
      implements LayerDef {
    @Override
    public String attributes() {
      List<String> a = new ArrayList<>();
      if (epsilon != 0.001) {
        a.add("epsilon = " + epsilon);
      }
      if (!center) {
        a.add("center = false");
      }
      if (!scale) {
        a.add("scale = false");
      }
      return String.join(", ", a);
    }

    @Override
    public Dims output(List<Dims> in) {
      return in.get(0);
    }

    @Override
    public List<ParamDef> params(List<Dims> in) {
      int c = in.get(0).c();
      List<ParamDef> p = new ArrayList<>();
      if (scale) {
        p.add(new ParamDef("gamma", c));
      }
      if (center) {
        p.add(new ParamDef("beta", c));
      }
      p.add(new ParamDef("moving_mean", c));
      p.add(new ParamDef("moving_variance", c));
      return p;
    }
  }

  /** A stand-alone activation; {@code activation()} is not fused but the layer's function. */
  record Activation(String name, List<String> from, Fn value) implements LayerDef {
    @Override
    public String attributes() {
      return from.isEmpty() ? value.name() : "value = " + value.name();
    }

    @Override
    public Dims output(List<Dims> in) {
      return in.get(0);
    }
  }

  record Add(String name, List<String> from) implements LayerDef {
    @Override
    public String attributes() {
      return "";
    }

    @Override
    public Dims output(List<Dims> in) {
      for (Dims d : in) {
        if (!d.equals(in.get(0))) {
          return null;
        }
      }
      return in.get(0);
    }
  }

  record Concatenate(String name, List<String> from) implements LayerDef {
    @Override
    public String attributes() {
      return "";
    }

    @Override
    public Dims output(List<Dims> in) {
      Dims first = in.get(0);
      int channels = 0;
      for (Dims d : in) {
        if (d.image() != first.image() || d.h() != first.h() || d.w() != first.w()) {
          return null;
        }
        channels += d.c();
      }
      return new Dims(first.h(), first.w(), channels, first.image());
    }
  }

  /**
   * A layer that is the identity at inference, with its own Keras {@code type} and attribute text:
   * the augmentation layers (RandomFlip, ..., GaussianNoise). Its backward passes the gradient
   * through.
   */
  record InferenceIdentity(String name, List<String> from, String type, String attributes)
      implements LayerDef {
    @Override
    public String kerasType() {
      return type;
    }

    @Override
    public Dims output(List<Dims> in) {
      return in.get(0);
    }
  }

  /** Rescaling, {@code x * scale + offset}; an offset of 0 is left to the annotation's default. */
  record Rescaling(String name, List<String> from, double scale, double offset)
      implements LayerDef {
    @Override
    public String attributes() {
      return "scale = " + scale + (offset == 0 ? "" : ", offset = " + offset);
    }

    @Override
    public Dims output(List<Dims> in) {
      return in.get(0);
    }
  }

  private static String window(Window k) {
    StringBuilder s = new StringBuilder("kernelSize = " + pair(k.kh(), k.kw()));
    if (k.sh() != 1 || k.sw() != 1) {
      s.append(", strides = ").append(pair(k.sh(), k.sw()));
    }
    if (k.same()) {
      s.append(", padding = SAME");
    }
    if (k.dh() != 1 || k.dw() != 1) {
      s.append(", dilationRate = ").append(pair(k.dh(), k.dw()));
    }
    return s.toString();
  }

  private static String fused(Fn activation, boolean useBias) {
    return (activation == Fn.LINEAR ? "" : ", activation = " + activation.name())
        + (useBias ? "" : ", useBias = false");
  }

  private static String pooling(Window k, boolean stridesGiven) {
    String s = "poolSize = " + pair(k.kh(), k.kw());
    if (stridesGiven) {
      s += ", strides = " + pair(k.sh(), k.sw());
    }
    return k.same() ? s + ", padding = SAME" : s;
  }

  private static Dims pooled(Dims x, Window k) {
    return x.image() ? Dims.image(k.outH(x.h()), k.outW(x.w()), x.c()) : null;
  }

  private static Dims global(Dims x, boolean keepdims) {
    if (!x.image()) {
      return null;
    }
    return keepdims ? Dims.image(1, 1, x.c()) : Dims.vector(x.c());
  }

  private static String pair(int h, int w) {
    return h == w ? Integer.toString(h) : "{" + h + ", " + w + "}";
  }

  private static String braces(int... values) {
    StringBuilder s = new StringBuilder("{");
    for (int i = 0; i < values.length; i++) {
      s.append(i == 0 ? "" : ", ").append(values[i]);
    }
    return s.append('}').toString();
  }
}

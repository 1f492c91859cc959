package dev.jconv.processor.infer;

import dev.jconv.Padding;
import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.diag.Report;
import dev.jconv.processor.model.IntPair;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.ParamSpec;
import dev.jconv.processor.model.Shape;
import dev.jconv.processor.model.Windows;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Pure shape and parameter functions, one per layer kind: given a layer and the shapes of its
 * inputs, the output shape and the parameter tensors in Keras's layouts, or why the layer does not
 * fit. Attribute values are assumed valid (positive sizes, rates in range).
 */
public final class LayerInference {
  private static final long MAX_ARRAY = Integer.MAX_VALUE;

  private LayerInference() {}

  /**
   * Infers one layer.
   *
   * @param spec the layer
   * @param inputs the input shapes, one per input
   * @param inputNames the input layers' names, for messages ({@code input} for the network input)
   */
  public static Inferred infer(LayerSpec spec, List<Shape> inputs, List<String> inputNames) {
    Inferred result = dispatch(spec, inputs, inputNames);
    if (result instanceof Inferred.Ok ok) {
      return checkSizes(spec, ok);
    }
    return result;
  }

  private static Inferred dispatch(LayerSpec spec, List<Shape> in, List<String> names) {
    if (spec.isMerge()) {
      return spec instanceof LayerSpec.Add ? add(spec, in) : concatenate(spec, in);
    }
    Shape x = in.get(0);
    String from = describe(names.get(0));
    if (spec instanceof LayerSpec.Dense d) {
      return dense(d, x, from);
    } else if (spec instanceof LayerSpec.Flatten) {
      long[] flat = {x.size()};
      if (x.size() > MAX_ARRAY) {
        return tooLarge(spec, "output", flat);
      }
      return new Inferred.Ok(Shape.of((int) x.size()), List.of());
    } else if (spec instanceof LayerSpec.Dropout || spec instanceof LayerSpec.Activation) {
      return new Inferred.Ok(x, List.of());
    } else if (spec instanceof LayerSpec.BatchNormalization bn) {
      return batchNorm(bn, x);
    }
    if (!x.isImage()) {
      return fail(spec, "from", Diag.NEEDS_IMAGE, spec.name(), spec.kerasType(), from, x);
    }
    if (spec instanceof LayerSpec.Conv2D c) {
      return conv2d(c, x);
    } else if (spec instanceof LayerSpec.DepthwiseConv2D c) {
      return depthwise(c, x);
    } else if (spec instanceof LayerSpec.SeparableConv2D c) {
      return separable(c, x);
    } else if (spec instanceof LayerSpec.MaxPooling2D p) {
      return pool(p, x, p.poolSize(), p.strides(), p.padding());
    } else if (spec instanceof LayerSpec.AveragePooling2D p) {
      return pool(p, x, p.poolSize(), p.strides(), p.padding());
    } else if (spec instanceof LayerSpec.GlobalAveragePooling2D g) {
      return global(x, g.keepdims());
    } else if (spec instanceof LayerSpec.GlobalMaxPooling2D g) {
      return global(x, g.keepdims());
    } else if (spec instanceof LayerSpec.ZeroPadding2D z) {
      return zeroPadding(z, x);
    }
    throw new IllegalStateException("no shape function for " + spec.kerasType());
  }

  private static Inferred conv2d(LayerSpec.Conv2D c, Shape x) {
    Inferred window = slide(c, x, c.kernelSize(), c.strides(), c.dilationRate(), c.padding());
    if (window instanceof Inferred.Failed) {
      return window;
    }
    Shape spatial = ((Inferred.Ok) window).output();
    List<ParamSpec> params = new ArrayList<>();
    params.add(
        ParamSpec.trainable("kernel", c.kernelSize().h(), c.kernelSize().w(), x.c(), c.filters()));
    if (c.useBias()) {
      params.add(ParamSpec.trainable("bias", c.filters()));
    }
    return new Inferred.Ok(Shape.of(spatial.h(), spatial.w(), c.filters()), params);
  }

  private static Inferred depthwise(LayerSpec.DepthwiseConv2D c, Shape x) {
    Inferred window = slide(c, x, c.kernelSize(), c.strides(), c.dilationRate(), c.padding());
    if (window instanceof Inferred.Failed) {
      return window;
    }
    Shape spatial = ((Inferred.Ok) window).output();
    int out = x.c() * c.depthMultiplier();
    List<ParamSpec> params = new ArrayList<>();
    params.add(
        ParamSpec.trainable(
            "depthwise_kernel",
            c.kernelSize().h(),
            c.kernelSize().w(),
            x.c(),
            c.depthMultiplier()));
    if (c.useBias()) {
      params.add(ParamSpec.trainable("bias", out));
    }
    return new Inferred.Ok(Shape.of(spatial.h(), spatial.w(), out), params);
  }

  private static Inferred separable(LayerSpec.SeparableConv2D c, Shape x) {
    Inferred window = slide(c, x, c.kernelSize(), c.strides(), c.dilationRate(), c.padding());
    if (window instanceof Inferred.Failed) {
      return window;
    }
    Shape spatial = ((Inferred.Ok) window).output();
    int mid = x.c() * c.depthMultiplier();
    List<ParamSpec> params = new ArrayList<>();
    params.add(
        ParamSpec.trainable(
            "depthwise_kernel",
            c.kernelSize().h(),
            c.kernelSize().w(),
            x.c(),
            c.depthMultiplier()));
    params.add(ParamSpec.trainable("pointwise_kernel", 1, 1, mid, c.filters()));
    if (c.useBias()) {
      params.add(ParamSpec.trainable("bias", c.filters()));
    }
    return new Inferred.Ok(Shape.of(spatial.h(), spatial.w(), c.filters()), params);
  }

  /** The spatial output of a (dilated) kernel sliding over {@code x}; channels are kept. */
  private static Inferred slide(
      LayerSpec spec, Shape x, IntPair kernel, IntPair strides, IntPair dilation, Padding pad) {
    int oh =
        Windows.outputLength(x.h(), Windows.effective(kernel.h(), dilation.h()), strides.h(), pad);
    int ow =
        Windows.outputLength(x.w(), Windows.effective(kernel.w(), dilation.w()), strides.w(), pad);
    if (oh <= 0 || ow <= 0) {
      boolean dilated = dilation.h() > 1 || dilation.w() > 1;
      long eh = Windows.extent(kernel.h(), dilation.h());
      long ew = Windows.extent(kernel.w(), dilation.w());
      return fail(
          spec,
          "kernelSize",
          Diag.KERNEL_TOO_LARGE,
          spec.name(),
          spec.kerasType(),
          kernel,
          dilated ? " (" + eh + "x" + ew + " with dilationRate = " + dilation + ")" : "",
          x,
          "");
    }
    return new Inferred.Ok(Shape.of(oh, ow, x.c()), List.of());
  }

  private static Inferred pool(
      LayerSpec spec, Shape x, IntPair window, IntPair strides, Padding pad) {
    int oh = Windows.outputLength(x.h(), window.h(), strides.h(), pad);
    int ow = Windows.outputLength(x.w(), window.w(), strides.w(), pad);
    if (oh <= 0 || ow <= 0) {
      return fail(spec, "poolSize", Diag.POOL_TOO_LARGE, spec.name(), spec.kerasType(), window, x);
    }
    return new Inferred.Ok(Shape.of(oh, ow, x.c()), List.of());
  }

  private static Inferred zeroPadding(LayerSpec.ZeroPadding2D z, Shape x) {
    long h = (long) x.h() + z.top() + z.bottom();
    long w = (long) x.w() + z.left() + z.right();
    if (h > MAX_ARRAY || w > MAX_ARRAY) {
      return tooLarge(z, "output", h, w, x.c());
    }
    return new Inferred.Ok(Shape.of((int) h, (int) w, x.c()), List.of());
  }

  private static Inferred global(Shape x, boolean keepdims) {
    return new Inferred.Ok(keepdims ? Shape.of(1, 1, x.c()) : Shape.of(x.c()), List.of());
  }

  private static Inferred dense(LayerSpec.Dense d, Shape x, String from) {
    if (x.rank() != 1) {
      return fail(d, "from", Diag.DENSE_NEEDS_FLAT, d.name(), x, from, d.name());
    }
    List<ParamSpec> params = new ArrayList<>();
    params.add(ParamSpec.trainable("kernel", x.dim(0), d.units()));
    if (d.useBias()) {
      params.add(ParamSpec.trainable("bias", d.units()));
    }
    return new Inferred.Ok(Shape.of(d.units()), params);
  }

  private static Inferred batchNorm(LayerSpec.BatchNormalization bn, Shape x) {
    int c = x.c();
    List<ParamSpec> params = new ArrayList<>();
    if (bn.scale()) {
      params.add(ParamSpec.trainable("gamma", c));
    }
    if (bn.center()) {
      params.add(ParamSpec.trainable("beta", c));
    }
    params.add(ParamSpec.fixed("moving_mean", c));
    params.add(ParamSpec.fixed("moving_variance", c));
    return new Inferred.Ok(x, params);
  }

  private static Inferred add(LayerSpec spec, List<Shape> in) {
    for (Shape s : in) {
      if (!s.equals(in.get(0))) {
        return fail(spec, "from", Diag.ADD_SHAPES, spec.name(), listShapes(spec, in));
      }
    }
    return new Inferred.Ok(in.get(0), List.of());
  }

  private static Inferred concatenate(LayerSpec spec, List<Shape> in) {
    Shape first = in.get(0);
    long channels = 0;
    for (Shape s : in) {
      boolean same = s.rank() == first.rank();
      for (int i = 0; same && i < s.rank() - 1; i++) {
        same = s.dim(i) == first.dim(i);
      }
      if (!same) {
        String what = s.rank() != first.rank() ? "rank" : "spatial size";
        return fail(spec, "from", Diag.CONCAT_SHAPES, spec.name(), what, listShapes(spec, in));
      }
      channels += s.c();
    }
    long[] dims = Arrays.stream(first.dims()).asLongStream().toArray();
    dims[dims.length - 1] = channels;
    if (count(dims).compareTo(BigInteger.valueOf(MAX_ARRAY)) > 0) {
      return tooLarge(spec, "output", dims);
    }
    return new Inferred.Ok(
        Shape.of(Arrays.stream(dims).mapToInt(Math::toIntExact).toArray()), List.of());
  }

  /** Rejects outputs and parameter tensors that a Java array cannot hold. */
  private static Inferred checkSizes(LayerSpec spec, Inferred.Ok ok) {
    long[] output = Arrays.stream(ok.output().dims()).asLongStream().toArray();
    if (count(output).compareTo(BigInteger.valueOf(MAX_ARRAY)) > 0) {
      return tooLarge(spec, "output", output);
    }
    for (ParamSpec p : ok.params()) {
      long[] shape = Arrays.stream(p.shape()).asLongStream().toArray();
      if (count(shape).compareTo(BigInteger.valueOf(MAX_ARRAY)) > 0) {
        return tooLarge(spec, p.kind(), shape);
      }
    }
    return ok;
  }

  /**
   * TOO_LARGE for a tensor with these dimensions: an output in Keras's notation {@code (None, h, w,
   * c)}, a parameter in its layout {@code [kh, kw, cin, cout]}. Counted exactly, so that an
   * overflowing product cannot hide a tensor that is too large.
   */
  private static Inferred tooLarge(LayerSpec spec, String what, long... dims) {
    StringJoiner shape =
        what.equals("output")
            ? new StringJoiner(", ", "(None, ", ")")
            : new StringJoiner(", ", "[", "]");
    for (long d : dims) {
      shape.add(Long.toString(d));
    }
    return fail(
        spec,
        null,
        Diag.TOO_LARGE,
        spec.name(),
        spec.kerasType(),
        what + " " + shape,
        String.format(Locale.ROOT, "%,d", count(dims)));
  }

  private static BigInteger count(long... dims) {
    BigInteger n = BigInteger.ONE;
    for (long d : dims) {
      n = n.multiply(BigInteger.valueOf(d));
    }
    return n;
  }

  private static String listShapes(LayerSpec spec, List<Shape> in) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < in.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append('\'').append(spec.from().get(i)).append("' ").append(in.get(i));
    }
    return sb.toString();
  }

  private static String describe(String inputName) {
    return "input".equals(inputName) ? "the network input" : "'" + inputName + "'";
  }

  private static Inferred fail(LayerSpec spec, String attribute, Diag diag, Object... args) {
    return new Inferred.Failed(Report.at(spec.source(), attribute, diag, args));
  }
}

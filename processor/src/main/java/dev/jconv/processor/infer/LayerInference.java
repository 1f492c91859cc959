package dev.jconv.processor.infer;

import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.diag.Report;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.ParamSpec;
import dev.jconv.processor.model.Shape;
import dev.jconv.processor.model.Window;
import dev.jconv.processor.model.Windows;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The pure shape functions layer kinds share: windows sliding over images, limits of Java arrays,
 * and the failure reports. Attribute values are assumed valid (positive sizes, rates in range).
 */
public final class LayerInference {
  /** The largest tensor a Java array holds. */
  public static final long MAX_ARRAY = Integer.MAX_VALUE;

  private LayerInference() {}

  /** The spatial output of a (dilated) kernel sliding over {@code x}; channels are kept. */
  public static Inferred slide(LayerSpec spec, Shape x, Window window) {
    int oh = window.outputH(x.h());
    int ow = window.outputW(x.w());
    if (oh <= 0 || ow <= 0) {
      long eh = Windows.extent(window.kernel().h(), window.dilation().h());
      long ew = Windows.extent(window.kernel().w(), window.dilation().w());
      return fail(
          spec,
          "kernelSize",
          Diag.KERNEL_TOO_LARGE,
          spec.name(),
          spec.kerasType(),
          window.kernel(),
          window.dilated()
              ? " (" + eh + "x" + ew + " with dilationRate = " + window.dilation() + ")"
              : "",
          x,
          "");
    }
    return new Inferred.Ok(Shape.of(oh, ow, x.c()), List.of());
  }

  /**
   * NEEDS_IMAGE unless {@code x} is an image, else the {@link #slide} of {@code window} over it.
   */
  public static Inferred slideImage(LayerSpec spec, Shape x, String inputName, Window window) {
    Inferred notImage = needsImage(spec, x, inputName);
    return notImage != null ? notImage : slide(spec, x, window);
  }

  /** The output of a pooling window over {@code x}. */
  public static Inferred pool(LayerSpec spec, Shape x, Window window) {
    int oh = window.outputH(x.h());
    int ow = window.outputW(x.w());
    if (oh <= 0 || ow <= 0) {
      return fail(
          spec, "poolSize", Diag.POOL_TOO_LARGE, spec.name(), spec.kerasType(), window.kernel(), x);
    }
    return new Inferred.Ok(Shape.of(oh, ow, x.c()), List.of());
  }

  /** NEEDS_IMAGE unless {@code x} is an image; null when it is. */
  public static Inferred needsImage(LayerSpec spec, Shape x, String inputName) {
    if (x.isImage()) {
      return null;
    }
    return fail(
        spec, "from", Diag.NEEDS_IMAGE, spec.name(), spec.kerasType(), describe(inputName), x);
  }

  /** Rejects outputs and parameter tensors that a Java array cannot hold. */
  public static Inferred checkSizes(LayerSpec spec, Inferred result) {
    if (!(result instanceof Inferred.Ok ok)) {
      return result;
    }
    long[] output = Arrays.stream(ok.output().dims()).asLongStream().toArray();
    if (count(output).compareTo(BigInteger.valueOf(MAX_ARRAY)) > 0) {
      return tooLarge(spec, "output", output);
    }
    for (ParamSpec p : ok.params()) {
      long[] shape = Arrays.stream(p.shape()).asLongStream().toArray();
      if (count(shape).compareTo(BigInteger.valueOf(MAX_ARRAY)) > 0) {
        return tooLarge(spec, p.kind().kerasName(), shape);
      }
    }
    return ok;
  }

  /**
   * TOO_LARGE for a tensor with these dimensions: an output in Keras's notation {@code (None, h, w,
   * c)}, a parameter in its layout {@code [kh, kw, cin, cout]}. Counted exactly, so that an
   * overflowing product cannot hide a tensor that is too large.
   */
  public static Inferred tooLarge(LayerSpec spec, String what, long... dims) {
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

  /** Whether a tensor of {@code dims} is too large for a Java array. */
  public static boolean exceeds(long... dims) {
    return count(dims).compareTo(BigInteger.valueOf(MAX_ARRAY)) > 0;
  }

  private static BigInteger count(long... dims) {
    BigInteger n = BigInteger.ONE;
    for (long d : dims) {
      n = n.multiply(BigInteger.valueOf(d));
    }
    return n;
  }

  /** {@code 'a' (None, 4, 4, 8), 'b' (None, 2, 2, 8)}: the inputs of a merge, for messages. */
  public static String listShapes(LayerSpec spec, List<Shape> in) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < in.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append('\'').append(spec.from().get(i)).append("' ").append(in.get(i));
    }
    return sb.toString();
  }

  /** {@code the network input} or {@code 'conv1'}. */
  public static String describe(String inputName) {
    return "input".equals(inputName) ? "the network input" : "'" + inputName + "'";
  }

  /** A failure report on {@code attribute} (null: on the annotation). */
  public static Inferred fail(LayerSpec spec, String attribute, Diag diag, Object... args) {
    return new Inferred.Failed(Report.at(spec.source(), attribute, diag, args));
  }
}

package dev.jconv.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.jconv.Activation.Fn;
import dev.jconv.processor.model.Node;
import java.util.Locale;

/**
 * Activation functions in generated code: as expressions inside a kernel's epilogue, as passes over
 * a layer's output through the runtime's {@code Activations}, and their gradients.
 */
public final class Acts {
  /** The runtime's activation kernels. */
  public static final ClassName ACTIVATIONS = ClassName.get("dev.jconv.kernels", "Activations");

  /** The runtime's activation gradient kernels. */
  public static final ClassName GRADS = ClassName.get("dev.jconv.kernels", "ActivationGrads");

  private Acts() {}

  /** Whether {@code fn} is applied in the kernels' epilogue rather than in a pass afterwards. */
  public static boolean fusable(Fn fn) {
    return fn == Fn.LINEAR || fn == Fn.RELU || fn == Fn.RELU6 || fn == Fn.LEAKY_RELU;
  }

  /** {@code fn} of a vector expression; LINEAR for activations applied afterwards. */
  public static String vectorAct(Fn fn, String v) {
    switch (fn) {
      case RELU:
        return v + ".max(0f)";
      case RELU6:
        return v + ".max(0f).min(6f)";
      case LEAKY_RELU:
        // max(v, 0.2 v) is v for v > 0 and 0.2 v otherwise, as Activations.leakyRelu.
        return v + ".max(" + v + ".mul(0.2f))";
      default:
        return v;
    }
  }

  /** {@code fn} of a scalar variable, with the same results as {@link #vectorAct}. */
  public static String scalarAct(Fn fn, String s) {
    switch (fn) {
      case RELU:
        return "Math.max(" + s + ", 0f)";
      case RELU6:
        return "Math.min(Math.max(" + s + ", 0f), 6f)";
      case LEAKY_RELU:
        return "(" + s + " > 0f ? " + s + " : 0.2f * " + s + ")";
      default:
        return s;
    }
  }

  /**
   * Whether a layer fused with {@code fn} keeps its pre-activation values in {@link Buffer#PRE}.
   */
  public static boolean keepsPre(Fn fn) {
    return fn == Fn.SWISH || fn == Fn.SOFTMAX;
  }

  /** Declares the {@link Buffer#PRE} buffer of {@code node} when its fused activation needs it. */
  public static void preBuffer(Node node, Layout.Scratch scratch) {
    if (keepsPre(node.spec().fusedActivation())) {
      scratch.buffer(Buffer.PRE, Math.toIntExact(node.output().size()));
    }
  }

  /** Applies {@code fn} in place to the node's whole output at {@code a[yo...]}. */
  public static CodeBlock apply(Fn fn, Node node) {
    long n = node.output().size();
    switch (fn) {
      case LINEAR:
        return CodeBlock.of("");
      case SOFTMAX:
        return CodeBlock.of("$T.softmax(a, yo, $L, $L);\n", ACTIVATIONS, n, node.output().c());
      default:
        return CodeBlock.of("$T.$L(a, yo, $L);\n", ACTIVATIONS, methodName(fn), n);
    }
  }

  /** The layer's fused activation as a pass over its output, keeping the values it needs. */
  public static CodeBlock fused(Site site) {
    Fn fn = site.node().spec().fusedActivation();
    if (keepsPre(fn)) {
      return CodeBlock.builder()
          .addStatement(
              "$T.arraycopy(a, yo, a, ao + $L, $L)",
              System.class,
              site.scratch(Buffer.PRE),
              site.outSize())
          .add(apply(fn, site.node()))
          .build();
    }
    return apply(fn, site.node());
  }

  /** The fused activation that the SIMD kernels' epilogue does not apply, over the whole output. */
  public static CodeBlock afterwards(Site site) {
    Fn fn = site.node().spec().fusedActivation();
    return fusable(fn) ? CodeBlock.of("") : fused(site);
  }

  /** Turns the output gradient at {@code d[dyo...]} into the pre-activation gradient, in place. */
  public static CodeBlock gradient(Site site) {
    Fn fn = site.node().spec().fusedActivation();
    long n = site.outSize();
    switch (fn) {
      case LINEAR:
        return CodeBlock.of("");
      case SWISH:
        return CodeBlock.of(
            "$T.swish(a, ao + $L, d, dyo, d, dyo, $L, false);\n",
            GRADS,
            site.scratch(Buffer.PRE),
            n);
      case SOFTMAX:
        return CodeBlock.of(
            "$T.softmax(a, yo, d, dyo, d, dyo, $L, $L, false);\n", GRADS, n, site.out().c());
      default:
        return CodeBlock.of("$T.$L(a, yo, d, dyo, d, dyo, $L, false);\n", GRADS, methodName(fn), n);
    }
  }

  /** {@code LEAKY_RELU} is {@code leakyRelu}: the runtime's method name. */
  public static String methodName(Fn fn) {
    String lower = fn.name().toLowerCase(Locale.ROOT);
    int underscore = lower.indexOf('_');
    if (underscore < 0) {
      return lower;
    }
    return lower.substring(0, underscore)
        + Character.toUpperCase(lower.charAt(underscore + 1))
        + lower.substring(underscore + 2);
  }
}

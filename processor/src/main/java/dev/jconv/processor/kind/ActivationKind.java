package dev.jconv.processor.kind;

import static dev.jconv.processor.emit.Vectors.FLOAT_VECTOR;

import com.palantir.javapoet.CodeBlock;
import dev.jconv.Activation.Fn;
import dev.jconv.processor.emit.Acts;
import dev.jconv.processor.emit.Loops;
import dev.jconv.processor.emit.Site;
import dev.jconv.processor.emit.Vectors;
import dev.jconv.processor.infer.Inferred;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Shape;
import java.util.List;
import java.util.Map;

/** Keras's {@code Activation}: a function applied to every value (softmax over the channels). */
final class ActivationKind extends LayerKind<LayerSpec.Activation> {
  ActivationKind(LayerSpec.Activation spec) {
    super(spec);
  }

  static LayerSpec.Activation read(LayerAttributes a) {
    return new LayerSpec.Activation(a.name(), a.from(), a.source(), a.getEnum("value", Fn.class));
  }

  @Override
  public Inferred infer(List<Shape> inputs, List<String> inputNames) {
    return new Inferred.Ok(inputs.get(0), List.of());
  }

  @Override
  public CodeBlock scalarForward(Site site) {
    return CodeBlock.builder()
        .addStatement("$T.arraycopy(x, xo, a, yo, $L)", System.class, site.outSize())
        .add(Acts.apply(spec.value(), site.node()))
        .build();
  }

  /** When the loss already gave the pre-softmax gradient, the layer passes it through. */
  @Override
  public CodeBlock scalarBackward(Site site) {
    Fn fn = site.lossFused() ? Fn.LINEAR : spec.value();
    long n = site.outSize();
    CodeBlock grad;
    switch (fn) {
      case SWISH:
        grad = CodeBlock.of("$T.swish(x, xo, d, dyo, dx, dxo, $L, true);\n", Acts.GRADS, n);
        break;
      case SOFTMAX:
        grad =
            CodeBlock.of(
                "$T.softmax(a, yo, d, dyo, dx, dxo, $L, $L, true);\n",
                Acts.GRADS,
                n,
                site.out().c());
        break;
      default:
        grad =
            CodeBlock.of(
                "$T.$L(a, yo, d, dyo, dx, dxo, $L, true);\n", Acts.GRADS, Acts.methodName(fn), n);
    }
    return Loops.guarded(grad);
  }

  /**
   * {@code dx += f'(z) dy} on lanes from the output y, for the functions whose derivative the
   * output gives; SWISH and SOFTMAX run the scalar twin. Same operations in the same order as
   * {@code ActivationGrads}, so both paths give the same values.
   */
  @Override
  public CodeBlock simdBackward(Site site) {
    Fn fn = site.lossFused() ? Fn.LINEAR : spec.value();
    CodeBlock grad = vectorGrad(fn);
    if (grad == null) {
      return null;
    }
    return Loops.guarded(
        Vectors.elementwise(
            site.outSize(),
            sp ->
                CodeBlock.builder()
                    .addStatement("$T dy = $T.fromArray(S, d, dyo + i)", FLOAT_VECTOR, FLOAT_VECTOR)
                    .addStatement("$T y = $T.fromArray(S, a, yo + i)", FLOAT_VECTOR, FLOAT_VECTOR)
                    .addStatement(
                        "$L.add($T.fromArray(S, dx, dxo + i)).intoArray(dx, dxo + i)",
                        grad,
                        FLOAT_VECTOR)
                    .build(),
            CodeBlock.builder()
                .addStatement("float dy = d[dyo + i]")
                .addStatement("float y = a[yo + i]")
                .addStatement("dx[dxo + i] += $L", scalarGrad(fn))
                .build()));
  }

  /** f'(z) dy of the vectors {@code y} and {@code dy}, or null when not on lanes. */
  private static CodeBlock vectorGrad(Fn fn) {
    String grad = vectorGradText(fn);
    if (grad == null) {
      return null;
    }
    Map<String, Object> types = Map.of("fv", FLOAT_VECTOR, "ops", Vectors.VECTOR_OPERATORS);
    return CodeBlock.builder()
        .addNamed(grad.replace("FloatVector", "$fv:T").replace("VectorOperators", "$ops:T"), types)
        .build();
  }

  private static String vectorGradText(Fn fn) {
    String zero = "FloatVector.zero(S)";
    String positive = "y.compare(VectorOperators.GT, 0f)";
    switch (fn) {
      case LINEAR:
        return "dy";
      case RELU:
        return zero + ".blend(dy, " + positive + ")";
      case RELU6:
        return zero + ".blend(dy, " + positive + ".and(y.compare(VectorOperators.LT, 6f)))";
      case LEAKY_RELU:
        return "dy.mul(0.2f).blend(dy, " + positive + ")";
      case ELU:
        return "y.add(1f).mul(dy).blend(dy, " + positive + ")";
      case SIGMOID:
        return "y.mul(FloatVector.broadcast(S, 1f).sub(y)).mul(dy)";
      case TANH:
        return "FloatVector.broadcast(S, 1f).sub(y.mul(y)).mul(dy)";
      default:
        return null;
    }
  }

  /** The scalar tail of {@link #vectorGrad}, as {@code ActivationGrads} computes it. */
  private static String scalarGrad(Fn fn) {
    switch (fn) {
      case LINEAR:
        return "dy";
      case RELU:
        return "y > 0f ? dy : 0f";
      case RELU6:
        return "y > 0f && y < 6f ? dy : 0f";
      case LEAKY_RELU:
        return "y > 0f ? dy : 0.2f * dy";
      case ELU:
        return "y > 0f ? dy : (y + 1f) * dy";
      case SIGMOID:
        return "y * (1f - y) * dy";
      default:
        return "(1f - y * y) * dy";
    }
  }

  /** RELU, RELU6 and LEAKY_RELU on lanes; the others run the scalar twin. */
  @Override
  public CodeBlock simdForward(Site site) {
    Fn fn = spec.value();
    if (!Acts.fusable(fn)) {
      return null;
    }
    return Vectors.elementwise(
        site.outSize(),
        sp ->
            CodeBlock.builder()
                .addStatement("$T v = $T.fromArray($L, x, xo + i)", FLOAT_VECTOR, FLOAT_VECTOR, sp)
                .addStatement("$L.intoArray(a, yo + i)", Acts.vectorAct(fn, "v"))
                .build(),
        CodeBlock.builder()
            .addStatement("float v = x[xo + i]")
            .addStatement("a[yo + i] = $L", Acts.scalarAct(fn, "v"))
            .build());
  }

  @Override
  public Softmax softmax() {
    return spec.value() == Fn.SOFTMAX ? Softmax.STANDALONE : Softmax.NONE;
  }
}

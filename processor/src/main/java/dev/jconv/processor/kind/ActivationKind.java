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

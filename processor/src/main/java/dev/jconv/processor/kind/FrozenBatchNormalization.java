package dev.jconv.processor.kind;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.jconv.processor.emit.Headers;
import dev.jconv.processor.emit.Offset;
import dev.jconv.processor.emit.Site;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.ParamKind;
import javax.lang.model.element.Modifier;

/**
 * The training methods of a frozen BatchNormalization, which trains in inference mode as Keras's
 * does: the forward normalises with the moving statistics and leaves them unchanged, and the
 * backward is the per-channel scale {@code dx = dy * gamma / sqrt(movingVar + eps)}, with no
 * gradient for gamma or beta. Same signatures as the trainable pair, so the training pass picks one
 * by the layer's flag at each step.
 */
final class FrozenBatchNormalization {
  private final LayerSpec.BatchNormalization spec;
  private final Site site;
  private final int c;
  private final long positions;
  private final Offset st;

  FrozenBatchNormalization(LayerSpec.BatchNormalization spec, Site site) {
    this.spec = spec;
    this.site = site;
    this.c = site.out().c();
    this.positions = site.outSize() / c;
    this.st = site.layout().stats(site.node());
  }

  /**
   * {@code bn1ForwardFrozen}: the inference affine over the batch, bit for bit what {@code predict}
   * computes; the scale and shift per channel go to the batch-statistics slots.
   */
  MethodSpec forward() {
    CodeBlock.Builder b = CodeBlock.builder().add(affine());
    b.beginControlFlow("for (int e = 0; e < n; e++)");
    b.addStatement("int xe = xo + e * xs");
    b.addStatement("int yo = ao + e * as + $L", site.outOffset());
    b.beginControlFlow("for (int p = 0; p < $L; p += $L)", positions * c, c);
    // One channel loop per position: C2 vectorises it, and it reads as the inference forward.
    b.beginControlFlow("for (int c = 0; c < $L; c++)", c);
    b.addStatement("a[yo + p + c] = x[xe + p + c] * st[$L + c] + st[$L + $L + c]", st, st, c);
    b.endControlFlow().endControlFlow().endControlFlow();
    return MethodSpec.methodBuilder(site.name() + "ForwardFrozen")
        .addModifiers(Modifier.STATIC)
        .addJavadoc(
            "$L",
            Headers.trainingForward(
                site.node(),
                site.layout(),
                "frozen, in inference mode: normalises the {@code n} examples of the batch with the"
                    + " moving statistics, which it does not update; writes the scale and shift to"
                    + " {@code st["
                    + st
                    + "...]}"))
        .addParameter(float[].class, "w")
        .addParameter(float[].class, "x")
        .addParameter(int.class, "xo")
        .addParameter(int.class, "xs")
        .addParameter(float[].class, "a")
        .addParameter(int.class, "ao")
        .addParameter(int.class, "as")
        .addParameter(int.class, "n")
        .addParameter(float[].class, "st")
        .addCode(b.build())
        .build();
  }

  /** {@code bn1BackwardFrozen}: {@code dx += dy * scale} per channel; no parameter gradients. */
  MethodSpec backward() {
    CodeBlock.Builder b = CodeBlock.builder();
    b.beginControlFlow("if (dx == null)").addStatement("return").endControlFlow();
    b.add(affine());
    b.beginControlFlow("for (int e = 0; e < n; e++)");
    b.addStatement("int dxe = dxo + e * dxs");
    b.addStatement("int dye = dOff + e * as + $L", site.outOffset());
    b.beginControlFlow("for (int p = 0; p < $L; p += $L)", positions * c, c);
    b.beginControlFlow("for (int c = 0; c < $L; c++)", c);
    b.addStatement("dx[dxe + p + c] += d[dye + p + c] * st[$L + c]", st);
    b.endControlFlow().endControlFlow().endControlFlow();
    return MethodSpec.methodBuilder(site.name() + "BackwardFrozen")
        .addModifiers(Modifier.STATIC)
        .addJavadoc(
            "$L<br>Frozen, in inference mode: the input gradient only, through the scale of the"
                + " moving statistics; {@code g} and {@code x} are not read.\n",
            Headers.backward(site.node(), site.layout()))
        .addParameter(float[].class, "w")
        .addParameter(float[].class, "g")
        .addParameter(float[].class, "x")
        .addParameter(int.class, "xo")
        .addParameter(int.class, "xs")
        .addParameter(float[].class, "dx")
        .addParameter(int.class, "dxo")
        .addParameter(int.class, "dxs")
        .addParameter(float[].class, "d")
        .addParameter(int.class, "dOff")
        .addParameter(int.class, "as")
        .addParameter(int.class, "n")
        .addParameter(float[].class, "st")
        .addCode(b.build())
        .build();
  }

  /**
   * The inference scale = gamma / sqrt(movingVar + eps) and shift = beta - movingMean * scale per
   * channel into {@code st}, computed exactly as the inference forward computes them.
   */
  private CodeBlock affine() {
    CodeBlock.Builder b = CodeBlock.builder();
    b.beginControlFlow("for (int c = 0; c < $L; c++)", c);
    b.addStatement(
        "float inv = (float) (1.0 / Math.sqrt(w[$L + c] + $L))",
        site.param(ParamKind.MOVING_VARIANCE),
        spec.epsilon());
    b.addStatement(
        "float scale = $L",
        spec.scale() ? CodeBlock.of("w[$L + c] * inv", site.param(ParamKind.GAMMA)) : "inv");
    b.addStatement("st[$L + c] = scale", st);
    b.addStatement(
        "st[$L + $L + c] = $L - w[$L + c] * scale",
        st,
        c,
        spec.center() ? CodeBlock.of("w[$L + c]", site.param(ParamKind.BETA)) : "0f",
        site.param(ParamKind.MOVING_MEAN));
    return b.endControlFlow().build();
  }
}

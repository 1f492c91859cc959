package dev.jconv.processor.kind;

import static dev.jconv.processor.emit.Vectors.FLOAT_VECTOR;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.emit.Buffer;
import dev.jconv.processor.emit.Headers;
import dev.jconv.processor.emit.Layout;
import dev.jconv.processor.emit.Offset;
import dev.jconv.processor.emit.Site;
import dev.jconv.processor.emit.Vectors;
import dev.jconv.processor.infer.Inferred;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Node;
import dev.jconv.processor.model.ParamKind;
import dev.jconv.processor.model.ParamSpec;
import dev.jconv.processor.model.Shape;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Keras's {@code BatchNormalization} over the last axis: at inference a per-channel affine from the
 * moving statistics; in training a barrier over the whole batch, with its batch mean, inverse
 * standard deviation and two gradient sums (channels each) in the training statistics array.
 */
final class BatchNormalizationKind extends LayerKind<LayerSpec.BatchNormalization> {
  static final ClassName BATCH_NORMS = ClassName.get("dev.jconv.kernels", "BatchNorms");

  /** Statistics floats per channel: {@code BatchNorms.STATS}. */
  static final int STATS = 8;

  BatchNormalizationKind(LayerSpec.BatchNormalization spec) {
    super(spec);
  }

  static LayerSpec.BatchNormalization read(LayerAttributes a) {
    return new LayerSpec.BatchNormalization(
        a.name(),
        a.from(),
        a.source(),
        a.getDouble("momentum"),
        a.getDouble("epsilon"),
        a.getBoolean("center"),
        a.getBoolean("scale"));
  }

  @Override
  public void checkAttributes(AttributeCheck check) {
    if (!(spec.momentum() >= 0 && spec.momentum() <= 1)) {
      check.add("momentum", Diag.MOMENTUM_RANGE, spec.name(), spec.momentum());
    }
    if (!(spec.epsilon() > 0) || Double.isInfinite(spec.epsilon())) {
      check.add("epsilon", Diag.EPSILON_RANGE, spec.name(), spec.epsilon());
    }
  }

  @Override
  public Inferred infer(List<Shape> inputs, List<String> inputNames) {
    Shape x = inputs.get(0);
    int c = x.c();
    List<ParamSpec> params = new ArrayList<>();
    if (spec.scale()) {
      params.add(ParamSpec.trainable(ParamKind.GAMMA, c));
    }
    if (spec.center()) {
      params.add(ParamSpec.trainable(ParamKind.BETA, c));
    }
    params.add(ParamSpec.fixed(ParamKind.MOVING_MEAN, c));
    params.add(ParamSpec.fixed(ParamKind.MOVING_VARIANCE, c));
    return new Inferred.Ok(x, params);
  }

  @Override
  public void scratch(Node node, Layout.Scratch scratch) {
    scratch.buffer(Buffer.AFFINE, 2 * node.output().c());
    scratch.stats(STATS * node.output().c());
  }

  /** Inference: y = x * scale + shift with scale = gamma / sqrt(var + eps), per channel. */
  @Override
  public CodeBlock scalarForward(Site site) {
    int c = site.out().c();
    CodeBlock.Builder b = CodeBlock.builder().add(affine(site));
    b.beginControlFlow("for (int p = 0; p < $L; p += $L)", site.outSize(), c);
    b.beginControlFlow("for (int c = 0; c < $L; c++)", c);
    b.addStatement("a[yo + p + c] = x[xo + p + c] * a[so + c] + a[so + $L + c]", c);
    b.endControlFlow().endControlFlow();
    return b.build();
  }

  /** The same affine on lanes (not fused, so equal to the scalar twin). */
  @Override
  public CodeBlock simdForward(Site site) {
    int c = site.out().c();
    CodeBlock.Builder b = CodeBlock.builder().add(affine(site));
    b.beginControlFlow("for (int p = 0; p < $L; p += $L)", site.outSize(), c);
    b.addStatement("int c = 0");
    Vectors.lanesLoops(
        b,
        "c",
        c,
        sp ->
            CodeBlock.builder()
                .addStatement(
                    "$T.fromArray($L, x, xo + p + c).mul($T.fromArray($L, a, so + c))"
                        + ".add($T.fromArray($L, a, so + $L + c)).intoArray(a, yo + p + c)",
                    FLOAT_VECTOR,
                    sp,
                    FLOAT_VECTOR,
                    sp,
                    FLOAT_VECTOR,
                    sp,
                    c)
                .build());
    b.beginControlFlow("for (; c < $L; c++)", c);
    b.addStatement("a[yo + p + c] = x[xo + p + c] * a[so + c] + a[so + $L + c]", c);
    b.endControlFlow();
    b.endControlFlow();
    return b.build();
  }

  /**
   * The inference affine per channel into the {@link Buffer#AFFINE} buffer at {@code so}: scale =
   * gamma / sqrt(var + eps), shift = beta - mean * scale.
   */
  private CodeBlock affine(Site site) {
    int c = site.out().c();
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("int so = ao + $L", site.scratch(Buffer.AFFINE));
    b.beginControlFlow("for (int c = 0; c < $L; c++)", c);
    b.addStatement(
        "float inv = (float) (1.0 / Math.sqrt(w[$L + c] + $L))",
        site.param(ParamKind.MOVING_VARIANCE),
        spec.epsilon());
    b.addStatement(
        "float scale = $L",
        spec.scale() ? CodeBlock.of("w[$L + c] * inv", site.param(ParamKind.GAMMA)) : "inv");
    b.addStatement("a[so + c] = scale");
    b.addStatement(
        "a[so + $L + c] = $L - w[$L + c] * scale",
        c,
        spec.center() ? CodeBlock.of("w[$L + c]", site.param(ParamKind.BETA)) : "0f",
        site.param(ParamKind.MOVING_MEAN));
    return b.endControlFlow().build();
  }

  /** Never per example: the training pass runs {@link #batchBackward}. */
  @Override
  public CodeBlock scalarBackward(Site site) {
    throw new UnsupportedOperationException("BatchNormalization trains over the batch");
  }

  @Override
  public Training training() {
    return Training.BATCH;
  }

  /**
   * Training forward over the whole batch: batch mean and (biased) variance per channel, normalise,
   * and move the moving statistics by {@code momentum}; the runtime's {@code BatchNorms} does the
   * work on vector lanes over the channels (or in plain loops without the Vector API).
   */
  @Override
  public MethodSpec trainingForward(Site site) {
    int c = site.out().c();
    long positions = site.outSize() / c;
    Offset st = site.layout().stats(site.node());
    CodeBlock b =
        CodeBlock.builder()
            .addStatement(
                "$T.trainForward(x, xo, xs, a, ao + $L, as, n, $L, $L, w, $L, $L, $L, $L, $L, $L,"
                    + " st, $L)",
                BATCH_NORMS,
                site.outOffset(),
                positions,
                c,
                gamma(site),
                beta(site),
                site.param(ParamKind.MOVING_MEAN),
                site.param(ParamKind.MOVING_VARIANCE),
                spec.momentum(),
                spec.epsilon(),
                st)
            .build();
    return MethodSpec.methodBuilder(site.name() + "ForwardTrain")
        .addModifiers(Modifier.STATIC)
        .addJavadoc(
            "$L",
            Headers.trainingForward(
                site.node(),
                site.layout(),
                "over the {@code n} examples of the batch ({@code xs} and {@code as} apart), writes"
                    + " the batch mean and inverse standard deviation to {@code st["
                    + st
                    + "...]} and moves {@code w["
                    + site.param(ParamKind.MOVING_MEAN)
                    + "...]} and {@code w["
                    + site.param(ParamKind.MOVING_VARIANCE)
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
        .addCode(b)
        .build();
  }

  /** The offset of gamma in the weights, or -1 when the layer does not scale. */
  private CodeBlock gamma(Site site) {
    return spec.scale() ? CodeBlock.of("$L", site.param(ParamKind.GAMMA)) : CodeBlock.of("-1");
  }

  /** The offset of beta in the weights, or -1 when the layer does not centre. */
  private CodeBlock beta(Site site) {
    return spec.center() ? CodeBlock.of("$L", site.param(ParamKind.BETA)) : CodeBlock.of("-1");
  }

  /**
   * Backward in training mode over the whole batch: with M = n * h * w, dx = gamma * invstd / M *
   * (M dy - sum(dy) - xhat * sum(dy xhat)), in the runtime's {@code BatchNorms}.
   */
  @Override
  public MethodSpec batchBackward(Site site) {
    int c = site.out().c();
    long positions = site.outSize() / c;
    Offset st = site.layout().stats(site.node());
    CodeBlock b =
        CodeBlock.builder()
            .addStatement(
                "$T.trainBackward(x, xo, xs, d, dOff + $L, as, dx, dxo, dxs, n, $L, $L, w, $L, $L,"
                    + " g, st, $L)",
                BATCH_NORMS,
                site.outOffset(),
                positions,
                c,
                gamma(site),
                beta(site),
                st)
            .build();
    return MethodSpec.methodBuilder(site.name() + "Backward")
        .addModifiers(Modifier.STATIC)
        .addJavadoc(
            "$L<br>Over the batch: reads the statistics at {@code st[$L...]} that its training"
                + " forward wrote, and writes the two gradient sums after them.\n",
            Headers.backward(site.node(), site.layout()),
            st)
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
        .addCode(b)
        .build();
  }

  /**
   * The training forward of this layer while frozen: inference mode, as Keras runs a frozen
   * BatchNormalization (moving statistics, not updated); same signature as {@link
   * #trainingForward}.
   */
  @Override
  public MethodSpec frozenTrainingForward(Site site) {
    return new FrozenBatchNormalization(spec, site).forward();
  }

  /**
   * The backward of this layer while frozen: {@code dx = dy * gamma / sqrt(movingVar + eps)}, no
   * gamma or beta gradients; same signature as {@link #batchBackward}.
   */
  @Override
  public MethodSpec frozenBatchBackward(Site site) {
    return new FrozenBatchNormalization(spec, site).backward();
  }
}

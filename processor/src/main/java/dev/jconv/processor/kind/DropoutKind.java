package dev.jconv.processor.kind;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.emit.Buffer;
import dev.jconv.processor.emit.Headers;
import dev.jconv.processor.emit.Layout;
import dev.jconv.processor.emit.Loops;
import dev.jconv.processor.emit.Site;
import dev.jconv.processor.emit.Vectors;
import dev.jconv.processor.infer.Inferred;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Node;
import dev.jconv.processor.model.Shape;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Keras's {@code Dropout}: the identity at inference; in training, inverted dropout with a mask
 * drawn per example and step from the seed, kept in {@link Buffer#MASK} for the backward pass.
 */
final class DropoutKind extends LayerKind<LayerSpec.Dropout> {
  private static final ClassName DROPOUTS = ClassName.get("dev.jconv.kernels", "Dropouts");

  DropoutKind(LayerSpec.Dropout spec) {
    super(spec);
  }

  static LayerSpec.Dropout read(LayerAttributes a) {
    return new LayerSpec.Dropout(a.name(), a.from(), a.source(), a.getDouble("rate"));
  }

  @Override
  public void checkAttributes(AttributeCheck check) {
    if (!(spec.rate() >= 0 && spec.rate() < 1)) {
      check.add("rate", Diag.RATE_RANGE, spec.name(), spec.rate());
    }
  }

  @Override
  public Inferred infer(List<Shape> inputs, List<String> inputNames) {
    return new Inferred.Ok(inputs.get(0), List.of());
  }

  @Override
  public void scratch(Node node, Layout.Scratch scratch) {
    scratch.buffer(Buffer.MASK, Math.toIntExact(node.output().size()));
  }

  @Override
  public CodeBlock scalarForward(Site site) {
    return FlattenKind.copy(site);
  }

  @Override
  public CodeBlock scalarBackward(Site site) {
    return CodeBlock.builder()
        .addStatement("int mo = ao + $L", site.scratch(Buffer.MASK))
        .add(Loops.guarded(Loops.loop(site.outSize(), "dx[dxo + i] += d[dyo + i] * a[mo + i]")))
        .build();
  }

  /** {@code dx += dy * mask} on lanes. */
  @Override
  public CodeBlock simdBackward(Site site) {
    return CodeBlock.builder()
        .addStatement("int mo = ao + $L", site.scratch(Buffer.MASK))
        .add(Loops.guarded(Vectors.addInto(site.outSize(), "dx", "dxo", "d", "dyo", "a", "mo")))
        .build();
  }

  /** A copy: the scalar twin is as fast. */
  @Override
  public CodeBlock simdForward(Site site) {
    return null;
  }

  @Override
  public Training training() {
    return Training.OWN_FORWARD;
  }

  /** A fresh inverted mask per example and step; the layer's index keeps masks independent. */
  @Override
  public MethodSpec trainingForward(Site site) {
    int n = site.outSize();
    return MethodSpec.methodBuilder(site.name() + "ForwardTrain")
        .addModifiers(Modifier.STATIC)
        .addJavadoc(
            "$L",
            Headers.trainingForward(
                site.node(),
                site.layout(),
                "y = x * mask, the mask in {0, 1 / (1 - rate)} drawn into {@code a[ao + "
                    + site.scratch(Buffer.MASK)
                    + "...]} from {@code seed}, the layer's index and {@code example}"))
        .addParameter(float[].class, "x")
        .addParameter(int.class, "xo")
        .addParameter(float[].class, "a")
        .addParameter(int.class, "ao")
        .addParameter(long.class, "seed")
        .addParameter(int.class, "example")
        .addStatement("int yo = ao + $L", site.outOffset())
        .addStatement("int mo = ao + $L", site.scratch(Buffer.MASK))
        .addStatement(
            "$T.mask(a, mo, $L, $Lf, seed, $L, example)",
            DROPOUTS,
            n,
            (float) spec.rate(),
            site.index())
        .beginControlFlow("for (int i = 0; i < $L; i++)", n)
        .addStatement("a[yo + i] = x[xo + i] * a[mo + i]")
        .endControlFlow()
        .build();
  }
}

package dev.jconv.processor.kind;

import static dev.jconv.processor.emit.Vectors.FLOAT_VECTOR;

import com.palantir.javapoet.CodeBlock;
import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.emit.Loops;
import dev.jconv.processor.emit.Site;
import dev.jconv.processor.emit.Vectors;
import dev.jconv.processor.infer.Inferred;
import dev.jconv.processor.infer.LayerInference;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Shape;
import java.util.List;

/** Keras's {@code Add}: the elementwise sum of inputs of one shape. */
final class AddKind extends LayerKind<LayerSpec.Add> {
  AddKind(LayerSpec.Add spec) {
    super(spec);
  }

  static LayerSpec.Add read(LayerAttributes a) {
    return new LayerSpec.Add(a.name(), a.getStrings("from"), a.source());
  }

  @Override
  public Inferred infer(List<Shape> inputs, List<String> inputNames) {
    for (Shape s : inputs) {
      if (!s.equals(inputs.get(0))) {
        return LayerInference.fail(
            spec, "from", Diag.ADD_SHAPES, spec.name(), LayerInference.listShapes(spec, inputs));
      }
    }
    return new Inferred.Ok(inputs.get(0), List.of());
  }

  @Override
  public CodeBlock scalarForward(Site site) {
    return Loops.loop(site.outSize(), "a[yo + i] = " + sum(site));
  }

  @Override
  public CodeBlock scalarBackward(Site site) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (int i = 0; i < site.node().inputs().size(); i++) {
      b.beginControlFlow("if (dx$L != null)", i);
      b.add(Loops.loop(site.outSize(), "dx" + i + "[dx" + i + "o + i] += d[dyo + i]"));
      b.endControlFlow();
    }
    return b.build();
  }

  /** Each wanted input gradient gets the output gradient, on lanes. */
  @Override
  public CodeBlock simdBackward(Site site) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (int i = 0; i < site.node().inputs().size(); i++) {
      b.beginControlFlow("if (dx$L != null)", i);
      b.add(Vectors.addInto(site.outSize(), "dx" + i, "dx" + i + "o", "d", "dyo", null, null));
      b.endControlFlow();
    }
    return b.build();
  }

  @Override
  public CodeBlock simdForward(Site site) {
    int inputs = site.node().inputs().size();
    return Vectors.elementwise(
        site.outSize(),
        sp -> {
          CodeBlock.Builder vsum =
              CodeBlock.builder().add("$T.fromArray($L, x0, x0o + i)", FLOAT_VECTOR, sp);
          for (int i = 1; i < inputs; i++) {
            vsum.add(".add($T.fromArray($L, x$L, x$Lo + i))", FLOAT_VECTOR, sp, i, i);
          }
          return CodeBlock.of("$L.intoArray(a, yo + i);\n", vsum.build());
        },
        CodeBlock.builder().addStatement("a[yo + i] = $L", sum(site)).build());
  }

  /** {@code x0[x0o + i] + x1[x1o + i] + ...} */
  private static String sum(Site site) {
    StringBuilder sum = new StringBuilder("x0[x0o + i]");
    for (int i = 1; i < site.node().inputs().size(); i++) {
      sum.append(" + x").append(i).append("[x").append(i).append("o + i]");
    }
    return sum.toString();
  }
}

package dev.jconv.processor.kind;

import static dev.jconv.processor.emit.Vectors.FLOAT_VECTOR;

import com.palantir.javapoet.CodeBlock;
import dev.jconv.processor.emit.Loops;
import dev.jconv.processor.emit.Site;
import dev.jconv.processor.emit.Vectors;
import dev.jconv.processor.infer.Inferred;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Shape;
import java.util.List;

/** Keras's {@code Rescaling}: {@code y = x * scale + offset}, elementwise, no parameters. */
final class RescalingKind extends LayerKind<LayerSpec.Rescaling> {
  RescalingKind(LayerSpec.Rescaling spec) {
    super(spec);
  }

  static LayerSpec.Rescaling read(LayerAttributes a) {
    return new LayerSpec.Rescaling(
        a.name(), a.from(), a.source(), a.getDouble("scale"), a.getDouble("offset"));
  }

  @Override
  public Inferred infer(List<Shape> inputs, List<String> inputNames) {
    return new Inferred.Ok(inputs.get(0), List.of());
  }

  @Override
  public CodeBlock scalarForward(Site site) {
    return Loops.loop(site.outSize(), "a[yo + i] = " + scalar("x[xo + i]"));
  }

  /** dx = dy * scale. */
  @Override
  public CodeBlock scalarBackward(Site site) {
    return Loops.guarded(Loops.loop(site.outSize(), "dx[dxo + i] += " + times("d[dyo + i]")));
  }

  /** dx += dy * scale on lanes. */
  @Override
  public CodeBlock simdBackward(Site site) {
    return Loops.guarded(
        Vectors.elementwise(
            site.outSize(),
            sp -> {
              CodeBlock.Builder v =
                  CodeBlock.builder().add("$T.fromArray($L, d, dyo + i)", FLOAT_VECTOR, sp);
              if (spec.scale() != 1) {
                v.add(".mul($L)", Loops.floatLiteral(spec.scale()));
              }
              return CodeBlock.of(
                  "$L.add($T.fromArray($L, dx, dxo + i)).intoArray(dx, dxo + i);\n",
                  v.build(),
                  FLOAT_VECTOR,
                  sp);
            },
            CodeBlock.of("dx[dxo + i] += $L;\n", times("d[dyo + i]"))));
  }

  /** Multiply and add on lanes, unfused so that it equals the scalar twin. */
  @Override
  public CodeBlock simdForward(Site site) {
    return Vectors.elementwise(
        site.outSize(),
        sp -> {
          CodeBlock.Builder v =
              CodeBlock.builder().add("$T.fromArray($L, x, xo + i)", FLOAT_VECTOR, sp);
          if (spec.scale() != 1) {
            v.add(".mul($L)", Loops.floatLiteral(spec.scale()));
          }
          if (spec.offset() != 0) {
            v.add(".add($L)", Loops.floatLiteral(spec.offset()));
          }
          return CodeBlock.of("$L.intoArray(a, yo + i);\n", v.build());
        },
        CodeBlock.of("a[yo + i] = $L;\n", scalar("x[xo + i]")));
  }

  /** {@code v * scale + offset}, without a factor of 1 or a term of 0. */
  private String scalar(String v) {
    String scaled = times(v);
    if (spec.offset() == 0) {
      return scaled;
    }
    return spec.offset() < 0
        ? scaled + " - " + Loops.floatLiteral(-spec.offset())
        : scaled + " + " + Loops.floatLiteral(spec.offset());
  }

  private String times(String v) {
    return spec.scale() == 1 ? v : v + " * " + Loops.floatLiteral(spec.scale());
  }
}

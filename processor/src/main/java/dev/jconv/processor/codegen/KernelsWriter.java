package dev.jconv.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.jconv.processor.model.Graph;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Node;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes a nested class of static kernels: one forward method per layer and a {@code forward} that
 * runs them in declaration order over one example's workspace.
 */
final class KernelsWriter {
  private static final ClassName SPECIES = ClassName.get("jdk.incubator.vector", "VectorSpecies");

  private KernelsWriter() {}

  /** The {@code Scalar} nested class. */
  static TypeSpec scalar(Graph graph, Layout layout) {
    ScalarForward emitter = new ScalarForward(layout);
    TypeSpec.Builder type =
        TypeSpec.classBuilder("Scalar")
            .addJavadoc("Scalar kernels: plain loops with constant bounds.\n")
            .addModifiers(Modifier.STATIC, Modifier.FINAL)
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addMethod(sequence(graph, layout));
    for (Node node : graph.nodes()) {
      type.addMethod(emitter.forward(node));
    }
    return type.build();
  }

  /**
   * The {@code Simd} nested class: the same methods on {@code FloatVector} lanes. Only a model
   * whose JVM has the module {@code jdk.incubator.vector} may touch it.
   */
  static TypeSpec simd(Graph graph, Layout layout) {
    VectorForward emitter = new VectorForward(layout);
    TypeSpec.Builder type =
        TypeSpec.classBuilder("Simd")
            .addJavadoc(
                "SIMD kernels on {@code FloatVector} lanes along the channels; loaded only when"
                    + " {@code VectorSupport.enabled()}.\n")
            .addModifiers(Modifier.STATIC, Modifier.FINAL)
            .addField(species(graph))
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addMethod(sequence(graph, layout));
    for (Node node : graph.nodes()) {
      type.addMethods(emitter.forward(node));
    }
    return type.build();
  }

  /**
   * The one species of the SIMD kernels: {@code SPECIES_PREFERRED}, capped to the narrowest channel
   * axis the convolution and pooling kernels vectorize (at least 4 lanes). A narrower species would
   * leave those channels to scalar tails, and mixing two vector shapes in one JVM pollutes C2's
   * type profiles in the Vector API so that vectors get boxed (measured: 10x slower).
   */
  private static FieldSpec species(Graph graph) {
    int narrowest = 16;
    for (Node node : graph.nodes()) {
      LayerSpec spec = node.spec();
      Shape3 out = Shape3.of(node.output());
      if (spec instanceof LayerSpec.Conv2D
          || spec instanceof LayerSpec.DepthwiseConv2D
          || spec instanceof LayerSpec.SeparableConv2D
          || spec instanceof LayerSpec.MaxPooling2D
          || spec instanceof LayerSpec.AveragePooling2D) {
        narrowest = Math.min(narrowest, out.c());
      }
    }
    int bits = Math.max(4, Integer.highestOneBit(narrowest)) * Float.SIZE;
    FieldSpec.Builder f =
        FieldSpec.builder(
            ParameterizedTypeName.get(SPECIES, ClassName.get(Float.class)),
            "S",
            Modifier.PRIVATE,
            Modifier.STATIC,
            Modifier.FINAL);
    if (bits >= 512) {
      return f.initializer("$T.SPECIES_PREFERRED", VectorConv.FLOAT_VECTOR).build();
    }
    return f.addJavadoc(
            "The preferred species, at most $L bits: this network's narrowest vectorized channel"
                + " axis has $L channels.\n",
            bits,
            narrowest)
        .initializer(
            "$T.SPECIES_PREFERRED.vectorBitSize() <= $L\n? $T.SPECIES_PREFERRED\n: $T.SPECIES_$L",
            VectorConv.FLOAT_VECTOR,
            bits,
            VectorConv.FLOAT_VECTOR,
            VectorConv.FLOAT_VECTOR,
            bits)
        .build();
  }

  /** {@code forward(w, x, xo, a, ao)}: every layer in order. */
  private static MethodSpec sequence(Graph graph, Layout layout) {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("forward")
            .addJavadoc(
                "Inference on the example at {@code x[xo...]}; outputs land in {@code a} from"
                    + " {@code ao}.\n")
            .addModifiers(Modifier.STATIC)
            .addParameter(float[].class, "w")
            .addParameter(float[].class, "x")
            .addParameter(int.class, "xo")
            .addParameter(float[].class, "a")
            .addParameter(int.class, "ao");
    Map<String, Node> byName = new HashMap<>();
    for (Node node : graph.nodes()) {
      CodeBlock.Builder args = CodeBlock.builder().add("w");
      for (String input : node.inputs()) {
        if (input.equals(Node.INPUT)) {
          args.add(", x, xo");
        } else {
          args.add(", a, ao + $L", layout.out(byName.get(input)));
        }
      }
      args.add(", a, ao");
      m.addStatement("$N($L)", node.name() + "Forward", args.build());
      byName.put(node.name(), node);
    }
    return m.build();
  }
}

package dev.jconv.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.jconv.processor.emit.Layout;
import dev.jconv.processor.kind.Kinds;
import dev.jconv.processor.kind.LayerKind;
import dev.jconv.processor.model.Graph;
import dev.jconv.processor.model.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
    LayerMethods methods = new LayerMethods(graph, layout);
    TypeSpec.Builder type =
        TypeSpec.classBuilder("Scalar")
            .addJavadoc("Scalar kernels: plain loops with constant bounds.\n")
            .addModifiers(Modifier.STATIC, Modifier.FINAL)
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addMethod(sequence(graph, layout));
    for (Node node : graph.nodes()) {
      type.addMethod(methods.scalarForward(node));
    }
    new TrainingWriter(graph, layout).addKernels(type);
    return type.build();
  }

  /**
   * The {@code Simd} nested class: the same methods on {@code FloatVector} lanes. Only a model
   * whose JVM has the module {@code jdk.incubator.vector} may touch it.
   */
  static TypeSpec simd(Graph graph, Layout layout) {
    LayerMethods methods = new LayerMethods(graph, layout);
    TypeSpec.Builder type =
        TypeSpec.classBuilder("Simd")
            .addJavadoc(
                "SIMD kernels on {@code FloatVector} lanes along the channels; loaded only when"
                    + " {@code VectorSupport.enabled()}.\n")
            .addModifiers(Modifier.STATIC, Modifier.FINAL)
            .addField(species())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addMethod(sequence(graph, layout));
    List<FieldSpec> fields = new ArrayList<>();
    for (Node node : graph.nodes()) {
      type.addMethods(methods.simdForward(node));
      if (Kinds.of(node.spec()).training() != LayerKind.Training.BATCH) {
        type.addMethods(methods.simdBackward(node, fields));
        type.addMethods(methods.simdTraining(node, fields));
      }
    }
    // Kinds may declare the same constant from two emitters (forward and backward rows).
    Map<String, FieldSpec> unique = new LinkedHashMap<>();
    for (FieldSpec f : fields) {
      unique.putIfAbsent(f.name(), f);
    }
    type.addFields(unique.values());
    return type.build();
  }

  /**
   * The species of the SIMD kernels: the runtime's one JVM-wide {@code Lanes.SPECIES} (preferred,
   * at most 256 bits), so that every model in a JVM uses the same vector shape; mixing shapes
   * pollutes C2's type profiles in the Vector API so that vectors get boxed (measured: 10x slower,
   * megabytes allocated per call).
   */
  private static FieldSpec species() {
    return FieldSpec.builder(
            ParameterizedTypeName.get(SPECIES, ClassName.get(Float.class)),
            "S",
            Modifier.PRIVATE,
            Modifier.STATIC,
            Modifier.FINAL)
        .initializer("$T.SPECIES", ClassName.get("dev.jconv.kernels", "Lanes"))
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

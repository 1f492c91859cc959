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
            .addField(leadingLanes())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addMethod(sequence(graph, layout));
    List<FieldSpec> fields = new ArrayList<>();
    for (Node node : graph.nodes()) {
      type.addMethods(methods.simdForward(node, fields));
      if (Kinds.of(node.spec()).training() != LayerKind.Training.BATCH) {
        type.addMethods(methods.simdBackward(node, fields));
        type.addMethods(methods.simdTraining(node, fields));
      }
    }
    if (firstRows(graph, methods) >= 0) {
      type.addMethods(forwardRows(graph, layout, methods));
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
   * The species of the SIMD kernels: the runtime's one JVM-wide {@code Lanes.SPECIES} (the CPU's
   * preferred one), so that every model in a JVM uses the same vector shape; mixing shapes pollutes
   * C2's type profiles in the Vector API so that vectors get boxed (measured: 10x slower, megabytes
   * allocated per call).
   */
  /** The bits of masked tails: as many true as lanes, then as many false (see {@code Lanes}). */
  private static FieldSpec leadingLanes() {
    return FieldSpec.builder(
            boolean[].class, "LEAD", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.leadingLanes()", ClassName.get("dev.jconv.kernels", "Lanes"))
        .build();
  }

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

  /**
   * The index of the first layer that has a block forward ({@code fc1ForwardRows}), where batched
   * inference turns layer-major; -1 when none has one.
   */
  static int firstRows(Graph graph, LayerMethods methods) {
    for (int i = 0; i < graph.nodes().size(); i++) {
      if (methods.hasForwardRows(graph.nodes().get(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * {@code forwardRows(w, x, xo, a, rows, ho)}: inference on a block of examples ({@code x} {@code
   * IN} floats apart, workspaces {@code WORKSPACE} apart in {@code a}): the layers before the first
   * block layer example by example ({@code forwardHead}) in the one workspace at {@code a[ho...]},
   * which stays in cache, with the head outputs the block layers read copied to the example's
   * workspace; then the rest layer by layer over the block, so each Dense weight is read once per
   * block. (Running the head in each example's own workspace cycled a block of them, megabytes,
   * through the caches: 1.7x slower for the seed network.)
   */
  private static List<MethodSpec> forwardRows(Graph graph, Layout layout, LayerMethods methods) {
    int first = firstRows(graph, methods);
    long in = graph.network().input().size();
    Map<String, Node> byName = new HashMap<>();
    List<CodeBlock> head = new ArrayList<>();
    List<CodeBlock> tail = new ArrayList<>();
    Map<String, Node> carried = new LinkedHashMap<>();
    for (int i = 0; i < graph.nodes().size(); i++) {
      Node node = graph.nodes().get(i);
      if (i < first) {
        head.add(CodeBlock.of("$NForward($L, a, ao)", node.name(), args(node, layout, byName, "")));
      } else {
        for (String input : node.inputs()) {
          Node from = byName.get(input);
          if (from != null && graph.nodes().indexOf(from) < first) {
            carried.put(input, from);
          }
        }
        if (methods.hasForwardRows(node)) {
          tail.add(
              CodeBlock.of(
                  "$NForwardRows($L, a, 0, rows)", node.name(), args(node, layout, byName, "0")));
        } else {
          tail.add(
              CodeBlock.of(
                  "for (int r = 0; r < rows; r++) $NForward($L, a, r * WORKSPACE)",
                  node.name(),
                  args(node, layout, byName, "r")));
        }
      }
      byName.put(node.name(), node);
    }
    List<MethodSpec> out = new ArrayList<>();
    if (!head.isEmpty()) {
      out.addAll(
          Sequences.of(
              () -> signature("forwardHead", "The layers before the first block layer.\n"),
              "w, x, xo, a, ao",
              head));
      MethodSpec.Builder to =
          signature(
                  "forwardHeadTo",
                  "{@link #forwardHead} in the workspace at {@code a[ho...]}, then the outputs the"
                      + " block layers read from it copied to the workspace at {@code a[ao...]}.\n")
              .addParameter(int.class, "ho")
              .addStatement("forwardHead(w, x, xo, a, ho)");
      for (Node node : carried.values()) {
        to.addStatement(
            "$T.arraycopy(a, ho + $L, a, ao + $L, $L)",
            System.class,
            layout.out(node),
            layout.out(node),
            node.output().size());
      }
      out.add(to.build());
      tail.add(
          0,
          CodeBlock.of(
              "for (int r = 0; r < rows; r++) forwardHeadTo(w, x, xo + r * $L, a, r * WORKSPACE,"
                  + " ho)",
              in));
    }
    out.addAll(
        Sequences.of(
            () ->
                MethodSpec.methodBuilder("forwardRows")
                    .addJavadoc(
                        "Inference on {@code rows} examples from {@code x[xo...]}, $L floats apart;"
                            + " example {@code r}'s outputs land in {@code a} from {@code r *"
                            + " WORKSPACE}; the layers before the first block layer run in the"
                            + " workspace at {@code a[ho...]}.\n",
                        in)
                    .addModifiers(Modifier.STATIC)
                    .addParameter(float[].class, "w")
                    .addParameter(float[].class, "x")
                    .addParameter(int.class, "xo")
                    .addParameter(float[].class, "a")
                    .addParameter(int.class, "rows")
                    .addParameter(int.class, "ho"),
            "w, x, xo, a, rows, ho",
            tail));
    return out;
  }

  /**
   * The weight and input arguments of {@code node}'s forward call; {@code r} is the example in the
   * block ({@code ""}: the single example at {@code xo} and {@code ao}).
   */
  private static CodeBlock args(Node node, Layout layout, Map<String, Node> byName, String r) {
    CodeBlock.Builder args = CodeBlock.builder().add("w");
    for (String input : node.inputs()) {
      if (input.equals(Node.INPUT) && r.isEmpty()) {
        args.add(", x, xo");
      } else if (input.equals(Node.INPUT)) {
        args.add(", x, xo + $L * $L", r, inputSizeOf(node));
      } else if (r.isEmpty()) {
        args.add(", a, ao + $L", layout.out(byName.get(input)));
      } else {
        args.add(", a, $L * WORKSPACE + $L", r, layout.out(byName.get(input)));
      }
    }
    return args.build();
  }

  private static long inputSizeOf(Node node) {
    return node.inputShapes().get(node.inputs().indexOf(Node.INPUT)).size();
  }

  private static MethodSpec.Builder signature(String name, String doc) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc(doc)
        .addModifiers(Modifier.STATIC)
        .addParameter(float[].class, "w")
        .addParameter(float[].class, "x")
        .addParameter(int.class, "xo")
        .addParameter(float[].class, "a")
        .addParameter(int.class, "ao");
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

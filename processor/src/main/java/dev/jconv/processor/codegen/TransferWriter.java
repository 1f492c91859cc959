package dev.jconv.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.jconv.processor.emit.Layout;
import dev.jconv.processor.model.Graph;
import dev.jconv.processor.model.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The transfer-learning parts of a generated model: the layers declared with {@code trainable =
 * false} start frozen, and {@code featuresInto} runs the inference forward pass up to one layer (on
 * the same kernels and per-thread workspace as {@code predictInto}) and copies that layer's output.
 */
final class TransferWriter {
  /**
   * Layers per {@code upTo} method: at about 20 bytes of bytecode per layer this keeps each far
   * below HotSpot's 8,000-byte limit, whatever the depth of the network.
   */
  static final int CHUNK = 128;

  private final Graph graph;
  private final Layout layout;
  private final Map<String, Node> byName = new HashMap<>();

  private TransferWriter(Graph graph, Layout layout) {
    this.graph = graph;
    this.layout = layout;
    for (Node node : graph.nodes()) {
      byName.put(node.name(), node);
    }
  }

  /** The constructor statements that freeze the layers declared with {@code trainable = false}. */
  static CodeBlock declaredFrozen(Graph graph) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (Node node : graph.nodes()) {
      if (graph.network().frozen().contains(node.name())) {
        b.addStatement("super.$N.freeze()", node.name());
      }
    }
    return b.build();
  }

  /**
   * Adds {@code featuresInto}, its tables of output offsets and sizes, and the {@code upTo} methods
   * (scalar, and SIMD when {@code simd}) to {@code model}.
   */
  static void addFeatures(TypeSpec.Builder model, Graph graph, Layout layout, boolean simd) {
    new TransferWriter(graph, layout).add(model, simd);
  }

  private void add(TypeSpec.Builder model, boolean simd) {
    List<Node> nodes = graph.nodes();
    CodeBlock.Builder offsets = CodeBlock.builder();
    CodeBlock.Builder sizes = CodeBlock.builder();
    for (int i = 0; i < nodes.size(); i++) {
      offsets.add(i == 0 ? "$L" : ", $L", layout.out(nodes.get(i)));
      sizes.add(i == 0 ? "$L" : ", $L", nodes.get(i).output().size());
    }
    model.addField(
        table("LAYER_OUTPUTS", "Where each layer's output starts in the workspace", offsets));
    model.addField(table("LAYER_SIZES", "Floats of each layer's output per example", sizes));
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("featuresInto")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(int.class, "index")
            .addParameter(float[].class, "x")
            .addParameter(int.class, "xo")
            .addParameter(float[].class, "y")
            .addParameter(int.class, "yo")
            .addStatement("float[] a = workspaces.get()");
    if (simd) {
      m.beginControlFlow("if (SIMD)")
          .addStatement("simdUpTo(index, weights, x, xo, a)")
          .nextControlFlow("else")
          .addStatement("scalarUpTo(index, weights, x, xo, a)")
          .endControlFlow();
    } else {
      m.addStatement("scalarUpTo(index, weights, x, xo, a)");
    }
    m.addStatement(
        "$T.arraycopy(a, LAYER_OUTPUTS[index], y, yo, LAYER_SIZES[index])", System.class);
    model.addMethod(m.build());
    addUpTo(model, "scalar", "Scalar");
    if (simd) {
      addUpTo(model, "simd", "Simd");
    }
  }

  private static FieldSpec table(String name, String doc, CodeBlock.Builder values) {
    return FieldSpec.builder(int[].class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("$L, by layer index.\n", doc)
        .initializer("{$L}", values.build())
        .build();
  }

  /**
   * {@code scalarUpTo(last, w, x, xo, a)}: the layers from the first to {@code last} in order, in
   * chunks of {@link #CHUNK} layers.
   */
  private void addUpTo(TypeSpec.Builder model, String prefix, String kernels) {
    int count = graph.nodes().size();
    MethodSpec.Builder top =
        upToSignature(prefix + "UpTo")
            .addJavadoc(
                "Inference forward on the {@code $L} kernels from the first layer to layer {@code"
                    + " last}, over one example's workspace {@code a}.\n",
                kernels);
    List<MethodSpec> chunks = new ArrayList<>();
    for (int start = 0, chunk = 0; start < count; start += CHUNK, chunk++) {
      int end = Math.min(count, start + CHUNK);
      String name = prefix + "UpTo" + chunk;
      if (start > 0) {
        top.beginControlFlow("if (last < $L)", start).addStatement("return").endControlFlow();
      }
      top.addStatement("$N(last, w, x, xo, a)", name);
      MethodSpec.Builder m =
          upToSignature(name)
              .addJavadoc("Layers $L to $L of {@code $LUpTo}.\n", start, end - 1, prefix);
      for (int i = start; i < end; i++) {
        m.addStatement("$L.$N($L)", kernels, graph.nodes().get(i).name() + "Forward", args(i));
        if (i < end - 1) {
          m.beginControlFlow("if (last == $L)", i).addStatement("return").endControlFlow();
        }
      }
      chunks.add(m.build());
    }
    model.addMethod(top.build());
    model.addMethods(chunks);
  }

  private static MethodSpec.Builder upToSignature(String name) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(int.class, "last")
        .addParameter(float[].class, "w")
        .addParameter(float[].class, "x")
        .addParameter(int.class, "xo")
        .addParameter(float[].class, "a");
  }

  /** The forward call's arguments of layer {@code i}: its inputs, then the workspace. */
  private CodeBlock args(int i) {
    CodeBlock.Builder args = CodeBlock.builder().add("w");
    for (String input : graph.nodes().get(i).inputs()) {
      if (input.equals(Node.INPUT)) {
        args.add(", x, xo");
      } else {
        args.add(", a, $L", layout.out(byName.get(input)));
      }
    }
    return args.add(", a, 0").build();
  }
}

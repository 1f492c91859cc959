package dev.jconv.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.jconv.processor.emit.Acts;
import dev.jconv.processor.emit.Headers;
import dev.jconv.processor.emit.Layout;
import dev.jconv.processor.emit.Site;
import dev.jconv.processor.kind.Kinds;
import dev.jconv.processor.kind.LayerKind;
import dev.jconv.processor.model.Graph;
import dev.jconv.processor.model.Node;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The methods of one layer, llm.c style, with bodies from its {@link LayerKind}: {@code
 * conv1Forward(w, x, xo, a, ao)} reads its input at {@code x[xo...]} and writes its output at a
 * constant offset of the workspace {@code a} from {@code ao}; {@code conv1Backward(w, g, x, xo, dx,
 * dxo, a, ao, d, dOff)} reads its output gradient at {@code d[dOff + out...]} (the delta workspace
 * mirrors the activation workspace), accumulates parameter gradients into {@code g} and the input
 * gradient into {@code dx} with {@code +=} (fan-out), and skips the input gradient when {@code dx}
 * is null. Merges take {@code x0, x0o, x1, x1o, ...}.
 */
final class LayerMethods {
  private final Graph graph;
  private final Layout layout;

  LayerMethods(Graph graph, Layout layout) {
    this.graph = graph;
    this.layout = layout;
  }

  /** The emitting site of {@code node}; SIMD helper methods go to {@code helpers}. */
  Site site(Node node, List<MethodSpec> helpers) {
    return site(node, helpers, new ArrayList<>());
  }

  /** The emitting site of {@code node}, with helper methods and constants collected. */
  Site site(Node node, List<MethodSpec> helpers, List<FieldSpec> fields) {
    return new Site(
        node,
        layout,
        helpers,
        TrainingWriter.lossFused(graph, node),
        graph.nodes().indexOf(node),
        fields);
  }

  /** {@code conv1Forward} of the {@code Scalar} class. */
  MethodSpec scalarForward(Node node) {
    CodeBlock body = Kinds.of(node.spec()).scalarForward(site(node, new ArrayList<>()));
    return forwardSignature(node)
        .addStatement("int yo = ao + $L", layout.out(node))
        .addCode(body)
        .build();
  }

  /**
   * {@code conv1Forward} of the {@code Simd} class and the helper methods it calls; a layer without
   * a SIMD body calls its scalar twin.
   */
  List<MethodSpec> simdForward(Node node, List<FieldSpec> fields) {
    List<MethodSpec> methods = new ArrayList<>();
    CodeBlock body = Kinds.of(node.spec()).simdForward(site(node, methods, fields));
    MethodSpec.Builder m = forwardSignature(node);
    if (body == null) {
      CodeBlock.Builder args = CodeBlock.builder().add("w");
      args.add(inputs(node, "x, xo", ", x$L, x$Lo"));
      m.addStatement("Scalar.$N($L, a, ao)", node.name() + "Forward", args.build());
    } else {
      m.addStatement("int yo = ao + $L", layout.out(node)).addCode(body);
    }
    methods.add(0, m.build());
    return methods;
  }

  /** {@code conv1Backward} of the {@code Scalar} class. */
  MethodSpec scalarBackward(Node node) {
    Site site = site(node, new ArrayList<>());
    return backward(node, site, Kinds.of(node.spec()).scalarBackward(site));
  }

  /**
   * {@code conv1Backward} of the {@code Simd} class and its helper methods; empty when the layer's
   * kind has no SIMD backward (training then runs the scalar one). Constants go to {@code fields}.
   */
  List<MethodSpec> simdBackward(Node node, List<FieldSpec> fields) {
    List<MethodSpec> methods = new ArrayList<>();
    Site site = site(node, methods, fields);
    CodeBlock body = Kinds.of(node.spec()).simdBackward(site);
    if (body == null) {
      return List.of();
    }
    methods.add(0, backward(node, site, body));
    return methods;
  }

  /** Whether training runs {@code node}'s backward from the {@code Simd} class when it can. */
  boolean hasSimdBackward(Node node) {
    return Kinds.of(node.spec()).simdBackward(site(node, new ArrayList<>())) != null;
  }

  /** Whether training runs {@code node}'s SIMD forward over a block of examples at once. */
  boolean hasForwardRows(Node node) {
    return node.inputs().size() == 1
        && Kinds.of(node.spec()).simdForwardRows(site(node, new ArrayList<>())) != null;
  }

  /** Whether training runs {@code node}'s SIMD backward over a block of examples at once. */
  boolean hasBackwardRows(Node node) {
    return node.inputs().size() == 1
        && Kinds.of(node.spec()).simdBackwardRows(site(node, new ArrayList<>())) != null;
  }

  /** Whether {@code node}'s SIMD backward needs {@code conv1Prepare} once per step. */
  boolean hasPrepare(Node node) {
    return Kinds.of(node.spec()).prepareBackward(site(node, new ArrayList<>())) != null;
  }

  /**
   * The {@code Simd} class's block methods of {@code node} ({@code fc1ForwardRows}, {@code
   * fc1BackwardRows}, {@code conv1Prepare}) and their helpers, for the kinds that have them.
   */
  List<MethodSpec> simdTraining(Node node, List<FieldSpec> fields) {
    List<MethodSpec> methods = new ArrayList<>();
    Site site = site(node, methods, fields);
    LayerKind<?> kind = Kinds.of(node.spec());
    if (hasForwardRows(node)) {
      methods.add(
          MethodSpec.methodBuilder(node.name() + "ForwardRows")
              .addModifiers(Modifier.STATIC)
              .addJavadoc(
                  "{@link #$NForward} over {@code rows} examples at once, {@code x} and {@code a}"
                      + " advancing by $L and {@code WORKSPACE} floats.\n",
                  node.name(),
                  site.inputStride())
              .addParameter(float[].class, "w")
              .addParameter(float[].class, "x")
              .addParameter(int.class, "xo")
              .addParameter(float[].class, "a")
              .addParameter(int.class, "a0")
              .addParameter(int.class, "rows")
              .addCode(kind.simdForwardRows(site))
              .build());
    }
    if (hasBackwardRows(node)) {
      methods.add(
          MethodSpec.methodBuilder(node.name() + "BackwardRows")
              .addModifiers(Modifier.STATIC)
              .addJavadoc(
                  "{@link #$NBackward} over {@code rows} examples at once; null {@code g} or {@code"
                      + " dx}: that gradient is not wanted.\n",
                  node.name())
              .addParameter(float[].class, "w")
              .addParameter(float[].class, "g")
              .addParameter(float[].class, "x")
              .addParameter(int.class, "xo")
              .addParameter(float[].class, "dx")
              .addParameter(int.class, "dxo")
              .addParameter(float[].class, "a")
              .addParameter(int.class, "a0")
              .addParameter(float[].class, "d")
              .addParameter(int.class, "d0")
              .addParameter(int.class, "rows")
              .addParameter(float[].class, "t")
              .addCode(kind.simdBackwardRows(site))
              .build());
    }
    CodeBlock prepare = kind.prepareBackward(site);
    if (prepare != null) {
      methods.add(
          MethodSpec.methodBuilder(node.name() + "Prepare")
              .addModifiers(Modifier.STATIC)
              .addJavadoc(
                  "What {@link #$NBackward} reads from {@code t}, made from the weights once per"
                      + " training step.\n",
                  node.name())
              .addParameter(float[].class, "w")
              .addParameter(float[].class, "t")
              .addCode(prepare)
              .build());
    }
    return methods;
  }

  /** A backward method: the fused activation's gradient, then the layer's {@code body}. */
  private MethodSpec backward(Node node, Site site, CodeBlock body) {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder(node.name() + "Backward")
            .addModifiers(Modifier.STATIC)
            .addJavadoc("$L", Headers.backward(node, layout))
            .addParameter(float[].class, "w")
            .addParameter(float[].class, "g");
    int inputs = node.inputs().size();
    if (inputs == 1) {
      m.addParameter(float[].class, "x").addParameter(int.class, "xo");
      m.addParameter(float[].class, "dx").addParameter(int.class, "dxo");
    } else {
      for (int i = 0; i < inputs; i++) {
        m.addParameter(float[].class, "x" + i).addParameter(int.class, "x" + i + "o");
        m.addParameter(float[].class, "dx" + i).addParameter(int.class, "dx" + i + "o");
      }
    }
    m.addParameter(float[].class, "a").addParameter(int.class, "ao");
    m.addParameter(float[].class, "d").addParameter(int.class, "dOff");
    m.addParameter(float[].class, "t");
    m.addStatement("int yo = ao + $L", layout.out(node));
    m.addStatement("int dyo = dOff + $L", layout.out(node));
    if (!site.lossFused()) {
      m.addCode(Acts.gradient(site));
    }
    return m.addCode(body).build();
  }

  private MethodSpec.Builder forwardSignature(Node node) {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder(node.name() + "Forward")
            .addModifiers(Modifier.STATIC)
            .addJavadoc("$L", Headers.forward(node, layout))
            .addParameter(float[].class, "w");
    int inputs = node.inputs().size();
    if (inputs == 1) {
      m.addParameter(float[].class, "x").addParameter(int.class, "xo");
    } else {
      for (int i = 0; i < inputs; i++) {
        m.addParameter(float[].class, "x" + i).addParameter(int.class, "x" + i + "o");
      }
    }
    return m.addParameter(float[].class, "a").addParameter(int.class, "ao");
  }

  /** The input arguments: {@code one} for a single input, {@code each} per input of a merge. */
  private static CodeBlock inputs(Node node, String one, String each) {
    int inputs = node.inputs().size();
    if (inputs == 1) {
      return CodeBlock.of(", $L", one);
    }
    CodeBlock.Builder b = CodeBlock.builder();
    for (int i = 0; i < inputs; i++) {
      b.add(each, i, i);
    }
    return b.build();
  }
}

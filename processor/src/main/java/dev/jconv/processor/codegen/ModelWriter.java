package dev.jconv.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.jconv.processor.emit.Layout;
import dev.jconv.processor.emit.Offset;
import dev.jconv.processor.kind.Kinds;
import dev.jconv.processor.model.Graph;
import dev.jconv.processor.model.NetworkSpec;
import dev.jconv.processor.model.Node;
import dev.jconv.processor.model.ParamSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Name>Model}: a final subclass of the user's network class that implements {@code
 * dev.jconv.Model}, sets every layer field to its {@code Layer} handle and answers shapes, counts
 * and the summary. One small factory method per layer keeps every method far below HotSpot's
 * 8,000-byte limit whatever the depth of the network.
 */
public final class ModelWriter {
  private static final ClassName LAYER = ClassName.get("dev.jconv", "Layer");
  private static final ClassName PARAM = ClassName.get("dev.jconv", "Param");
  private static final ClassName MODEL = ClassName.get("dev.jconv.compiled", "CompiledModel");
  private static final ClassName VECTOR_SUPPORT =
      ClassName.get("dev.jconv.kernels", "VectorSupport");
  private static final ClassName INITIALIZERS = ClassName.get("dev.jconv.init", "Initializers");
  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");
  private static final ParameterizedTypeName LAYER_LIST =
      ParameterizedTypeName.get(ClassName.get(List.class), LAYER);

  private ModelWriter() {}

  /** The generated source file of {@code graph}'s model, with SIMD kernels. */
  public static JavaFile write(Graph graph, String generator) {
    return write(graph, generator, true);
  }

  /**
   * The generated source file of {@code graph}'s model; with {@code simd} it also has the {@code
   * Simd} kernels, which need the module {@code jdk.incubator.vector} to compile.
   */
  public static JavaFile write(Graph graph, String generator, boolean simd) {
    return write(graph, generator, simd, true);
  }

  /**
   * As {@link #write(Graph, String, boolean)}; without {@code generatedAnnotation} the model does
   * not carry {@code @Generated}, for a module that does not read {@code java.compiler}.
   */
  public static JavaFile write(
      Graph graph, String generator, boolean simd, boolean generatedAnnotation) {
    NetworkSpec network = graph.network();
    Layout layout =
        new Layout(graph, (node, scratch) -> Kinds.of(node.spec()).scratch(node, scratch));
    ClassName user = ClassName.get(network.packageName(), network.className());
    TypeSpec.Builder type =
        TypeSpec.classBuilder(network.modelName())
            .addJavadoc("$L", javadoc(graph))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .superclass(user)
            .addSuperinterface(MODEL)
            .addField(intArray("INPUT_SHAPE", network.input().dims()))
            .addField(intArray("OUTPUT_SHAPE", graph.output().output().dims()))
            .addField(LAYER_LIST, "layers", Modifier.PRIVATE, Modifier.FINAL)
            .addField(
                FieldSpec.builder(int.class, "PARAM_COUNT", Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("Size of the flat weight array.\n")
                    .initializer("$L", layout.paramCount())
                    .build())
            .addField(float[].class, "weights", Modifier.PRIVATE, Modifier.FINAL)
            .addField(
                FieldSpec.builder(int.class, "WORKSPACE", Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc(
                        "Floats of workspace per example: every layer's output and scratch.\n")
                    .initializer("$L", layout.workspaceSize())
                    .build())
            .addField(
                FieldSpec.builder(
                        ParameterizedTypeName.get(ThreadLocal.class, float[].class),
                        "workspaces",
                        Modifier.PRIVATE,
                        Modifier.FINAL)
                    .addJavadoc(
                        "One workspace per thread, so inference is safe from many threads.\n")
                    .initializer("$T.withInitial(() -> new float[WORKSPACE])", ThreadLocal.class)
                    .build())
            .addType(KernelsWriter.scalar(graph, layout));
    if (generatedAnnotation) {
      type.addAnnotation(
          com.palantir.javapoet.AnnotationSpec.builder(GENERATED)
              .addMember("value", "$S", generator)
              .build());
    }
    for (Offset o : layout.constants()) {
      type.addField(
          FieldSpec.builder(int.class, o.name(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("$L ($L floats).\n", o.doc(), o.size())
              .initializer("$L", o.value())
              .build());
    }
    type.addField(
        FieldSpec.builder(int.class, "OUTPUT_OFFSET", Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Where the last layer's output starts in the workspace.\n")
            .initializer("$L", layout.out(graph.output()))
            .build());
    if (simd) {
      type.addType(KernelsWriter.simd(graph, layout))
          .addField(
              FieldSpec.builder(boolean.class, "SIMD", Modifier.PRIVATE, Modifier.STATIC)
                  .addModifiers(Modifier.FINAL)
                  .addJavadoc("Whether this JVM runs the {@code Simd} kernels; decided once.\n")
                  .initializer("$T.enabled()", VECTOR_SUPPORT)
                  .build());
    }
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addJavadoc("A model with Keras's default initialisers and a random seed.\n")
            .addModifiers(Modifier.PUBLIC)
            .addStatement("this($T.nanoTime())", System.class)
            .build());
    type.addMethod(constructor(graph));
    for (Node node : graph.nodes()) {
      type.addMethod(layerFactory(node, layout));
    }
    type.addMethod(
        accessor(
            "name", ClassName.get(String.class), CodeBlock.of("return $S", network.className())));
    type.addMethod(accessor("inputShape", int[].class, CodeBlock.of("return INPUT_SHAPE.clone()")));
    type.addMethod(
        accessor("outputShape", int[].class, CodeBlock.of("return OUTPUT_SHAPE.clone()")));
    type.addMethod(accessor("layers", LAYER_LIST, CodeBlock.of("return layers")));
    // Constants, not products of shape copies: the training step's checks allocate nothing.
    type.addMethod(
        accessor("inputSize", int.class, CodeBlock.of("return $L", network.input().size())));
    type.addMethod(
        accessor(
            "outputSize", int.class, CodeBlock.of("return $L", graph.output().output().size())));
    type.addMethod(
        accessor(
            "outputRank",
            int.class,
            CodeBlock.of("return $L", graph.output().output().dims().length)));
    type.addMethod(accessor("weights", float[].class, CodeBlock.of("return weights")));
    new TrainingWriter(graph, layout, simd).addTo(type);
    TransferWriter.addFeatures(type, graph, layout, simd);
    if (simd) {
      BlockInference.addTo(type, graph, layout);
    }
    type.addMethod(
        MethodSpec.methodBuilder("predictInto")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(float[].class, "x")
            .addParameter(int.class, "xo")
            .addParameter(float[].class, "y")
            .addParameter(int.class, "yo")
            .addStatement("float[] a = workspaces.get()")
            .addCode(
                simd
                    ? CodeBlock.builder()
                        .beginControlFlow("if (SIMD)")
                        .addStatement("Simd.forward(weights, x, xo, a, 0)")
                        .nextControlFlow("else")
                        .addStatement("Scalar.forward(weights, x, xo, a, 0)")
                        .endControlFlow()
                        .build()
                    : CodeBlock.of("Scalar.forward(weights, x, xo, a, 0);\n"))
            .addStatement(
                "$T.arraycopy(a, OUTPUT_OFFSET, y, yo, $L)",
                System.class,
                graph.output().output().size())
            .build());
    return JavaFile.builder(network.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  private static String javadoc(Graph graph) {
    NetworkSpec n = graph.network();
    return String.format(
        Locale.ROOT,
        "The generated model of {@link %s}: input %s, output %s, %,d parameters (%,d"
            + " trainable).\n",
        n.className(),
        n.input(),
        graph.output().output(),
        graph.paramCount(),
        graph.trainableParamCount());
  }

  private static MethodSpec constructor(Graph graph) {
    MethodSpec.Builder ctor =
        MethodSpec.constructorBuilder()
            .addJavadoc(
                "A model with Keras's default initialisers (Glorot-uniform kernels, zero biases,"
                    + " BatchNormalization gamma 1, beta 0, moving mean 0, moving variance 1) drawn"
                    + " from {@code seed}.\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(long.class, "seed");
    CodeBlock.Builder list = CodeBlock.builder();
    for (int i = 0; i < graph.nodes().size(); i++) {
      Node node = graph.nodes().get(i);
      // super.: the user's field, even when it is called like a member of this class (layers).
      ctor.addStatement("super.$N = $N()", node.name(), factoryName(node));
      list.add(i == 0 ? "super.$N" : ", super.$N", node.name());
    }
    ctor.addStatement("this.layers = $T.of($L)", List.class, list.build());
    ctor.addCode(TransferWriter.declaredFrozen(graph));
    ctor.addStatement("this.weights = new float[PARAM_COUNT]");
    ctor.addStatement("$T.kerasDefaults(layers, weights, seed)", INITIALIZERS);
    return ctor.build();
  }

  /** {@code conv1Layer()}: the handle of one layer, with a comment of its shapes. */
  private static MethodSpec layerFactory(Node node, Layout layout) {
    CodeBlock.Builder params = CodeBlock.builder();
    for (int i = 0; i < node.params().size(); i++) {
      ParamSpec p = node.params().get(i);
      params.add(
          i == 0 ? "$L" : ", $L",
          CodeBlock.of(
              "new $T($S, $S, $L, $L, $L)",
              PARAM,
              node.name(),
              p.kind().kerasName(),
              ints(p.shape()),
              p.trainable(),
              layout.param(node, p.kind())));
    }
    CodeBlock inputs = CodeBlock.of("$L", strings(node.inputs()));
    return MethodSpec.methodBuilder(factoryName(node))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(LAYER)
        .addComment(
            "$L ($L): $L -> $L, $L params",
            node.name(),
            node.spec().kerasType(),
            node.inputShapes().size() == 1 ? node.inputShapes().get(0) : node.inputShapes(),
            node.output(),
            String.format(Locale.ROOT, "%,d", node.paramCount()))
        .addStatement(
            "return new $T($S, $S, $L, $T.of($L), $T.of($L))",
            LAYER,
            node.name(),
            node.spec().kerasType(),
            ints(node.output().dims()),
            List.class,
            inputs,
            List.class,
            params.build())
        .build();
  }

  private static String factoryName(Node node) {
    return node.name() + "Layer";
  }

  private static MethodSpec accessor(String name, Object returns, CodeBlock body) {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
    if (returns instanceof Class<?> c) {
      m.returns(c);
    } else {
      m.returns((com.palantir.javapoet.TypeName) returns);
    }
    return m.addStatement(body).build();
  }

  private static FieldSpec intArray(String name, int[] dims) {
    return FieldSpec.builder(int[].class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$L", arrayLiteral(dims))
        .build();
  }

  private static String arrayLiteral(int[] dims) {
    return "{" + Arrays.toString(dims).replace("[", "").replace("]", "") + "}";
  }

  private static CodeBlock ints(int[] dims) {
    return CodeBlock.of("new int[] $L", arrayLiteral(dims));
  }

  private static CodeBlock strings(List<String> names) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (int i = 0; i < names.size(); i++) {
      b.add(i == 0 ? "$S" : ", $S", names.get(i));
    }
    return b.build();
  }
}

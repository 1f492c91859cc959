package dev.jconv.processor.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Activation.Fn;
import dev.jconv.Network;
import dev.jconv.Padding;
import dev.jconv.processor.codegen.ModelWriter;
import dev.jconv.processor.model.IntPair;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.NetworkSpec;
import dev.jconv.processor.model.Shape;
import dev.jconv.processor.model.SourceRef;
import dev.jconv.processor.validate.GraphBuilder;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The registry of layer kinds is complete: every layer annotation in {@code dev.jconv} and every
 * {@link LayerSpec} record has a kind, and every kind emits its forward (scalar and SIMD) and its
 * backward, so a kind left half-done fails here rather than at a user's compile.
 */
class KindsTest {
  /** Annotations of {@code dev.jconv} that are not layers. */
  private static final Set<String> NOT_LAYERS = Set.of("Network");

  private static final SourceRef SRC = SourceRef.NONE;
  private static final IntPair K3 = IntPair.square(3);
  private static final IntPair ONE = IntPair.square(1);
  private static final IntPair TWO = IntPair.square(2);

  /** One small layer per kind, called {@code l}, reading the previous layer or {@code s1, s2}. */
  private static final Map<Class<?>, LayerSpec> SAMPLES = new LinkedHashMap<>();

  static {
    List<String> prev = List.of();
    sample(new LayerSpec.Conv2D("l", prev, SRC, 3, K3, ONE, Padding.SAME, ONE, Fn.SWISH, true));
    sample(
        new LayerSpec.DepthwiseConv2D(
            "l", prev, SRC, K3, ONE, Padding.SAME, 1, ONE, Fn.RELU, true));
    sample(
        new LayerSpec.SeparableConv2D(
            "l", prev, SRC, 5, K3, ONE, Padding.SAME, 1, ONE, Fn.LINEAR, true));
    sample(new LayerSpec.MaxPooling2D("l", prev, SRC, TWO, TWO, Padding.VALID));
    sample(new LayerSpec.AveragePooling2D("l", prev, SRC, TWO, TWO, Padding.SAME));
    sample(new LayerSpec.GlobalAveragePooling2D("l", prev, SRC, false));
    sample(new LayerSpec.GlobalMaxPooling2D("l", prev, SRC, true));
    sample(new LayerSpec.ZeroPadding2D("l", prev, SRC, 1, 0, 2, 1));
    sample(new LayerSpec.Flatten("l", prev, SRC));
    sample(new LayerSpec.Dense("l", prev, SRC, 7, Fn.SOFTMAX, true));
    sample(new LayerSpec.Dropout("l", prev, SRC, 0.5));
    sample(new LayerSpec.BatchNormalization("l", prev, SRC, 0.99, 0.001, true, true));
    sample(new LayerSpec.Activation("l", prev, SRC, Fn.RELU));
    sample(new LayerSpec.Add("l", List.of("s1", "s2"), SRC));
    sample(new LayerSpec.Concatenate("l", List.of("s1", "s2"), SRC));
    sample(new LayerSpec.Rescaling("l", prev, SRC, 0.5, -1.0));
    sample(new LayerSpec.RandomFlip("l", prev, SRC, "horizontal"));
    sample(
        new LayerSpec.RandomTranslation(
            "l", prev, SRC, List.of(0.1), List.of(-0.1, 0.2), "reflect", "bilinear", 0));
    sample(new LayerSpec.RandomRotation("l", prev, SRC, List.of(0.1), "wrap", "nearest", 0));
    sample(
        new LayerSpec.RandomZoom(
            "l", prev, SRC, List.of(0.2), List.of(), "constant", "bilinear", 0.5));
    sample(new LayerSpec.RandomContrast("l", prev, SRC, List.of(0.2), List.of(0.0, 1.0)));
    sample(new LayerSpec.RandomBrightness("l", prev, SRC, List.of(0.2), List.of(0.0, 255.0)));
    sample(new LayerSpec.GaussianNoise("l", prev, SRC, 0.1));
  }

  private static void sample(LayerSpec spec) {
    SAMPLES.put(spec.getClass(), spec);
  }

  @Test
  void everySpecRecordHasAKind() {
    Set<String> records = new TreeSet<>();
    for (Class<?> c : LayerSpec.class.getPermittedSubclasses()) {
      if (c != LayerSpec.Invalid.class) {
        records.add(c.getSimpleName());
      }
    }
    assertEquals(records, names(Kinds.specTypes()), "LayerSpec records without a kind in Kinds");
  }

  @Test
  void everyLayerAnnotationHasAKind() throws IOException, URISyntaxException {
    Set<String> annotations = new TreeSet<>();
    for (Class<?> c : dslClasses()) {
      if (c.isAnnotation() && !NOT_LAYERS.contains(c.getSimpleName())) {
        annotations.add(c.getSimpleName());
      }
    }
    assertTrue(annotations.contains("Conv2D"), "the scan found the DSL: " + annotations);
    assertEquals(
        annotations,
        new TreeSet<>(Kinds.annotations()),
        "annotations of dev.jconv without a layer kind (add a kind to Kinds, or the name to"
            + " NOT_LAYERS when it is not a layer)");
  }

  @Test
  void anAnnotationReadsIntoTheSpecOfTheSameName() {
    assertEquals(new TreeSet<>(Kinds.annotations()), names(Kinds.specTypes()));
  }

  @Test
  void everyKindHasASampleHere() {
    assertEquals(names(Kinds.specTypes()), names(SAMPLES.keySet()), "add a sample above");
  }

  @Test
  void everyKindEmitsItsForwardAndBackward() {
    for (LayerSpec spec : SAMPLES.values()) {
      String source = generate(spec);
      String type = spec.kerasType();
      // Once in Scalar and once in Simd (which may call the scalar twin).
      assertEquals(2, count(source, "static void lForward("), type + ": forward methods");
      // In Scalar, and in Simd when the kind has a SIMD backward, which training then calls.
      int backward = count(source, "static void lBackward(");
      assertTrue(backward == 1 || backward == 2, type + ": backward methods: " + backward);
      assertEquals(
          backward == 2, source.contains("Simd.lBackward("), type + ": SIMD backward call");
      if (Kinds.of(spec).training() != LayerKind.Training.INFERENCE_FORWARD) {
        assertEquals(1, count(source, "static void lForwardTrain("), type + ": training forward");
      }
    }
  }

  /**
   * The model of input (6, 6, 4) -> s1 -> s2 -> l, with a Flatten before a Dense; an augmentation
   * layer reads the input (input -> l -> s1), where it must sit.
   */
  private static String generate(LayerSpec spec) {
    List<LayerSpec> layers = new ArrayList<>();
    if (spec.isAugmentation()) {
      layers.add(spec);
      layers.add(
          new LayerSpec.Conv2D(
              "s1", List.of(), SRC, 4, ONE, ONE, Padding.VALID, ONE, Fn.LINEAR, true));
      return ModelWriter.write(build(layers, spec), "test", true).toString();
    }
    layers.add(
        new LayerSpec.Conv2D(
            "s1", List.of(), SRC, 4, ONE, ONE, Padding.VALID, ONE, Fn.LINEAR, true));
    if (spec instanceof LayerSpec.Dense) {
      layers.add(new LayerSpec.Flatten("s2", List.of(), SRC));
    } else {
      layers.add(
          new LayerSpec.Conv2D(
              "s2", List.of("s1"), SRC, 4, ONE, ONE, Padding.VALID, ONE, Fn.RELU, false));
    }
    layers.add(spec);
    return ModelWriter.write(build(layers, spec), "test", true).toString();
  }

  private static dev.jconv.processor.model.Graph build(List<LayerSpec> layers, LayerSpec spec) {
    NetworkSpec network =
        new NetworkSpec("p", "Net", "NetModel", SRC, Shape.of(6, 6, 4), -1, layers);
    GraphBuilder.Result result = GraphBuilder.build(network);
    assertNotNull(result.graph(), () -> spec.kerasType() + ": " + result.reports());
    return result.graph();
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  private static Set<String> names(Iterable<Class<?>> classes) {
    Set<String> out = new TreeSet<>();
    for (Class<?> c : classes) {
      out.add(c.getSimpleName());
    }
    return out;
  }

  /** The top-level classes of {@code dev.jconv}, from the runtime's classes or jar. */
  private static List<Class<?>> dslClasses() throws IOException, URISyntaxException {
    Path where = Path.of(Network.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(where)) {
      try (Stream<Path> files = Files.list(where.resolve("dev/jconv"))) {
        files.map(p -> p.getFileName().toString()).forEach(names::add);
      }
    } else {
      try (JarFile jar = new JarFile(where.toFile())) {
        jar.stream()
            .map(e -> e.getName())
            .filter(n -> n.startsWith("dev/jconv/") && n.indexOf('/', 10) < 0)
            .map(n -> n.substring(10))
            .forEach(names::add);
      }
    }
    List<Class<?>> classes = new ArrayList<>();
    for (String n : names) {
      if (n.endsWith(".class") && !n.contains("$") && !n.equals("package-info.class")) {
        try {
          classes.add(Class.forName("dev.jconv." + n.substring(0, n.length() - 6)));
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return classes;
  }
}

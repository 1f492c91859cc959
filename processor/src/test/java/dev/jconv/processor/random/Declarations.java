package dev.jconv.processor.random;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A seeded generator of {@code @Network} declarations: valid ones built by tracking every tensor's
 * shape layer by layer, and invalid ones with exactly one planted mistake whose diagnostic id and
 * line are known, so a test can check that the error lands on the right element.
 *
 * <p>Valid declarations use every layer kind of the DSL with random attributes: kernel and pool
 * windows of one or two sizes, strides, SAME and VALID padding, dilation, depth multipliers, {@code
 * useBias}, {@code trainable = false}, BatchNormalization's {@code center}, {@code scale}, {@code
 * momentum} and {@code epsilon}, {@code keepdims}, ZeroPadding2D's 1, 2 or 4 values; a prefix of
 * augmentation and Rescaling layers at the input; branches joined by Add or Concatenate through
 * {@code from}, skip connections to earlier tensors; field names that are tricky Java identifiers;
 * and members besides the layers (plain fields, methods, nested types), some named like what the
 * generated model declares or uses. Lines holding a type-like field name or such a member may get a
 * {@code jconv.member-clash} error instead of compiling ({@link Decl#mayClash}). Shapes stay small
 * (sides up to 12, a few channels) so that each model compiles quickly.
 */
final class Declarations {
  /** Lines before the class: package and the DSL imports. */
  static final List<String> PREAMBLE =
      List.of(
          "package test;",
          "import dev.jconv.*;",
          "import static dev.jconv.Padding.*;",
          "import static dev.jconv.Activation.Fn.*;");

  /**
   * One declaration: its source lines (from the {@code @Network} line to the closing brace); for an
   * invalid one the expected diagnostic id and the 1-based line (counting the preamble) it must be
   * reported on; and the 1-based lines on which a {@code jconv.member-clash} error is acceptable.
   */
  record Decl(
      String className,
      List<String> lines,
      String expectedId,
      int expectedLine,
      Set<Integer> mayClash) {
    boolean valid() {
      return expectedId == null;
    }
  }

  /**
   * Field names that are legal Java identifiers: the first ones must work as layer names; those
   * from "List" on are named like types that generated code may use, so they either work or get a
   * {@code jconv.member-clash} error on the field.
   */
  static final String[] TRICKY_NAMES = {
    "block_1_expand_BN",
    "_x",
    "a$b",
    "$",
    "x$",
    "$1",
    "__",
    "weights",
    "layers",
    "name",
    "i",
    "n",
    "x",
    "y",
    "d",
    "g",
    "a",
    "grads",
    "seed",
    "out",
    "in",
    "tmp",
    "acc",
    "w",
    "b",
    "o",
    "k",
    "c",
    "h",
    "s",
    "sp",
    "xo",
    "yo",
    "dxo",
    "dyo",
    "ao",
    "from",
    "to",
    "chunk",
    "phase",
    "example",
    "passN",
    "trainA",
    "workspaces",
    "SIMD",
    "AUX",
    "STATS",
    "WORKSPACE",
    "PARAM_COUNT",
    "OUTPUT_OFFSET",
    "INPUT_SHAPE",
    "L0_OUT",
    "SPECIES",
    "List",
    "Math",
    "Float",
    "System",
    "Arrays",
    "Objects",
    "Integer",
    "String",
    "Override",
    "Blas",
    "Lanes",
    "Scalar",
    "Simd",
    "FloatVector",
    "VectorSpecies",
    "VectorSupport",
    "Parallel",
    "Param",
    "Layer",
    "Model",
    "ThreadLocal",
    "Generated"
  };

  /** Whether {@code name} is one of the type-like names that may clash with generated code. */
  static boolean typeLike(String name) {
    return Character.isUpperCase(name.charAt(0)) && !name.equals(name.toUpperCase());
  }

  /**
   * Members besides the layers: {@code %s} is a name. The first are harmless; the rest are named
   * like members of the generated model and so may compile or get a member-clash error.
   */
  private static final String[] MEMBERS = {
    "  int %s;",
    "  static final int %s = 3;",
    "  protected float[] %s() { return new float[1]; }",
    "  static int %s(int a) { return a; }",
    "  static final class %s {}",
    "  interface %s {}",
    "  public String %s() { return \"x\"; }"
  };

  private static final String[] MEMBER_NAMES = {
    "count",
    "helper",
    "Helper",
    "describe",
    "weights",
    "layers",
    "name",
    "summary",
    "predict",
    "run",
    "loss",
    "pass",
    "l0Layer",
    "l0Forward",
    "l0Train",
    "l0Back",
    "forwardTrain0",
    "passChunk",
    "ensureCapacity",
    "Scalar",
    "Simd",
    "Math",
    "List",
    "Param",
    "Lanes",
    "SIMD",
    "WORKSPACE",
    "inputSize",
    "outputShape",
    "paramCount",
    "save",
    "freeze"
  };

  /** Planted mistakes: the diagnostic id each must produce (without the "jconv." prefix). */
  static final String[] FAULTS = {
    "non-positive",
    "rate-range",
    "from-unknown",
    "field-modifier",
    "reserved-name",
    "momentum-range",
    "epsilon-range",
    "kernel-too-large",
    "pool-too-large",
    "dense-needs-flat",
    "params-mismatch",
    "field-type",
    "from-self",
    "from-later",
    "add-shapes",
    "concat-shapes",
    "merge-inputs",
    "needs-image",
    "negative",
    "strides-with-dilation",
    "augmentation-not-at-input",
    "augmentation-range",
    "unknown-mode"
  };

  private static final String[] ACTIVATIONS = {
    "LINEAR", "RELU", "RELU6", "LEAKY_RELU", "ELU", "SIGMOID", "TANH", "SOFTMAX", "SWISH"
  };

  private static final int MAX_FIELDS = 12;

  private final SplittableRandom random;
  private final boolean trickyNames;

  Declarations(long seed, boolean trickyNames) {
    this.random = new SplittableRandom(seed);
    this.trickyNames = trickyNames;
  }

  /** A declaration named {@code className}; invalid with probability one half. */
  Decl next(String className) {
    String fault = random.nextBoolean() ? FAULTS[random.nextInt(FAULTS.length)] : null;
    return new Net(className, random.split(), trickyNames, fault).build();
  }

  /** A tensor's shape: an image (h, w, c) or a vector of c. */
  private record Shape(int h, int w, int c, boolean image) {
    static Shape vector(int c) {
      return new Shape(1, 1, c, false);
    }

    int size() {
      return h * w * c;
    }

    String text() {
      return image ? "{" + h + ", " + w + ", " + c + "}" : "{" + c + "}";
    }
  }

  /** A network under construction: every tensor's shape and the member lines so far. */
  private static final class Net {
    final String className;
    final SplittableRandom r;
    final boolean trickyNames;
    final List<String> lines = new ArrayList<>();
    final Set<Integer> mayClash = new HashSet<>();
    final Map<String, Shape> shapes = new LinkedHashMap<>();
    final Set<String> used = new HashSet<>();

    /** Tensors that are the input or reached from it through augmentation or Rescaling only. */
    final Set<String> atInput = new HashSet<>(Set.of("input"));

    final Shape input;
    String fault;
    String faultId;
    int faultLine = -1; // index in lines, or -2 for the @Network line
    boolean wrongParams;
    String current = "input";
    int layersSoFar;
    int nameCounter;

    Net(String className, SplittableRandom r, boolean trickyNames, String fault) {
      this.className = className;
      this.r = r;
      this.trickyNames = trickyNames;
      this.fault = fault;
      if (r.nextInt(4) != 0) {
        input = new Shape(1 + r.nextInt(12), 1 + r.nextInt(12), 1 + r.nextInt(4), true);
      } else {
        input = Shape.vector(1 + r.nextInt(20));
      }
      shapes.put("input", input);
      used.add("input");
    }

    Decl build() {
      if ("params-mismatch".equals(fault)) {
        wrongParams = true;
        faultId = fault;
        faultLine = -2;
        fault = null;
      }
      boolean augmentationFault =
          "augmentation-range".equals(fault) || "unknown-mode".equals(fault);
      if (augmentationFault || r.nextInt(4) == 0) {
        augmentationPrefix();
      }
      int steps = 1 + r.nextInt(6);
      int plantAt = r.nextInt(steps);
      for (int i = 0; i < steps && layersSoFar < MAX_FIELDS; i++) {
        step(i == plantAt, i == steps - 1);
      }
      if (fault != null && faultId == null) {
        fault = null; // the mistake did not fit this network: it stays valid
      }
      if (r.nextInt(5) == 0) {
        member();
      }
      List<String> all = new ArrayList<>();
      all.add(
          "@Network(input = " + input.text() + (wrongParams ? ", params = 123456789" : "") + ")");
      all.add("public abstract class " + className + " {");
      all.addAll(lines);
      all.add("}");
      int first = PREAMBLE.size() + 3; // the 1-based line of lines.get(0)
      Set<Integer> clash = new HashSet<>();
      for (int i : mayClash) {
        clash.add(first + i);
      }
      if (faultId == null) {
        return new Decl(className, all, null, -1, Set.copyOf(clash));
      }
      int line = faultLine == -2 ? PREAMBLE.size() + 1 : first + faultLine;
      return new Decl(className, all, "jconv." + faultId, line, Set.copyOf(clash));
    }

    // ---- names and lines

    private String newName() {
      if (trickyNames && r.nextInt(3) == 0) {
        String t = TRICKY_NAMES[r.nextInt(TRICKY_NAMES.length)];
        if (!used.contains(t)) {
          used.add(t);
          return t;
        }
      }
      String name;
      do {
        name = "l" + nameCounter++;
      } while (used.contains(name));
      used.add(name);
      return name;
    }

    /** Adds a layer field; returns its name. {@code out} null means the shape did not change. */
    private String layer(String annotation, String name, Shape out, String from) {
      String attrs = annotation;
      if (from != null && annotation.startsWith("@Activation(") && !annotation.contains("value")) {
        attrs = "@Activation(value = " + annotation.substring("@Activation(".length());
      }
      if (from != null) {
        attrs = withAttribute(attrs, "from = " + from);
      }
      if (typeLike(name)) {
        mayClash.add(lines.size());
      }
      String in = from == null ? current : from.substring(1, from.length() - 1);
      if (atInput.contains(in) && isAugmentationOrRescaling(annotation)) {
        atInput.add(name);
      }
      lines.add("  " + attrs + " Layer " + name + ";");
      shapes.put(name, out);
      current = name;
      layersSoFar++;
      return name;
    }

    private static boolean isAugmentationOrRescaling(String annotation) {
      return annotation.startsWith("@Random")
          || annotation.startsWith("@GaussianNoise")
          || annotation.startsWith("@Rescaling");
    }

    private static String withAttribute(String annotation, String attribute) {
      if (annotation.endsWith(")")) {
        return annotation.substring(0, annotation.length() - 1) + ", " + attribute + ")";
      }
      return annotation + "(" + attribute + ")";
    }

    private static String quote(String name) {
      return "\"" + name + "\"";
    }

    private void plant(String id) {
      faultId = id;
      faultLine = lines.size();
      fault = null;
    }

    private Shape cur() {
      return shapes.get(current);
    }

    // ---- structure

    private void augmentationPrefix() {
      int n = 1 + r.nextInt(2);
      for (int i = 0; i < n; i++) {
        String from = i == 0 && r.nextInt(3) == 0 ? quote("input") : null;
        String a;
        if ("augmentation-range".equals(fault)) {
          plant(fault);
          a =
              switch (r.nextInt(4)) {
                case 0 -> "@GaussianNoise(stddev = -0.5)";
                case 1 ->
                    input.image
                        ? "@RandomRotation(factor = {0.3, 0.1})"
                        : "@GaussianNoise(stddev = -1.0)";
                case 2 ->
                    input.image
                        ? "@RandomTranslation(heightFactor = 1.5, widthFactor = 0.1)"
                        : "@GaussianNoise(stddev = -2.0)";
                default ->
                    input.image ? "@RandomContrast(factor = 2.0)" : "@GaussianNoise(stddev = -3.0)";
              };
        } else if ("unknown-mode".equals(fault) && input.image) {
          plant(fault);
          a =
              r.nextBoolean()
                  ? "@RandomFlip(mode = \"diagonal\")"
                  : "@RandomZoom(heightFactor = 0.2, fillMode = \"mirror\")";
        } else {
          a = input.image ? augmentation() : vectorAugmentation();
        }
        layer(a, newName(), cur(), from);
      }
    }

    private String augmentation() {
      return switch (r.nextInt(8)) {
        case 0 ->
            "@RandomFlip"
                + pick(
                    "",
                    "(mode = \"horizontal\")",
                    "(mode = \"vertical\")",
                    "(mode = \"horizontal_and_vertical\")");
        case 1 ->
            "@RandomTranslation(heightFactor = "
                + factor(0.3)
                + ", widthFactor = "
                + factor(0.3)
                + sampling()
                + ")";
        case 2 -> "@RandomRotation(factor = " + factor(0.5) + sampling() + ")";
        case 3 ->
            "@RandomZoom(heightFactor = "
                + factor(0.3)
                + (r.nextBoolean() ? ", widthFactor = " + factor(0.3) : "")
                + sampling()
                + ")";
        case 4 -> "@RandomContrast(factor = " + pick("0.2", "0.5", "{0.1, 0.3}", "0") + ")";
        case 5 ->
            "@RandomBrightness(factor = "
                + pick("0.2", "{-0.1, 0.3}", "0")
                + (r.nextBoolean() ? ", valueRange = {0, 1}" : "")
                + ")";
        case 6 -> "@GaussianNoise(stddev = " + pick("0.1", "0", "1.5") + ")";
        default -> rescaling();
      };
    }

    private String vectorAugmentation() {
      return r.nextBoolean()
          ? "@GaussianNoise(stddev = " + pick("0.1", "0.0", "2") + ")"
          : rescaling();
    }

    private String rescaling() {
      return "@Rescaling(scale = "
          + pick("0.00392156862745098", "2.0", "-1", "0.5")
          + (r.nextBoolean() ? ", offset = " + pick("-1", "0.5", "0.0") : "")
          + ")";
    }

    private String factor(double max) {
      double a = Math.round(r.nextDouble() * max * 100) / 100.0;
      if (r.nextBoolean()) {
        return Double.toString(a);
      }
      double b = Math.round(r.nextDouble() * max * 100) / 100.0;
      return "{" + (-a) + ", " + b + "}";
    }

    private String sampling() {
      StringBuilder s = new StringBuilder();
      if (r.nextBoolean()) {
        s.append(", fillMode = ")
            .append(pick("\"reflect\"", "\"wrap\"", "\"constant\"", "\"nearest\""));
      }
      if (r.nextInt(3) == 0) {
        s.append(", interpolation = ").append(pick("\"bilinear\"", "\"nearest\""));
      }
      if (r.nextInt(4) == 0) {
        s.append(", fillValue = ").append(pick("0.5", "-1.0", "255"));
      }
      return s.toString();
    }

    private String pick(String... options) {
      return options[r.nextInt(options.length)];
    }

    private void member() {
      String template = MEMBERS[r.nextInt(MEMBERS.length)];
      String name = MEMBER_NAMES[r.nextInt(MEMBER_NAMES.length)];
      boolean isType = template.contains("class %s") || template.contains("interface %s");
      if (isType != Character.isUpperCase(name.charAt(0)) || used.contains(name)) {
        return; // types get type-like names, other members lower-case ones
      }
      used.add(name);
      // Harmless names ("count", "helper", "Helper", "describe") must compile; others may clash.
      if (!List.of("count", "helper", "Helper", "describe").contains(name)) {
        mayClash.add(lines.size());
      }
      lines.add(String.format(template, name));
    }

    /** One step: a single layer, or branches and their merge; plants the fault when asked. */
    private void step(boolean plantHere, boolean last) {
      if (plantHere && fault != null && plantFault()) {
        return;
      }
      Shape s = cur();
      if (layersSoFar + 4 <= MAX_FIELDS && r.nextInt(6) == 0) {
        merge(r.nextBoolean());
      } else if (s.image && (last ? r.nextBoolean() : r.nextInt(8) == 0)) {
        flatten();
      } else {
        single(s);
      }
    }

    private void single(Shape s) {
      String from = r.nextInt(8) == 0 ? quote(current) : null; // explicit from the previous
      if (!s.image) {
        vectorLayer(s, from);
        return;
      }
      switch (r.nextInt(12)) {
        case 0, 1, 2 -> conv(s, from, "Conv2D");
        case 3 -> conv(s, from, "DepthwiseConv2D");
        case 4 -> conv(s, from, "SeparableConv2D");
        case 5, 6 -> pool(s, from);
        case 7 -> zeroPadding(s, from);
        default -> layer(common(), newName(), s, from);
      }
    }

    private void flatten() {
      Shape s = cur();
      switch (r.nextInt(3)) {
        case 0 -> layer("@Flatten", newName(), Shape.vector(s.size()), null);
        case 1 -> {
          boolean keep = r.nextInt(3) == 0;
          String a = "@GlobalAveragePooling2D" + (keep ? "(keepdims = true)" : "");
          layer(a, newName(), keep ? new Shape(1, 1, s.c, true) : Shape.vector(s.c), null);
        }
        default -> {
          boolean keep = r.nextInt(3) == 0;
          String a = "@GlobalMaxPooling2D" + (keep ? "(keepdims = true)" : "");
          layer(a, newName(), keep ? new Shape(1, 1, s.c, true) : Shape.vector(s.c), null);
        }
      }
    }

    private void vectorLayer(Shape s, String from) {
      switch (r.nextInt(6)) {
        case 0, 1, 2 -> {
          int units = 1 + r.nextInt(6);
          layer(dense(units), newName(), Shape.vector(units), from);
        }
        case 3 -> layer(r.nextBoolean() ? "@Flatten" : rescaling(), newName(), s, from);
        default -> layer(common(), newName(), s, from);
      }
    }

    private String dense(int units) {
      return "@Dense(units = "
          + units
          + activation()
          + (r.nextInt(5) == 0 ? ", useBias = false" : "")
          + trainable()
          + ")";
    }

    private String activation() {
      return r.nextInt(3) == 0
          ? ""
          : ", activation = " + ACTIVATIONS[r.nextInt(ACTIVATIONS.length)];
    }

    private String trainable() {
      return r.nextInt(6) == 0 ? ", trainable = false" : "";
    }

    /** Layers that keep the shape: BatchNormalization, Activation, Dropout, Rescaling. */
    private String common() {
      return switch (r.nextInt(4)) {
        case 0 -> {
          StringBuilder a = new StringBuilder();
          if (r.nextInt(4) == 0) {
            a.append(", momentum = ").append(pick("0.9", "0.0", "0.5"));
          }
          if (r.nextInt(4) == 0) {
            a.append(", epsilon = ").append(pick("1.0E-5", "0.01", "0.1"));
          }
          if (r.nextInt(5) == 0) {
            a.append(", center = false");
          }
          if (r.nextInt(5) == 0) {
            a.append(", scale = false");
          }
          a.append(trainable());
          yield a.length() == 0
              ? "@BatchNormalization"
              : "@BatchNormalization(" + a.substring(2) + ")";
        }
        case 1 -> "@Activation(" + ACTIVATIONS[r.nextInt(ACTIVATIONS.length)] + ")";
        case 2 -> "@Dropout(rate = 0." + r.nextInt(10) + ")";
        default ->
            r.nextInt(3) == 0
                ? rescaling()
                : "@Activation(" + ACTIVATIONS[r.nextInt(ACTIVATIONS.length)] + ")";
      };
    }

    /** A convolution of {@code kind} on {@code s}, with random window attributes that fit. */
    private void conv(Shape s, String from, String kind) {
      int kh = 1 + r.nextInt(3);
      int kw = r.nextInt(3) == 0 ? 1 + r.nextInt(3) : kh;
      boolean strided = r.nextInt(3) == 0;
      int sh = strided ? 1 + r.nextInt(2) : 1;
      int sw = strided ? (r.nextBoolean() ? sh : 1 + r.nextInt(2)) : 1;
      boolean dilated = !strided && r.nextInt(4) == 0;
      int dh = dilated ? 1 + r.nextInt(2) : 1;
      int dw = dilated ? (r.nextBoolean() ? dh : 1 + r.nextInt(2)) : 1;
      boolean same = r.nextBoolean();
      int eh = (kh - 1) * dh + 1;
      int ew = (kw - 1) * dw + 1;
      if (!same && (eh > s.h || ew > s.w)) {
        same = true;
      }
      int oh = same ? (s.h + sh - 1) / sh : (s.h - eh) / sh + 1;
      int ow = same ? (s.w + sw - 1) / sw : (s.w - ew) / sw + 1;
      int filters = 1 + r.nextInt(5);
      int mult = 1 + r.nextInt(2);
      StringBuilder a = new StringBuilder("@" + kind + "(");
      if (!kind.equals("DepthwiseConv2D")) {
        a.append("filters = ").append(filters).append(", ");
      }
      a.append("kernelSize = ").append(pair(kh, kw));
      if (sh != 1 || sw != 1 || r.nextInt(10) == 0) {
        a.append(", strides = ").append(pair(sh, sw));
      }
      if (same) {
        a.append(", padding = SAME");
      } else if (r.nextInt(10) == 0) {
        a.append(", padding = VALID");
      }
      if (dh != 1 || dw != 1) {
        a.append(", dilationRate = ").append(pair(dh, dw));
      }
      if (!kind.equals("Conv2D") && (mult != 1 || r.nextInt(10) == 0)) {
        a.append(", depthMultiplier = ").append(mult);
      }
      a.append(activation());
      if (r.nextInt(5) == 0) {
        a.append(", useBias = false");
      }
      a.append(trainable()).append(')');
      int c = kind.equals("DepthwiseConv2D") ? s.c * mult : filters;
      layer(a.toString(), newName(), new Shape(oh, ow, c, true), from);
    }

    private String pair(int h, int w) {
      return h == w && r.nextInt(4) != 0 ? Integer.toString(h) : "{" + h + ", " + w + "}";
    }

    private void pool(Shape s, String from) {
      int ph = 1 + r.nextInt(3);
      int pw = r.nextInt(3) == 0 ? 1 + r.nextInt(3) : ph;
      boolean stridesGiven = r.nextInt(3) == 0;
      int sh = stridesGiven ? 1 + r.nextInt(2) : ph;
      int sw = stridesGiven ? 1 + r.nextInt(2) : pw;
      boolean same = r.nextBoolean() || ph > s.h || pw > s.w;
      int oh = same ? (s.h + sh - 1) / sh : (s.h - ph) / sh + 1;
      int ow = same ? (s.w + sw - 1) / sw : (s.w - pw) / sw + 1;
      String kind = r.nextBoolean() ? "@MaxPooling2D" : "@AveragePooling2D";
      StringBuilder a = new StringBuilder(kind);
      List<String> attrs = new ArrayList<>();
      if (ph != 2 || pw != 2 || r.nextBoolean()) {
        attrs.add("poolSize = " + pair(ph, pw));
      }
      if (stridesGiven) {
        attrs.add("strides = " + pair(sh, sw));
      }
      if (same) {
        attrs.add("padding = SAME");
      }
      if (!attrs.isEmpty()) {
        a.append('(').append(String.join(", ", attrs)).append(')');
      }
      layer(a.toString(), newName(), new Shape(oh, ow, s.c, true), from);
    }

    private void zeroPadding(Shape s, String from) {
      int t = r.nextInt(3);
      int b = r.nextInt(3);
      int left = r.nextInt(3);
      int right = r.nextInt(3);
      String a;
      Shape out;
      switch (r.nextInt(4)) {
        case 0 -> {
          a = "@ZeroPadding2D";
          out = new Shape(s.h + 2, s.w + 2, s.c, true);
        }
        case 1 -> {
          a = "@ZeroPadding2D(padding = " + t + ")";
          out = new Shape(s.h + 2 * t, s.w + 2 * t, s.c, true);
        }
        case 2 -> {
          a = "@ZeroPadding2D(padding = {" + t + ", " + left + "})";
          out = new Shape(s.h + 2 * t, s.w + 2 * left, s.c, true);
        }
        default -> {
          a = "@ZeroPadding2D(padding = {" + t + ", " + b + ", " + left + ", " + right + "})";
          out = new Shape(s.h + t + b, s.w + left + right, s.c, true);
        }
      }
      if (out.h > 16 || out.w > 16) {
        layer(common(), newName(), s, from);
        return;
      }
      layer(a, newName(), out, from);
    }

    /**
     * Two or three branches from the current tensor (or a skip from an earlier tensor of the same
     * shape) joined by Add ({@code add}) or Concatenate.
     */
    private void merge(boolean add) {
      String base = current;
      Shape s = cur();
      List<String> ends = new ArrayList<>();
      List<String> earlier = new ArrayList<>();
      for (Map.Entry<String, Shape> e : shapes.entrySet()) {
        Shape o = e.getValue();
        boolean fits = add ? o.equals(s) : o.image == s.image && o.h == s.h && o.w == s.w;
        if (fits && !e.getKey().equals(base)) {
          earlier.add(e.getKey());
        }
      }
      if (!earlier.isEmpty() && r.nextInt(3) == 0) {
        ends.add(earlier.get(r.nextInt(earlier.size())));
        ends.add(base);
      } else {
        int branches = 2 + r.nextInt(2);
        boolean identity = false;
        for (int b = 0; b < branches; b++) {
          int depth = 1 + r.nextInt(2);
          if (!identity && r.nextInt(3) == 0) {
            depth = 0;
            identity = true;
          }
          ends.add(branch(base, depth, add, b == 0));
        }
      }
      if (r.nextBoolean()) {
        java.util.Collections.reverse(ends);
      }
      Shape out = s;
      if (!add) {
        int c = 0;
        for (String e : ends) {
          c += shapes.get(e).c;
        }
        out = new Shape(s.h, s.w, c, s.image);
      }
      String from = "{" + String.join(", ", ends.stream().map(Net::quote).toList()) + "}";
      layer((add ? "@Add" : "@Concatenate") + "(from = " + from + ")", newName(), out, null);
    }

    /** {@code depth} layers from {@code base} keeping its shape (Add) or spatial size. */
    private String branch(String base, int depth, boolean keepShape, boolean first) {
      String at = base;
      for (int i = 0; i < depth; i++) {
        Shape s = shapes.get(at);
        boolean follows = at.equals(current) && (i > 0 || first) && r.nextBoolean();
        String from = follows ? null : quote(at);
        String a;
        Shape out = s;
        int roll = r.nextInt(4);
        if (roll == 0 && s.image) {
          int filters = keepShape ? s.c : 1 + r.nextInt(4);
          a =
              "@Conv2D(filters = "
                  + filters
                  + ", kernelSize = "
                  + (1 + r.nextInt(3))
                  + ", padding = SAME"
                  + activation()
                  + trainable()
                  + ")";
          out = new Shape(s.h, s.w, filters, true);
        } else if (roll == 0) {
          int units = keepShape ? s.c : 1 + r.nextInt(4);
          a = dense(units);
          out = Shape.vector(units);
        } else if (roll == 1 && s.image) {
          int mult = keepShape ? 1 : 1 + r.nextInt(2);
          a =
              "@DepthwiseConv2D(kernelSize = "
                  + (1 + r.nextInt(3))
                  + ", padding = SAME"
                  + (mult > 1 ? ", depthMultiplier = " + mult : "")
                  + activation()
                  + ")";
          out = new Shape(s.h, s.w, s.c * mult, true);
        } else if (roll == 1) {
          a = "@Dropout(rate = 0.5)";
        } else {
          a = common();
        }
        at = layer(a, newName(), out, from);
      }
      return at;
    }

    // ---- faults

    /** Plants the pending fault as this step's layer when it fits here; returns whether it did. */
    private boolean plantFault() {
      Shape s = cur();
      String name = newName();
      switch (fault) {
        case "non-positive" -> {
          plant(fault);
          int bad = -r.nextInt(3);
          String a =
              s.image
                  ? "@Conv2D(filters = " + bad + ", kernelSize = 1)"
                  : "@Dense(units = " + bad + ")";
          layer(a, name, s, null);
        }
        case "rate-range" -> {
          plant(fault);
          layer("@Dropout(rate = " + pick("1.0", "-0.5", "1.5") + ")", name, s, null);
        }
        case "momentum-range" -> {
          plant(fault);
          layer("@BatchNormalization(momentum = " + pick("1.5", "-0.1") + ")", name, s, null);
        }
        case "epsilon-range" -> {
          plant(fault);
          layer("@BatchNormalization(epsilon = " + pick("0", "-1.0E-3") + ")", name, s, null);
        }
        case "from-unknown" -> {
          plant(fault);
          layer("@Activation(value = RELU, from = \"nosuch\")", name, s, null);
        }
        case "from-self" -> {
          plant(fault);
          layer("@Activation(value = RELU, from = " + quote(name) + ")", name, s, null);
        }
        case "from-later" -> {
          // Reads the field declared right after it (a harmless Activation of its own shape).
          String later = newName();
          plant(fault);
          layer("@Activation(value = TANH, from = " + quote(later) + ")", name, s, null);
          layer("@Activation(RELU)", later, s, quote(name));
        }
        case "field-modifier" -> {
          plant(fault);
          String modifier = pick("private", "static", "final");
          String init = modifier.equals("final") ? " = null" : "";
          lines.add("  @Activation(RELU) " + modifier + " Layer " + name + init + ";");
          layersSoFar++;
          shapes.put(name, s);
          current = name;
        }
        case "field-type" -> {
          plant(fault);
          lines.add("  @Activation(RELU) " + pick("String", "Object", "int") + " " + name + ";");
          layersSoFar++;
          shapes.put(name, s);
          current = name;
        }
        case "reserved-name" -> {
          plant(fault);
          lines.add("  @Activation(RELU) Layer input;");
          layersSoFar++;
        }
        case "kernel-too-large" -> {
          if (!s.image) {
            return false;
          }
          plant(fault);
          int k = Math.max(s.h, s.w) + 1;
          String kind =
              pick("Conv2D(filters = 2, ", "DepthwiseConv2D(", "SeparableConv2D(filters = 2, ");
          layer("@" + kind + "kernelSize = " + k + ")", name, s, null);
        }
        case "pool-too-large" -> {
          if (!s.image) {
            return false;
          }
          plant(fault);
          int p = Math.max(s.h, s.w) + 1;
          layer(
              pick("@MaxPooling2D", "@AveragePooling2D") + "(poolSize = " + p + ")", name, s, null);
        }
        case "dense-needs-flat" -> {
          if (!s.image) {
            return false;
          }
          plant(fault);
          layer("@Dense(units = 3)", name, Shape.vector(3), null);
        }
        case "needs-image" -> {
          if (s.image) {
            return false;
          }
          plant(fault);
          String a =
              pick(
                  "@Conv2D(filters = 2, kernelSize = 1)",
                  "@MaxPooling2D",
                  "@GlobalAveragePooling2D",
                  "@ZeroPadding2D");
          layer(a, name, s, null);
        }
        case "add-shapes", "concat-shapes" -> {
          boolean add = fault.equals("add-shapes");
          String other = null;
          for (Map.Entry<String, Shape> e : shapes.entrySet()) {
            Shape o = e.getValue();
            boolean differs =
                add
                    ? o.image == s.image && !o.equals(s)
                    : o.image && s.image && (o.h != s.h || o.w != s.w);
            if (differs) {
              other = e.getKey();
            }
          }
          if (other == null) {
            return false;
          }
          plant(fault);
          String from = "{" + quote(current) + ", " + quote(other) + "}";
          layer((add ? "@Add" : "@Concatenate") + "(from = " + from + ")", name, s, null);
        }
        case "merge-inputs" -> {
          plant(fault);
          layer(pick("@Add", "@Concatenate") + "(from = {" + quote(current) + "})", name, s, null);
        }
        case "negative" -> {
          if (!s.image) {
            return false;
          }
          plant(fault);
          layer(
              "@ZeroPadding2D(padding = " + pick("-1", "{1, -1}", "{0, 0, -2, 1}") + ")",
              name,
              s,
              null);
        }
        case "strides-with-dilation" -> {
          if (!s.image) {
            return false;
          }
          plant(fault);
          layer(
              "@Conv2D(filters = 2, kernelSize = 1, strides = 2, padding = SAME, dilationRate = 2)",
              name,
              s,
              null);
        }
        case "augmentation-not-at-input" -> {
          if (atInput.contains(current)) {
            return false;
          }
          plant(fault);
          String a = s.image ? "@RandomFlip" : "@GaussianNoise(stddev = 0.1)";
          layer(a, name, s, null);
        }
        default -> {
          return false;
        }
      }
      return true;
    }
  }
}

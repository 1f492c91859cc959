package dev.jconv.processor.reference;

import dev.jconv.Activation.Fn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Declarations written as source text (one layer field per line, as the randomized declarations
 * test writes them) read back into test networks, compiled by the processor as written and run
 * against the reference forward pass. Every layer kind is understood; augmentation layers are the
 * identity at inference. Attributes that do not change inference ({@code trainable}, {@code
 * momentum}, the augmentation layers' own) are read and dropped; any attribute not understood is an
 * error, so a declaration is never checked as something it is not. Lines without a layer annotation
 * (other members) are skipped.
 */
public final class DeclaredNets {
  private static final Pattern NETWORK = Pattern.compile("@Network\\(input = \\{([0-9, ]+)}\\)");
  private static final Pattern FIELD =
      Pattern.compile("\\s*@(\\w+)(?:\\((.*)\\))?\\s+Layer\\s+([\\w$]+);\\s*");

  private static final List<String> AUGMENTATION =
      List.of(
          "RandomFlip",
          "RandomTranslation",
          "RandomRotation",
          "RandomZoom",
          "RandomContrast",
          "RandomBrightness",
          "GaussianNoise");

  private DeclaredNets() {}

  /** One declaration: the class name and its lines, from the {@code @Network} line to the end. */
  public record Source(String className, List<String> lines) {}

  /**
   * Compiles {@code sources} in one javac run (SIMD or scalar kernels) and checks each model's
   * {@code predict} on {@code n} random inputs against the reference; returns a one-line summary.
   */
  public static String checkForward(List<Source> sources, boolean simd, long seed, int n) {
    List<NetDef> nets = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (Source source : sources) {
      NetDef net = read(source);
      nets.add(net);
      texts.add(
          "package "
              + net.packageName()
              + ";\nimport dev.jconv.*;\nimport static dev.jconv.Padding.*;\n"
              + "import static dev.jconv.Activation.Fn.*;\n"
              + String.join("\n", source.lines())
              + "\n");
    }
    CodePaths path = simd ? CodePaths.DEFAULT : CodePaths.SCALAR;
    GeneratedModels compiled = GeneratedModels.compileSources(nets, texts, path.options());
    ForwardCheck.Result total = ForwardCheck.Result.none();
    for (int i = 0; i < nets.size(); i++) {
      total = total.merge(ForwardCheck.check(compiled, nets.get(i), seed + i, n));
    }
    return nets.size() + " networks (" + path + "): " + total;
  }

  static NetDef read(Source source) {
    Matcher network = NETWORK.matcher(source.lines().get(0));
    if (!network.matches()) {
      throw new IllegalArgumentException("not a @Network line: " + source.lines().get(0));
    }
    String[] dims = network.group(1).split(", ");
    Dims input =
        dims.length == 3
            ? Dims.image(
                Integer.parseInt(dims[0]), Integer.parseInt(dims[1]), Integer.parseInt(dims[2]))
            : Dims.vector(Integer.parseInt(dims[0]));
    List<LayerDef> layers = new ArrayList<>();
    for (String line : source.lines().subList(2, source.lines().size() - 1)) {
      if (line.strip().startsWith("@")) {
        layers.add(layer(line));
      }
    }
    return new NetDef("test.declared", source.className(), input, layers);
  }

  private static LayerDef layer(String line) {
    Matcher m = FIELD.matcher(line);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a layer field: " + line);
    }
    Attributes a = new Attributes(line, m.group(2));
    String name = m.group(3);
    List<String> from = a.from();
    String kind = m.group(1);
    a.drop("trainable");
    LayerDef layer =
        switch (kind) {
          case "Conv2D" -> {
            int filters = a.integer("filters", -1);
            Window k = a.window();
            yield new LayerDef.Conv2D(
                name, from, filters, k, a.fn("activation", Fn.LINEAR), a.bool("useBias", true));
          }
          case "DepthwiseConv2D" -> {
            Window k = a.window();
            yield new LayerDef.DepthwiseConv2D(
                name,
                from,
                a.integer("depthMultiplier", 1),
                k,
                a.fn("activation", Fn.LINEAR),
                a.bool("useBias", true));
          }
          case "SeparableConv2D" -> {
            int filters = a.integer("filters", -1);
            Window k = a.window();
            yield new LayerDef.SeparableConv2D(
                name,
                from,
                filters,
                a.integer("depthMultiplier", 1),
                k,
                a.fn("activation", Fn.LINEAR),
                a.bool("useBias", true));
          }
          case "MaxPooling2D" -> {
            boolean given = a.has("strides");
            yield new LayerDef.MaxPooling2D(name, from, a.pool(), given);
          }
          case "AveragePooling2D" -> {
            boolean given = a.has("strides");
            yield new LayerDef.AveragePooling2D(name, from, a.pool(), given);
          }
          case "GlobalAveragePooling2D" ->
              new LayerDef.GlobalAveragePooling2D(name, from, a.bool("keepdims", false));
          case "GlobalMaxPooling2D" ->
              new LayerDef.GlobalMaxPooling2D(name, from, a.bool("keepdims", false));
          case "ZeroPadding2D" -> new LayerDef.ZeroPadding2D(name, from, a.ints("padding", 1));
          case "Flatten" -> new LayerDef.Flatten(name, from);
          case "Dense" ->
              new LayerDef.Dense(
                  name,
                  from,
                  a.integer("units", -1),
                  a.fn("activation", Fn.LINEAR),
                  a.bool("useBias", true));
          case "Dropout" -> new LayerDef.Dropout(name, from, a.real("rate", Double.NaN));
          case "BatchNormalization" -> {
            a.drop("momentum");
            yield new LayerDef.BatchNormalization(
                name,
                from,
                a.real("epsilon", 0.001),
                a.bool("center", true),
                a.bool("scale", true));
          }
          case "Activation" -> new LayerDef.Activation(name, from, a.fn("value", null));
          case "Add" -> new LayerDef.Add(name, from);
          case "Concatenate" -> new LayerDef.Concatenate(name, from);
          case "Rescaling" ->
              new LayerDef.Rescaling(name, from, a.real("scale", Double.NaN), a.real("offset", 0));
          default -> {
            if (!AUGMENTATION.contains(kind)) {
              throw new IllegalArgumentException("layer kind not understood: " + line);
            }
            a.dropAll(); // the identity at inference, whatever the factors
            yield new LayerDef.InferenceIdentity(name, from, kind, "");
          }
        };
    a.requireAllUsed();
    return layer;
  }

  /** The attributes of one annotation; each must be read exactly once. */
  private static final class Attributes {
    private final String line;
    private final Map<String, String> values = new HashMap<>();

    Attributes(String line, String text) {
      this.line = line;
      if (text == null || text.isBlank()) {
        return;
      }
      for (String part : split(text)) {
        int eq = part.indexOf(" = ");
        // @Activation(RELU): the one positional attribute, 'value'.
        values.put(eq < 0 ? "value" : part.substring(0, eq), part.substring(eq < 0 ? 0 : eq + 3));
      }
    }

    /** Splits on the commas outside braces and strings. */
    private static List<String> split(String text) {
      List<String> parts = new ArrayList<>();
      int depth = 0;
      boolean quoted = false;
      int start = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"') {
          quoted = !quoted;
        } else if (!quoted && c == '{') {
          depth++;
        } else if (!quoted && c == '}') {
          depth--;
        } else if (!quoted && depth == 0 && c == ',') {
          parts.add(text.substring(start, i).strip());
          start = i + 1;
        }
      }
      parts.add(text.substring(start).strip());
      return parts;
    }

    boolean has(String key) {
      return values.containsKey(key);
    }

    List<String> from() {
      String v = take("from");
      if (v == null) {
        return List.of();
      }
      List<String> names = new ArrayList<>();
      for (String part : split(v.startsWith("{") ? v.substring(1, v.length() - 1) : v)) {
        names.add(part.substring(1, part.length() - 1));
      }
      return names;
    }

    int integer(String key, int fallback) {
      String v = take(key);
      if (v == null && fallback < 0) {
        throw new IllegalArgumentException("no " + key + " in " + line);
      }
      return v == null ? fallback : Integer.parseInt(v);
    }

    /** An int[] attribute written {@code 3} or {@code {3, 5}}. */
    int[] ints(String key, int fallback) {
      String v = take(key);
      if (v == null) {
        return new int[] {fallback};
      }
      if (!v.startsWith("{")) {
        return new int[] {Integer.parseInt(v)};
      }
      List<String> parts = split(v.substring(1, v.length() - 1));
      int[] out = new int[parts.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = Integer.parseInt(parts.get(i));
      }
      return out;
    }

    /** A pair attribute: {@code k} for (k, k). */
    int[] pair(String key, int fallback) {
      int[] v = ints(key, fallback);
      return v.length == 1 ? new int[] {v[0], v[0]} : v;
    }

    double real(String key, double fallback) {
      String v = take(key);
      if (v == null && Double.isNaN(fallback)) {
        throw new IllegalArgumentException("no " + key + " in " + line);
      }
      return v == null ? fallback : Double.parseDouble(v);
    }

    boolean bool(String key, boolean fallback) {
      String v = take(key);
      return v == null ? fallback : Boolean.parseBoolean(v);
    }

    Fn fn(String key, Fn fallback) {
      String v = take(key);
      if (v == null && fallback == null) {
        throw new IllegalArgumentException("no " + key + " in " + line);
      }
      return v == null ? fallback : Fn.valueOf(v);
    }

    boolean same() {
      String v = take("padding");
      return "SAME".equals(v);
    }

    /** A convolution window: kernelSize, strides, padding, dilationRate. */
    Window window() {
      int[] k = pair("kernelSize", -1);
      int[] s = pair("strides", 1);
      int[] d = pair("dilationRate", 1);
      return new Window(k[0], k[1], s[0], s[1], d[0], d[1], same());
    }

    /** A pooling window: poolSize (2), strides (the pool size), padding. */
    Window pool() {
      int[] p = pair("poolSize", 2);
      int[] s = has("strides") ? pair("strides", 1) : p;
      return Window.pool(p[0], p[1], s[0], s[1], same());
    }

    void drop(String key) {
      values.remove(key);
    }

    void dropAll() {
      values.clear();
    }

    void requireAllUsed() {
      if (!values.isEmpty()) {
        throw new IllegalArgumentException("attributes not understood " + values + " in " + line);
      }
    }

    private String take(String key) {
      return values.remove(key);
    }
  }
}

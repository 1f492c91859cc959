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
 * test writes them) read back into test networks, compiled by the processor and run against the
 * reference forward pass. Only the attributes that test writes are understood; any other is an
 * error, so a declaration is never checked as something it is not.
 */
public final class DeclaredNets {
  private static final Pattern NETWORK = Pattern.compile("@Network\\(input = \\{([0-9, ]+)}\\)");
  private static final Pattern FIELD =
      Pattern.compile("\\s*@(\\w+)(?:\\((.*)\\))?\\s+Layer\\s+([\\w$]+);\\s*");

  private DeclaredNets() {}

  /** One declaration: the class name and its lines, from the {@code @Network} line to the end. */
  public record Source(String className, List<String> lines) {}

  /**
   * Compiles {@code sources} in one javac run (SIMD or scalar kernels) and checks each model's
   * {@code predict} on {@code n} random inputs against the reference; returns a one-line summary.
   */
  public static String checkForward(List<Source> sources, boolean simd, long seed, int n) {
    List<NetDef> nets = new ArrayList<>();
    for (Source source : sources) {
      nets.add(read(source));
    }
    CodePaths path = simd ? CodePaths.DEFAULT : CodePaths.SCALAR;
    GeneratedModels compiled = GeneratedModels.compile(nets, path.options());
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
      layers.add(layer(line));
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
    List<String> from = List.of();
    LayerDef layer =
        switch (m.group(1)) {
          case "Conv2D" -> {
            int k = a.integer("kernelSize", -1);
            int s = a.integer("strides", 1);
            yield new LayerDef.Conv2D(
                name,
                from,
                a.integer("filters", -1),
                new Window(k, k, s, s, 1, 1, a.same()),
                a.fn("activation", Fn.LINEAR),
                true);
          }
          case "MaxPooling2D" -> new LayerDef.MaxPooling2D(name, from, a.pool(), false);
          case "AveragePooling2D" -> new LayerDef.AveragePooling2D(name, from, a.pool(), false);
          case "GlobalAveragePooling2D" -> new LayerDef.GlobalAveragePooling2D(name, from, false);
          case "GlobalMaxPooling2D" -> new LayerDef.GlobalMaxPooling2D(name, from, false);
          case "Flatten" -> new LayerDef.Flatten(name, from);
          case "Dense" ->
              new LayerDef.Dense(
                  name, from, a.integer("units", -1), a.fn("activation", Fn.LINEAR), true);
          case "Dropout" -> new LayerDef.Dropout(name, from, a.real("rate", Double.NaN));
          case "BatchNormalization" ->
              new LayerDef.BatchNormalization(name, from, a.real("epsilon", 0.001), true, true);
          case "Activation" -> new LayerDef.Activation(name, from, a.fn("value", null));
          default -> throw new IllegalArgumentException("layer kind not understood: " + line);
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
      for (String part : text.split(", ")) {
        int eq = part.indexOf(" = ");
        // @Activation(RELU): the one positional attribute, 'value'.
        values.put(eq < 0 ? "value" : part.substring(0, eq), part.substring(eq < 0 ? 0 : eq + 3));
      }
    }

    int integer(String key, int fallback) {
      String v = take(key);
      if (v == null && fallback < 0) {
        throw new IllegalArgumentException("no " + key + " in " + line);
      }
      return v == null ? fallback : Integer.parseInt(v);
    }

    double real(String key, double fallback) {
      String v = take(key);
      if (v == null && Double.isNaN(fallback)) {
        throw new IllegalArgumentException("no " + key + " in " + line);
      }
      return v == null ? fallback : Double.parseDouble(v);
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

    Window pool() {
      int p = integer("poolSize", 2);
      return Window.pool(p, p, p, p, same());
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

package dev.jconv.processor.random;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded generator of {@code @Network} declarations: valid ones built by tracking the shape layer
 * by layer, and invalid ones with exactly one planted mistake whose diagnostic id and field are
 * known, so a test can check that the error lands on the right element.
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
   * One declaration: its source lines, and for an invalid one the expected diagnostic id and the
   * 1-based line it must be reported on.
   */
  record Decl(String className, List<String> lines, String expectedId, int expectedLine) {
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
    "weights",
    "layers",
    "name",
    "i",
    "n",
    "x",
    "y",
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
    "Parallel",
    "Param",
    "Layer",
    "Model"
  };

  /** Whether {@code name} is one of the type-like names that may clash with generated code. */
  static boolean typeLike(String name) {
    return Character.isUpperCase(name.charAt(0));
  }

  private static final String[] FAULTS = {
    "non-positive", "rate-range", "from-unknown", "field-modifier", "reserved-name",
    "momentum-range", "epsilon-range", "kernel-too-large", "pool-too-large", "dense-needs-flat",
    "params-mismatch", "field-type"
  };

  private static final String[] ACTIVATIONS = {
    "LINEAR", "RELU", "RELU6", "LEAKY_RELU", "ELU", "SIGMOID", "TANH", "SWISH"
  };

  private final SplittableRandom random;
  private final boolean trickyNames;

  Declarations(long seed, boolean trickyNames) {
    this.random = new SplittableRandom(seed);
    this.trickyNames = trickyNames;
  }

  /** A declaration named {@code className}; invalid with probability one half. */
  Decl next(String className) {
    String fault = random.nextBoolean() ? FAULTS[random.nextInt(FAULTS.length)] : null;
    return build(className, fault);
  }

  private Decl build(String className, String fault) {
    Net net = new Net(className, random);
    int layers = 1 + random.nextInt(6);
    int faultAt = random.nextInt(layers);
    List<String> names = names(layers);
    for (int i = 0; i < layers; i++) {
      String plant =
          i == faultAt && fault != null && !fault.equals("params-mismatch") ? fault : null;
      boolean last = i == layers - 1;
      if (!net.add(names.get(i), plant, last)) {
        // The fault does not fit this shape (e.g. kernel-too-large on a vector): plant none.
        fault = fault != null && net.planted == null ? null : fault;
      }
    }
    if ("params-mismatch".equals(fault)) {
      net.wrongParams = true;
      net.faultLine = 0;
      net.faultId = "params-mismatch";
    } else if (fault != null && net.planted == null) {
      fault = null;
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        "@Network(input = "
            + net.inputText
            + (net.wrongParams ? ", params = 123456789" : "")
            + ")");
    int networkLine = PREAMBLE.size() + 1;
    lines.add("public abstract class " + className + " {");
    lines.addAll(net.fields);
    lines.add("}");
    if (net.faultId == null) {
      return new Decl(className, lines, null, -1);
    }
    int line = net.faultLine == 0 ? networkLine : PREAMBLE.size() + 2 + net.faultLine;
    return new Decl(className, lines, "jconv." + net.faultId, line);
  }

  private List<String> names(int n) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = "l" + i;
      if (trickyNames && random.nextInt(3) == 0) {
        String t = TRICKY_NAMES[random.nextInt(TRICKY_NAMES.length)];
        if (!names.contains(t)) {
          name = t;
        }
      }
      names.add(name);
    }
    return names;
  }

  /** A network under construction: the current shape and the field lines so far. */
  private static final class Net {
    final SplittableRandom random;
    final List<String> fields = new ArrayList<>();
    final String inputText;
    int h;
    int w;
    int c;
    boolean image;
    String planted;
    String faultId;
    int faultLine;
    boolean wrongParams;

    Net(String className, SplittableRandom random) {
      this.random = random;
      image = random.nextInt(4) != 0;
      if (image) {
        h = 3 + random.nextInt(10);
        w = 3 + random.nextInt(10);
        c = 1 + random.nextInt(3);
        inputText = "{" + h + ", " + w + ", " + c + "}";
      } else {
        c = 1 + random.nextInt(20);
        inputText = "{" + c + "}";
      }
    }

    private void plant(String id) {
      planted = id;
      faultId = id;
      faultLine = fields.size() + 1;
    }

    /** Adds one layer named {@code name}, with the mistake {@code fault} when it fits here. */
    boolean add(String name, String fault, boolean last) {
      String field = "Layer " + name + ";";
      if ("field-modifier".equals(fault)) {
        plant(fault);
        field = "private Layer " + name + ";";
      } else if ("field-type".equals(fault)) {
        plant(fault);
        field = "String " + name + ";";
      } else if ("reserved-name".equals(fault)) {
        plant(fault);
        field = "Layer input;";
      } else if ("from-unknown".equals(fault)) {
        plant(fault);
        fields.add("  @Activation(value = RELU, from = \"nosuch\") " + field);
        return true;
      }
      String annotation = image ? imageLayer(fault, last) : vectorLayer(fault, last);
      if (annotation == null) {
        return false;
      }
      fields.add("  " + annotation + " " + field);
      return true;
    }

    private String imageLayer(String fault, boolean last) {
      if ("kernel-too-large".equals(fault)) {
        plant(fault);
        return "@Conv2D(filters = 2, kernelSize = " + (Math.max(h, w) + 1) + ")";
      }
      if ("pool-too-large".equals(fault)) {
        plant(fault);
        return "@MaxPooling2D(poolSize = " + (Math.max(h, w) + 1) + ")";
      }
      if ("dense-needs-flat".equals(fault)) {
        plant(fault);
        return "@Dense(units = 3)";
      }
      if (isCommonFault(fault)) {
        return common(fault);
      }
      if ("non-positive".equals(fault)) {
        return conv(fault);
      }
      if (last || random.nextInt(6) == 0) {
        image = false;
        if (random.nextBoolean()) {
          c = h * w * c;
          return "@Flatten";
        }
        return flattenGlobal();
      }
      return switch (random.nextInt(5)) {
        case 0 -> conv(fault);
        case 1 -> pool();
        case 2 -> common(fault);
        default -> random.nextBoolean() ? conv(fault) : common(fault);
      };
    }

    private String flattenGlobal() {
      return random.nextBoolean() ? "@GlobalAveragePooling2D" : "@GlobalMaxPooling2D";
    }

    private String conv(String fault) {
      int filters = 1 + random.nextInt(4);
      if ("non-positive".equals(fault)) {
        plant(fault);
        filters = -random.nextInt(3);
      }
      int k = 1 + random.nextInt(Math.min(3, Math.min(h, w)));
      boolean same = random.nextBoolean();
      int s = random.nextInt(4) == 0 ? 2 : 1;
      if (same) {
        h = (h + s - 1) / s;
        w = (w + s - 1) / s;
      } else {
        h = (h - k) / s + 1;
        w = (w - k) / s + 1;
      }
      c = filters;
      String act = ACTIVATIONS[random.nextInt(ACTIVATIONS.length)];
      return "@Conv2D(filters = "
          + filters
          + ", kernelSize = "
          + k
          + (s > 1 ? ", strides = " + s : "")
          + (same ? ", padding = SAME" : "")
          + ", activation = "
          + act
          + ")";
    }

    private String pool() {
      int p = Math.min(2, Math.min(h, w));
      boolean same = random.nextBoolean();
      if (same) {
        h = (h + p - 1) / p;
        w = (w + p - 1) / p;
      } else {
        h = (h - p) / p + 1;
        w = (w - p) / p + 1;
      }
      String kind = random.nextBoolean() ? "@MaxPooling2D" : "@AveragePooling2D";
      return kind + "(poolSize = " + p + (same ? ", padding = SAME" : "") + ")";
    }

    private String vectorLayer(String fault, boolean last) {
      if (isCommonFault(fault)) {
        return common(fault);
      }
      if (last || random.nextInt(3) == 0 || "non-positive".equals(fault)) {
        int units = 1 + random.nextInt(5);
        if ("non-positive".equals(fault)) {
          plant(fault);
          units = -random.nextInt(3);
        }
        c = units;
        return "@Dense(units = " + units + ", activation = SOFTMAX)";
      }
      return common(fault);
    }

    private static boolean isCommonFault(String fault) {
      return "rate-range".equals(fault)
          || "momentum-range".equals(fault)
          || "epsilon-range".equals(fault);
    }

    /** Layers that keep the shape: BatchNormalization, Activation, Dropout. */
    private String common(String fault) {
      if ("rate-range".equals(fault)) {
        plant(fault);
        return "@Dropout(rate = " + (random.nextBoolean() ? "1.0" : "-0.5") + ")";
      }
      if ("momentum-range".equals(fault)) {
        plant(fault);
        return "@BatchNormalization(momentum = 1.5)";
      }
      if ("epsilon-range".equals(fault)) {
        plant(fault);
        return "@BatchNormalization(epsilon = 0)";
      }
      return switch (random.nextInt(3)) {
        case 0 -> "@BatchNormalization";
        case 1 -> "@Activation(" + ACTIVATIONS[random.nextInt(ACTIVATIONS.length)] + ")";
        default -> "@Dropout(rate = 0." + random.nextInt(10) + ")";
      };
    }
  }
}

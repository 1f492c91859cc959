package dev.jconv.processor.emit;

import dev.jconv.processor.model.Graph;
import dev.jconv.processor.model.Node;
import dev.jconv.processor.model.ParamKind;
import dev.jconv.processor.model.ParamSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where everything lives in the flat arrays, as llm.c splits one buffer: each parameter tensor's
 * offset in the weight array (declaration order, Keras's weight order), each layer's output and
 * scratch buffers in the per-example workspace, and BatchNormalization's batch statistics. Every
 * offset is a named constant of the generated class ({@link Offset}).
 */
public final class Layout {
  /** What a layer needs besides its output; each layer kind says so. */
  public interface Planner {
    /** Declares {@code node}'s scratch buffers in {@code scratch}. */
    void plan(Node node, Scratch scratch);
  }

  /** Where a layer declares its scratch buffers. */
  public interface Scratch {
    /** A workspace buffer of {@code size} floats per example. */
    void buffer(Buffer kind, int size);

    /** Floats of batch statistics in the training statistics array. */
    void stats(int size);

    /**
     * A buffer of {@code size} floats per model in the training pass's auxiliary array, filled once
     * per step before the backward (such as a transposed kernel), named {@code <LAYER>_<suffix>}.
     */
    default void aux(String suffix, int size) {
      throw new UnsupportedOperationException("no auxiliary buffers here");
    }
  }

  /** Names the generated class already uses for its own constants. */
  private static final Set<String> RESERVED =
      Set.of(
          "PARAM_COUNT",
          "WORKSPACE",
          "OUTPUT_OFFSET",
          "STATS",
          "AUX",
          "INPUT_SHAPE",
          "OUTPUT_SHAPE");

  private final Map<String, Offset> params = new HashMap<>();
  private final Map<String, Map<Buffer, Offset>> buffers = new HashMap<>();
  private final Map<String, Offset> stats = new HashMap<>();
  private final Map<String, Offset> aux = new HashMap<>();
  private final List<Offset> constants = new ArrayList<>();
  private final Set<String> names = new HashSet<>(RESERVED);
  private final int paramCount;
  private int workspace;
  private int statsSize;
  private int auxSize;

  /** The layout of {@code graph}, with the scratch buffers that {@code planner} declares. */
  public Layout(Graph graph, Planner planner) {
    int offset = 0;
    for (Node node : graph.nodes()) {
      for (ParamSpec p : node.params()) {
        int size = Math.toIntExact(p.size());
        String doc = node.name() + "'s " + p.kind() + " " + Arrays.toString(p.shape()) + " in w";
        params.put(key(node, p.kind()), constant(node, p.kind().name(), offset, size, doc));
        offset = Math.addExact(offset, size);
      }
    }
    paramCount = offset;
    for (Node node : graph.nodes()) {
      buffers.put(node.name(), new LinkedHashMap<>());
      allocate(node, Buffer.OUT, Math.toIntExact(node.output().size()));
      planner.plan(
          node,
          new Scratch() {
            @Override
            public void buffer(Buffer kind, int size) {
              allocate(node, kind, size);
            }

            @Override
            public void stats(int size) {
              String doc = node.name() + "'s batch statistics in the training statistics";
              stats.put(node.name(), constant(node, "STATS", statsSize, size, doc));
              statsSize = Math.addExact(statsSize, size);
            }

            @Override
            public void aux(String suffix, int size) {
              String doc = node.name() + "'s " + suffix.toLowerCase(Locale.ROOT) + " in trainAux";
              aux.put(node.name() + "." + suffix, constant(node, suffix, auxSize, size, doc));
              auxSize = Math.addExact(auxSize, size);
            }
          });
    }
  }

  private void allocate(Node node, Buffer kind, int size) {
    String doc = node.name() + "'s " + kind.description() + " in the workspace";
    buffers.get(node.name()).put(kind, constant(node, kind.name(), workspace, size, doc));
    workspace = Math.addExact(workspace, size);
  }

  private Offset constant(Node node, String suffix, int value, int size, String doc) {
    String base = upperSnake(node.name()) + "_" + suffix;
    String name = base;
    for (int i = 2; !names.add(name); i++) {
      name = base + "_" + i;
    }
    Offset o = new Offset(name, value, size, doc);
    constants.add(o);
    return o;
  }

  /** {@code conv1} is {@code CONV1}, {@code convDw1} is {@code CONV_DW1}. */
  static String upperSnake(String name) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1))) {
        sb.append('_');
      }
      sb.append(c);
    }
    return sb.toString().toUpperCase(Locale.ROOT);
  }

  /** The offset of {@code node}'s tensor of this kind in the weight array. */
  public Offset param(Node node, ParamKind kind) {
    return lookup(params.get(key(node, kind)), node, kind.name());
  }

  /** The offset of {@code node}'s output in the workspace. */
  public Offset out(Node node) {
    return scratch(node, Buffer.OUT);
  }

  /** The offset of one of {@code node}'s buffers in the workspace. */
  public Offset scratch(Node node, Buffer kind) {
    return lookup(buffers.getOrDefault(node.name(), Map.of()).get(kind), node, kind.name());
  }

  /** {@code node}'s buffers in the workspace, in the order they were declared. */
  public Map<Buffer, Offset> buffers(Node node) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(buffers.get(node.name())));
  }

  /** Where {@code node}'s batch statistics live in the training statistics array. */
  public Offset stats(Node node) {
    return lookup(stats.get(node.name()), node, "STATS");
  }

  /** Every offset, in the order the generated class declares them. */
  public List<Offset> constants() {
    return List.copyOf(constants);
  }

  /** Where {@code node}'s auxiliary buffer {@code suffix} lives in the auxiliary array. */
  public Offset aux(Node node, String suffix) {
    return lookup(aux.get(node.name() + "." + suffix), node, suffix);
  }

  /** The size of the training pass's auxiliary array. */
  public int auxSize() {
    return auxSize;
  }

  /** The size of the training statistics array. */
  public int statsSize() {
    return statsSize;
  }

  /** The size of the weight array. */
  public int paramCount() {
    return paramCount;
  }

  /** Floats of workspace one example needs. */
  public int workspaceSize() {
    return workspace;
  }

  private static Offset lookup(Offset offset, Node node, String kind) {
    if (offset == null) {
      throw new IllegalArgumentException("no " + kind + " for " + node.name());
    }
    return offset;
  }

  private static String key(Node node, ParamKind kind) {
    return node.name() + "." + kind.name();
  }
}

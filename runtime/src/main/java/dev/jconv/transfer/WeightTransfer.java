package dev.jconv.transfer;

import dev.jconv.Layer;
import dev.jconv.Model;
import dev.jconv.Param;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Copies weights from a model or a weights file of one network into a model of another, by tensor
 * name ({@code <field>.<kind>}) or through an explicit mapping, as Keras's {@code
 * load_weights(by_name=True)} does, but all or nothing and with a report:
 *
 * <pre>{@code
 * TransferReport report = WeightTransfer.from(base)   // a model, or a file: from(Path)
 *     .except("out")                                  // keep the new head's fresh weights
 *     .into(model);
 * }</pre>
 *
 * <p>Tensors whose names (after mapping) appear on both sides with the same shape are taken;
 * tensors present on one side only are skipped and listed; a pair with different shapes is an error
 * naming the tensor and both shapes, unless {@link #skipMismatched()} is set. Every check runs
 * before the first value is written, so after any error the target is unchanged.
 */
public final class WeightTransfer {
  private final TensorSource source;
  private final Map<String, String> mapping = new LinkedHashMap<>();
  private final Set<String> only = new LinkedHashSet<>();
  private final Set<String> except = new LinkedHashSet<>();
  private boolean skipMismatched;

  private WeightTransfer(TensorSource source) {
    this.source = source;
  }

  /** Transfers from the live weights of {@code source} (read when {@link #into} runs). */
  public static WeightTransfer from(Model source) {
    return new WeightTransfer(TensorSource.of(Objects.requireNonNull(source, "source")));
  }

  /**
   * Transfers from a safetensors file: weights saved by {@link Model#save}, a training checkpoint
   * (its optimizer state is ignored) or a file from other tools. The file is read now, whole.
   *
   * @throws IOException if the file cannot be read or is not a valid safetensors file
   */
  public static WeightTransfer from(Path file) throws IOException {
    return new WeightTransfer(TensorSource.read(Objects.requireNonNull(file, "file")));
  }

  /**
   * Maps a name of the source to a name of the target: two layer names ({@code "conv1"} to {@code
   * "stem_conv"}, every tensor {@code conv1.<kind>} to {@code stem_conv.<kind>}) or two tensor
   * names ({@code "fc.kernel"} to {@code "head.kernel"}). Names not mapped match by identity.
   *
   * @return this transfer
   */
  public WeightTransfer map(String sourceName, String targetName) {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(targetName, "targetName");
    if (sourceName.contains(".") != targetName.contains(".")) {
      throw new IllegalArgumentException(
          "map(\""
              + sourceName
              + "\", \""
              + targetName
              + "\"): map a layer to a layer (\"conv1\") or a tensor to a tensor"
              + " (\"conv1.kernel\"), not one to the other");
    }
    if (mapping.put(sourceName, targetName) != null) {
      throw new IllegalArgumentException("map: '" + sourceName + "' is mapped twice");
    }
    return this;
  }

  /** Adds every entry of {@code sourceToTarget} as {@link #map(String, String)} does. */
  public WeightTransfer map(Map<String, String> sourceToTarget) {
    sourceToTarget.forEach(this::map);
    return this;
  }

  /** Fills only these layers of the target; the others keep their weights. */
  public WeightTransfer only(String... targetLayers) {
    only.addAll(Arrays.asList(targetLayers));
    return this;
  }

  /** Leaves these layers of the target alone, such as a new head. */
  public WeightTransfer except(String... targetLayers) {
    except.addAll(Arrays.asList(targetLayers));
    return this;
  }

  /**
   * Leaves tensors whose shapes differ as they are instead of failing, as Keras's {@code
   * skip_mismatch=True}; the report still lists them.
   */
  public WeightTransfer skipMismatched() {
    skipMismatched = true;
    return this;
  }

  /**
   * What {@link #into} would do, without changing {@code target} and without failing on shape
   * mismatches.
   *
   * @throws TransferException if a mapping or layer filter names something that does not exist
   */
  public TransferReport plan(Model target) {
    return planner(target).report;
  }

  /**
   * Copies the matching tensors into {@code target}, all or nothing.
   *
   * @return what was taken, skipped and mismatched
   * @throws TransferException naming each tensor and both shapes when shapes differ (and {@link
   *     #skipMismatched()} is not set), when a mapping or filter names something unknown, or when
   *     no tensor at all matches; the target is then unchanged
   */
  public TransferReport into(Model target) {
    Planner plan = planner(target);
    TransferReport report = plan.report;
    if (!report.mismatched().isEmpty() && !skipMismatched) {
      throw new TransferException(mismatchMessage(report), report);
    }
    if (report.taken().isEmpty()) {
      throw new TransferException(
          "nothing to transfer from "
              + source.description()
              + " into "
              + target.name()
              + ": no tensor name matches (source tensors: "
              + abbreviate(source.shapes().keySet())
              + "; target tensors: "
              + abbreviate(plan.targetParams.keySet())
              + "); map names with map(sourceName, targetName)",
          report);
    }
    apply(report, plan.targetParams, target.weights());
    return report;
  }

  private Planner planner(Model target) {
    Objects.requireNonNull(target, "target");
    Planner plan = new Planner(target);
    plan.checkFilters(only, "only");
    plan.checkFilters(except, "except");
    plan.resolveMapping();
    plan.build();
    return plan;
  }

  // Stages every taken tensor first, so a source aliasing the target reads the old values.
  private void apply(TransferReport report, Map<String, Param> targetParams, float[] weights) {
    float[] staged = new float[Math.toIntExact(report.valuesTaken())];
    int at = 0;
    for (TransferReport.Taken t : report.taken()) {
      source.copy(t.source(), staged, at);
      at += (int) targetParams.get(t.target()).size();
    }
    at = 0;
    for (TransferReport.Taken t : report.taken()) {
      Param p = targetParams.get(t.target());
      System.arraycopy(staged, at, weights, p.offset(), (int) p.size());
      at += (int) p.size();
    }
  }

  private String mismatchMessage(TransferReport report) {
    StringBuilder out = new StringBuilder();
    out.append("cannot transfer weights from ")
        .append(report.source())
        .append(" into ")
        .append(report.target())
        .append("; the target is unchanged. Shapes differ:");
    for (TransferReport.Mismatch m : report.mismatched()) {
      String names = m.source().equals(m.target()) ? m.source() : m.source() + " -> " + m.target();
      out.append("\n  ")
          .append(names)
          .append(": ")
          .append(m.sourceShape())
          .append(" in ")
          .append(report.source())
          .append(", ")
          .append(m.targetShape())
          .append(" in ")
          .append(report.target());
    }
    out.append("\nLeave those layers out with except(...), or call skipMismatched() to keep their")
        .append(" current weights.");
    return out.toString();
  }

  private static String abbreviate(Set<String> names) {
    List<String> list = new ArrayList<>(names);
    if (list.size() <= 8) {
      return String.join(", ", list);
    }
    return String.join(", ", list.subList(0, 8)) + ", ... (" + list.size() + " in all)";
  }

  /** Pairs target tensors with source tensors and classifies each pair. */
  private final class Planner {
    final Model target;
    final Map<String, Param> targetParams = new LinkedHashMap<>();
    final Set<String> targetLayers = new LinkedHashSet<>();
    // target tensor -> source tensor, from the explicit mapping
    final Map<String, String> explicit = new LinkedHashMap<>();
    TransferReport report;

    Planner(Model target) {
      this.target = target;
      for (Layer layer : target.layers()) {
        targetLayers.add(layer.name());
        for (Param p : layer.params()) {
          targetParams.put(p.name(), p);
        }
      }
    }

    void checkFilters(Set<String> layers, String what) {
      for (String name : layers) {
        if (!targetLayers.contains(name)) {
          throw new TransferException(
              what
                  + "(\""
                  + name
                  + "\"): no layer '"
                  + name
                  + "' in "
                  + target.name()
                  + "; layers: "
                  + abbreviate(targetLayers),
              null);
        }
      }
    }

    void resolveMapping() {
      for (Map.Entry<String, String> e : mapping.entrySet()) {
        String from = e.getKey();
        String to = e.getValue();
        if (from.contains(".")) {
          requireSourceTensor(from);
          if (!targetParams.containsKey(to)) {
            throw unknown("target tensor", to, target.name(), targetParams.keySet());
          }
          pair(from, to);
          continue;
        }
        if (!targetLayers.contains(to)) {
          throw unknown("target layer", to, target.name(), targetLayers);
        }
        boolean any = false;
        for (String name : source.shapes().keySet()) {
          if (name.startsWith(from + ".")) {
            pair(name, to + name.substring(from.length()));
            any = true;
          }
        }
        if (!any) {
          throw unknown("source layer", from, source.description(), sourceLayers());
        }
      }
    }

    void build() {
      Set<String> mappedSources = new HashSet<>(explicit.values());
      Set<String> consumed = new HashSet<>();
      List<TransferReport.Taken> taken = new ArrayList<>();
      List<TransferReport.Skipped> skipped = new ArrayList<>();
      List<TransferReport.Mismatch> mismatched = new ArrayList<>();
      for (Param p : targetParams.values()) {
        String from = explicit.get(p.name());
        if (from == null
            && source.shapes().containsKey(p.name())
            && !mappedSources.contains(p.name())) {
          from = p.name();
        }
        if (from != null) {
          consumed.add(from);
        }
        if (excluded(p.layer())) {
          skipped.add(new TransferReport.Skipped(p.name(), "excluded"));
        } else if (from == null) {
          skipped.add(new TransferReport.Skipped(p.name(), "absent in " + source.description()));
        } else if (Arrays.equals(source.shapes().get(from), p.shape())) {
          taken.add(new TransferReport.Taken(from, p.name(), TransferReport.shape(p.shape())));
        } else {
          mismatched.add(
              new TransferReport.Mismatch(
                  from,
                  TransferReport.shape(source.shapes().get(from)),
                  p.name(),
                  TransferReport.shape(p.shape())));
        }
      }
      Map<String, String> mappedTo = new LinkedHashMap<>();
      explicit.forEach((to, from) -> mappedTo.put(from, to));
      for (String name : source.shapes().keySet()) {
        if (!consumed.contains(name)) {
          String to = mappedTo.containsKey(name) ? " (mapped to " + mappedTo.get(name) + ")" : "";
          skipped.add(new TransferReport.Skipped(name, "absent in " + target.name() + to));
        }
      }
      report = new TransferReport(source.description(), target.name(), taken, skipped, mismatched);
    }

    private boolean excluded(String layer) {
      return except.contains(layer) || (!only.isEmpty() && !only.contains(layer));
    }

    private void pair(String from, String to) {
      String previous = explicit.put(to, from);
      if (previous != null && !previous.equals(from)) {
        throw new TransferException(
            "map: both '" + previous + "' and '" + from + "' are mapped to '" + to + "'", null);
      }
    }

    private void requireSourceTensor(String name) {
      if (!source.shapes().containsKey(name)) {
        throw unknown("source tensor", name, source.description(), source.shapes().keySet());
      }
    }

    private Set<String> sourceLayers() {
      Set<String> layers = new LinkedHashSet<>();
      for (String name : source.shapes().keySet()) {
        int dot = name.indexOf('.');
        layers.add(dot < 0 ? name : name.substring(0, dot));
      }
      return layers;
    }

    private TransferException unknown(String what, String name, String in, Set<String> known) {
      return new TransferException(
          "map: no " + what + " '" + name + "' in " + in + "; known: " + abbreviate(known), null);
    }
  }
}

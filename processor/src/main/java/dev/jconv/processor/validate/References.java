package dev.jconv.processor.validate;

import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.diag.Report;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.NetworkSpec;
import dev.jconv.processor.model.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves each layer's {@code from} names to earlier fields: the previous field (or the network
 * input) when empty; unknown, self and later references are reported, with a "did you mean" for
 * near misses.
 */
final class References {
  private References() {}

  /**
   * The input names of every layer, in order; null for a layer whose {@code from} is wrong
   * (reported).
   */
  static List<List<String>> resolve(NetworkSpec network, List<Report> reports) {
    Map<String, Integer> index = new HashMap<>();
    List<LayerSpec> layers = network.layers();
    for (int i = 0; i < layers.size(); i++) {
      index.put(layers.get(i).name(), i);
    }
    for (LayerSpec spec : layers) {
      if (spec.name().equals(Node.INPUT)) {
        reports.add(
            Report.on(
                spec.source(),
                Diag.RESERVED_NAME,
                spec.name(),
                spec.kerasType().toLowerCase(java.util.Locale.ROOT)));
      }
    }
    List<List<String>> inputs = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      LayerSpec spec = layers.get(i);
      int before = reports.size();
      if (spec.isMerge() && spec.from().size() < 2) {
        reports.add(
            Report.at(
                spec.source(),
                "from",
                Diag.MERGE_INPUTS,
                spec.name(),
                spec.kerasType(),
                quoted(spec.from()),
                spec.from().size(),
                spec.kerasType()));
      }
      if (spec.from().isEmpty()) {
        inputs.add(
            reports.size() > before
                ? null
                : List.of(i == 0 ? Node.INPUT : layers.get(i - 1).name()));
        continue;
      }
      for (String from : spec.from()) {
        Integer at = index.get(from);
        if (from.equals(Node.INPUT)) {
          continue;
        } else if (at == null) {
          reports.add(
              Report.at(
                  spec.source(),
                  "from",
                  Diag.FROM_UNKNOWN,
                  spec.name(),
                  spec.kerasType(),
                  from,
                  network.className(),
                  suggestion(from, layers, i)));
        } else if (at == i) {
          reports.add(
              Report.at(
                  spec.source(), "from", Diag.FROM_SELF, spec.name(), spec.kerasType(), from));
        } else if (at > i) {
          reports.add(
              Report.at(
                  spec.source(),
                  "from",
                  Diag.FROM_LATER,
                  spec.name(),
                  spec.kerasType(),
                  from,
                  from,
                  spec.name()));
        }
      }
      inputs.add(reports.size() > before ? null : spec.from());
    }
    return inputs;
  }

  /** "; did you mean 'conv1'?" for the closest earlier field within a small edit distance. */
  private static String suggestion(String name, List<LayerSpec> layers, int before) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    List<String> candidates = new ArrayList<>();
    candidates.add(Node.INPUT);
    for (int i = 0; i < before; i++) {
      candidates.add(layers.get(i).name());
    }
    for (String candidate : candidates) {
      int d = distance(name.toLowerCase(), candidate.toLowerCase());
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    if (best != null && bestDistance <= Math.max(2, name.length() / 3)) {
      return "; did you mean '" + best + "'?";
    }
    if (before == 0) {
      return "; it is the first field, so it can read only the network input (\"input\")";
    }
    return "; the earlier fields are "
        + String.join(", ", candidates.subList(1, candidates.size()));
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static String quoted(List<String> names) {
    List<String> q = new ArrayList<>();
    for (String n : names) {
      q.add("\"" + n + "\"");
    }
    return "{" + String.join(", ", q) + "}";
  }
}

package dev.jconv.io;

import dev.jconv.Param;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Compares a file's tensors with a model's parameters and, if they differ, says how: wrong shapes
 * (expected versus found), missing names and unexpected names, with "did you mean" for near misses.
 */
final class WeightsMismatch {
  /** Names listed per category before "... and N more". */
  private static final int MAX_LISTED = 20;

  private WeightsMismatch() {}

  /** The problems, one per line after a title, or null when the file fits the model exactly. */
  static String describe(Map<String, Param> expected, SafeTensorsReader reader, String network) {
    String fileName = String.valueOf(reader.file().getFileName());
    List<String> wrongShapes = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Param p : expected.values()) {
      TensorInfo found = reader.tensor(p.name());
      if (found == null) {
        missing.add(p.name());
      } else if (!found.hasShape(p.shape())) {
        wrongShapes.add(
            p.name()
                + ": expected shape "
                + Arrays.toString(p.shape())
                + ", found "
                + Arrays.toString(found.shape())
                + " in "
                + fileName);
      }
    }
    List<String> unexpected = new ArrayList<>();
    for (TensorInfo t : reader.tensors()) {
      if (!expected.containsKey(t.name())) {
        unexpected.add(t.name() + suggestion(t.name(), missing));
      }
    }
    if (wrongShapes.isEmpty() && missing.isEmpty() && unexpected.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    out.append(reader.file()).append(" does not fit ").append(network);
    String savedFrom = reader.metadata().get(ModelWeights.NETWORK_KEY);
    if (savedFrom != null && !savedFrom.equals(network)) {
      out.append(" (it was saved from ").append(savedFrom).append(')');
    }
    out.append("; nothing was loaded:");
    for (String line : capped(wrongShapes)) {
      out.append("\n  ").append(line);
    }
    if (!missing.isEmpty()) {
      out.append("\n  missing from the file: ").append(String.join(", ", capped(missing)));
    }
    if (!unexpected.isEmpty()) {
      out.append("\n  unexpected in the file: ").append(String.join(", ", capped(unexpected)));
    }
    return out.toString();
  }

  /** " (did you mean conv1.kernel?)" for the closest missing name within a small edit distance. */
  private static String suggestion(String name, List<String> missing) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : missing) {
      int d = distance(name, candidate);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return best != null && bestDistance <= Math.max(2, name.length() / 4)
        ? " (did you mean " + best + "?)"
        : "";
  }

  private static List<String> capped(List<String> items) {
    if (items.size() <= MAX_LISTED) {
      return items;
    }
    List<String> out = new ArrayList<>(items.subList(0, MAX_LISTED));
    out.add("... and " + (items.size() - MAX_LISTED) + " more");
    return out;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}

package dev.jconv.processor.validate;

import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.diag.Report;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.NetworkSpec;
import dev.jconv.processor.model.Node;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Augmentation layers (RandomFlip, ..., GaussianNoise) have no backward pass to earlier layers, so
 * they must read the network input, directly or through other augmentation or Rescaling layers;
 * anywhere else is {@link Diag#AUGMENTATION_NOT_AT_INPUT}.
 */
final class AugmentationPlacement {
  private AugmentationPlacement() {}

  /**
   * Reports every augmentation layer that does not sit at the input.
   *
   * @param inputs each layer's resolved input names, null where they did not resolve
   */
  static void check(NetworkSpec network, List<List<String>> inputs, List<Report> reports) {
    Set<String> atInput = new HashSet<>(Set.of(Node.INPUT));
    for (int i = 0; i < network.layers().size(); i++) {
      LayerSpec spec = network.layers().get(i);
      List<String> in = inputs.get(i);
      if (in == null || in.size() != 1) {
        continue; // unresolved (reported), or a merge, which is never at the input
      }
      boolean fed = atInput.contains(in.get(0));
      if (fed && (spec.isAugmentation() || spec instanceof LayerSpec.Rescaling)) {
        atInput.add(spec.name());
      } else if (!fed && spec.isAugmentation()) {
        reports.add(
            Report.at(
                spec.source(),
                "from",
                Diag.AUGMENTATION_NOT_AT_INPUT,
                spec.name(),
                spec.kerasType(),
                describe(network, in.get(0)),
                spec.name()));
      }
    }
  }

  private static String describe(NetworkSpec network, String input) {
    for (LayerSpec spec : network.layers()) {
      if (spec.name().equals(input)) {
        return "'" + input + "' (" + spec.kerasType() + ")";
      }
    }
    return "'" + input + "'";
  }
}

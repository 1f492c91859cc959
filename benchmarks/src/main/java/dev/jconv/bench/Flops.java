package dev.jconv.bench;

import dev.jconv.Layer;
import dev.jconv.Model;
import dev.jconv.Param;
import java.util.List;

/**
 * Multiply-adds of a network counted from its layers' kernels (convolutions and dense layers; 2
 * FLOPs each): the forward pass and a training step (forward, input and weight gradients; no input
 * gradient for the first layer, as neither engine computes one).
 */
final class Flops {
  private Flops() {}

  /** FLOPs of one layer's forward pass on one example: 2 x positions x kernel size. */
  static long forward(Layer layer) {
    long flops = 0;
    int[] out = layer.outputShape();
    long positions = layer.outputSize() / out[out.length - 1];
    for (Param p : layer.params()) {
      if (p.kind().endsWith("kernel")) {
        flops += 2 * positions * p.size();
      }
    }
    return flops;
  }

  /** Forward FLOPs of the whole network per example. */
  static long forward(Model model) {
    long flops = 0;
    for (Layer layer : model.layers()) {
      flops += forward(layer);
    }
    return flops;
  }

  /** Training-step FLOPs per example: forward plus twice forward, less the first layer's dx. */
  static long trainStep(Model model) {
    List<Layer> layers = model.layers();
    return 3 * forward(model) - (layers.isEmpty() ? 0 : forward(layers.get(0)));
  }
}

package dev.jconv.examples;

import static dev.jconv.Activation.Fn.RELU;
import static dev.jconv.Activation.Fn.SOFTMAX;
import static dev.jconv.Padding.SAME;

import dev.jconv.Activation;
import dev.jconv.Add;
import dev.jconv.BatchNormalization;
import dev.jconv.Conv2D;
import dev.jconv.Dense;
import dev.jconv.GlobalAveragePooling2D;
import dev.jconv.Layer;
import dev.jconv.Network;

/**
 * A small network around one ResNet basic block that halves the resolution and doubles the
 * channels: two 3x3 convolutions on the main path and a strided 1x1 projection on the shortcut,
 * joined by {@code Add} and a ReLU. 32x32 RGB into 10 classes; 15,546 parameters (224 of them
 * non-trainable batch-norm statistics).
 */
@Network(
    input = {32, 32, 3},
    params = 15_546)
public abstract class ResNetBlock {
  // Stem: (32, 32, 3) -> (32, 32, 16).
  @Conv2D(filters = 16, kernelSize = 3, padding = SAME, useBias = false)
  Layer stem_conv;

  @BatchNormalization Layer stem_bn;

  @Activation(RELU)
  Layer stem_relu;

  // Main path: (32, 32, 16) -> (16, 16, 32).
  @Conv2D(filters = 32, kernelSize = 3, strides = 2, padding = SAME, useBias = false)
  Layer block1_conv1;

  @BatchNormalization Layer block1_bn1;

  @Activation(RELU)
  Layer block1_relu1;

  @Conv2D(filters = 32, kernelSize = 3, padding = SAME, useBias = false)
  Layer block1_conv2;

  @BatchNormalization Layer block1_bn2;

  // Shortcut: a 1x1 projection with the main path's strides and filters, so the shapes agree.
  @Conv2D(filters = 32, kernelSize = 1, strides = 2, useBias = false, from = "stem_relu")
  Layer block1_proj;

  @BatchNormalization Layer block1_proj_bn;

  @Add(from = {"block1_bn2", "block1_proj_bn"})
  Layer add1;

  @Activation(value = RELU, from = "add1")
  Layer block1_out;

  // Head: (16, 16, 32) -> (10).
  @GlobalAveragePooling2D Layer gap;

  @Dense(units = 10, activation = SOFTMAX)
  Layer predictions;
}

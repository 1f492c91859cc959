package dev.jconv.examples;

import static dev.jconv.Activation.Fn.RELU;
import static dev.jconv.Activation.Fn.SOFTMAX;
import static dev.jconv.Padding.SAME;

import dev.jconv.*;

/** The README's ResNet example: an identity block and a downsampling block with a projection. */
@Network(
    input = {32, 32, 3},
    params = 19_850)
public abstract class TinyResNet {
  @Conv2D(filters = 16, kernelSize = 3, padding = SAME, activation = RELU)
  Layer stem;

  // Identity block: two convolutions, then add the block's input back.
  @Conv2D(filters = 16, kernelSize = 3, padding = SAME, activation = RELU)
  Layer conv1a;

  @Conv2D(filters = 16, kernelSize = 3, padding = SAME)
  Layer conv1b;

  @Add(from = {"conv1b", "stem"})
  Layer add1;

  @Activation(RELU)
  Layer relu1;

  // Downsampling block: the shortcut is projected by a strided 1x1 convolution.
  @Conv2D(filters = 32, kernelSize = 3, strides = 2, padding = SAME, activation = RELU)
  Layer conv2a;

  @Conv2D(filters = 32, kernelSize = 3, padding = SAME)
  Layer conv2b;

  @Conv2D(filters = 32, kernelSize = 1, strides = 2, from = "relu1")
  Layer proj2;

  @Add(from = {"conv2b", "proj2"})
  Layer add2;

  @Activation(value = RELU, from = "add2")
  Layer relu2;

  @GlobalAveragePooling2D Layer gap;

  @Dense(units = 10, activation = SOFTMAX)
  Layer out;
}

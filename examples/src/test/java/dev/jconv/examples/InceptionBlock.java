package dev.jconv.examples;

import static dev.jconv.Activation.Fn.RELU;
import static dev.jconv.Padding.SAME;

import dev.jconv.Concatenate;
import dev.jconv.Conv2D;
import dev.jconv.Layer;
import dev.jconv.MaxPooling2D;
import dev.jconv.Network;

/** The README's inception module: GoogLeNet's (3a), four branches concatenated. */
@Network(
    input = {28, 28, 192},
    params = 163_696)
public abstract class InceptionBlock {
  @Conv2D(filters = 64, kernelSize = 1, activation = RELU, from = "input")
  Layer b1x1;

  @Conv2D(filters = 96, kernelSize = 1, activation = RELU, from = "input")
  Layer b3x3Reduce;

  @Conv2D(filters = 128, kernelSize = 3, padding = SAME, activation = RELU)
  Layer b3x3;

  @Conv2D(filters = 16, kernelSize = 1, activation = RELU, from = "input")
  Layer b5x5Reduce;

  @Conv2D(filters = 32, kernelSize = 5, padding = SAME, activation = RELU)
  Layer b5x5;

  @MaxPooling2D(poolSize = 3, strides = 1, padding = SAME, from = "input")
  Layer bpoolMax;

  @Conv2D(filters = 32, kernelSize = 1, activation = RELU)
  Layer bpool;

  @Concatenate(from = {"b1x1", "b3x3", "b5x5", "bpool"})
  Layer mixed;
}

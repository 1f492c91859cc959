package dev.jconv.examples;

import static dev.jconv.Activation.Fn.RELU;
import static dev.jconv.Activation.Fn.SOFTMAX;

import dev.jconv.Conv2D;
import dev.jconv.Dense;
import dev.jconv.Dropout;
import dev.jconv.Flatten;
import dev.jconv.Layer;
import dev.jconv.MaxPooling2D;
import dev.jconv.Network;

/**
 * The Fashion-MNIST network of the side-by-side benchmark: two valid 3x3 convolutions with pooling,
 * a 128-unit dense layer and dropout; 225,034 parameters, the count PyTorch's copy must match.
 */
@Network(
    input = {28, 28, 1},
    params = 225_034)
public abstract class FashionNet {
  @Conv2D(filters = 32, kernelSize = 3, activation = RELU)
  Layer conv1;

  @MaxPooling2D(poolSize = 2)
  Layer pool1;

  @Conv2D(filters = 64, kernelSize = 3, activation = RELU)
  Layer conv2;

  @MaxPooling2D(poolSize = 2)
  Layer pool2;

  @Flatten Layer flatten;

  @Dense(units = 128, activation = RELU)
  Layer fc1;

  @Dropout(rate = 0.5)
  Layer drop1;

  @Dense(units = 10, activation = SOFTMAX)
  Layer out;
}

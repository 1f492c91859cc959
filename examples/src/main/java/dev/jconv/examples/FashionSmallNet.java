package dev.jconv.examples;

import static dev.jconv.Activation.Fn.RELU;
import static dev.jconv.Activation.Fn.SOFTMAX;
import static dev.jconv.Padding.SAME;

import dev.jconv.Conv2D;
import dev.jconv.Dense;
import dev.jconv.Dropout;
import dev.jconv.Flatten;
import dev.jconv.Layer;
import dev.jconv.MaxPooling2D;
import dev.jconv.Network;

/**
 * A small Fashion-MNIST network for the augmentation examples, quick enough to train several times
 * in a few minutes: two 3x3 convolutions with pooling, a 64-unit dense layer; 105,866 parameters.
 */
@Network(
    input = {28, 28, 1},
    params = 105_866)
public abstract class FashionSmallNet {
  @Conv2D(filters = 16, kernelSize = 3, padding = SAME, activation = RELU)
  Layer conv1;

  @MaxPooling2D(poolSize = 2)
  Layer pool1;

  @Conv2D(filters = 32, kernelSize = 3, padding = SAME, activation = RELU)
  Layer conv2;

  @MaxPooling2D(poolSize = 2)
  Layer pool2;

  @Flatten Layer flatten;

  @Dense(units = 64, activation = RELU)
  Layer fc1;

  @Dropout(rate = 0.3)
  Layer drop1;

  @Dense(units = 10, activation = SOFTMAX)
  Layer out;
}

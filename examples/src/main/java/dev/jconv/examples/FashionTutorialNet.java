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
 * The TensorFlow tutorial network for Fashion-MNIST (published test accuracy 0.916): two 5x5
 * convolutions with pooling, a 1024-unit dense layer and dropout; 3,274,634 parameters.
 */
@Network(
    input = {28, 28, 1},
    params = 3_274_634)
public abstract class FashionTutorialNet {
  @Conv2D(filters = 32, kernelSize = 5, padding = SAME, activation = RELU)
  Layer conv1;

  @MaxPooling2D(poolSize = 2)
  Layer pool1;

  @Conv2D(filters = 64, kernelSize = 5, padding = SAME, activation = RELU)
  Layer conv2;

  @MaxPooling2D(poolSize = 2)
  Layer pool2;

  @Flatten Layer flatten;

  @Dense(units = 1024, activation = RELU)
  Layer fc1;

  @Dropout(rate = 0.4)
  Layer drop1;

  @Dense(units = 10, activation = SOFTMAX)
  Layer out;
}

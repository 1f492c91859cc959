package dev.jconv.examples;

import static dev.jconv.Activation.Fn.RELU;
import static dev.jconv.Activation.Fn.SOFTMAX;

import dev.jconv.Conv2D;
import dev.jconv.Dense;
import dev.jconv.Layer;
import dev.jconv.MaxPooling2D;
import dev.jconv.Network;

@Network(input = {28, 28, 1})
public abstract class SmallNet {
  @Conv2D(filters = 16, kernelSize = 3, activation = RELU)
  Layer conv1;

  @MaxPooling2D(poolSize = 2)
  Layer pool1;

  @Conv2D(filters = 32, kernelSize = 15, activation = RELU)  // line 20
  Layer conv2;

  @Dense(units = 10, activation = SOFTMAX)                   // line 23
  Layer out;
}

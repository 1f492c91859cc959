package com.example.modular;

import static dev.jconv.Activation.Fn.RELU;
import static dev.jconv.Activation.Fn.SOFTMAX;

import dev.jconv.Conv2D;
import dev.jconv.Dense;
import dev.jconv.Flatten;
import dev.jconv.Layer;
import dev.jconv.MaxPooling2D;
import dev.jconv.Network;

/** A network declared inside a named module. */
@Network(input = {8, 8, 1}, params = 40 + 148)
public abstract class EdgeNet {
  @Conv2D(filters = 4, kernelSize = 3, activation = RELU)
  Layer conv1;

  @MaxPooling2D(poolSize = 2)
  Layer pool1;

  @Flatten Layer flat;

  @Dense(units = 4, activation = SOFTMAX)
  Layer out;
}

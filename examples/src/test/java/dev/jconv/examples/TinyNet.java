package dev.jconv.examples;

import static dev.jconv.Activation.Fn.RELU;
import static dev.jconv.Activation.Fn.SOFTMAX;
import static dev.jconv.Padding.SAME;

import dev.jconv.BatchNormalization;
import dev.jconv.Conv2D;
import dev.jconv.Dense;
import dev.jconv.Dropout;
import dev.jconv.Flatten;
import dev.jconv.Layer;
import dev.jconv.MaxPooling2D;
import dev.jconv.Network;

/** A small network for fast training tests: 8x8 grey images, four classes. */
@Network(input = {8, 8, 1})
abstract class TinyNet {
  @Conv2D(filters = 6, kernelSize = 3, padding = SAME, activation = RELU)
  Layer conv1;

  @BatchNormalization Layer bn1;

  @MaxPooling2D(poolSize = 2)
  Layer pool1;

  @Flatten Layer flat;

  @Dense(units = 16, activation = RELU)
  Layer fc1;

  @Dropout(rate = 0.2)
  Layer drop1;

  @Dense(units = 4, activation = SOFTMAX)
  Layer out;
}

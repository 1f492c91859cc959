package dev.jconv.examples;

import static dev.jconv.Activation.Fn.SOFTMAX;
import static dev.jconv.Activation.Fn.TANH;
import static dev.jconv.Padding.SAME;

import dev.jconv.Activation;
import dev.jconv.BatchNormalization;
import dev.jconv.Conv2D;
import dev.jconv.Dense;
import dev.jconv.GlobalAveragePooling2D;
import dev.jconv.Layer;
import dev.jconv.Network;

/**
 * A smooth network (no ReLU, no max pooling) around a frozen BatchNormalization, so that finite
 * differences check the gradient through it tightly: 6x6x2 inputs, three classes.
 */
@Network(input = {6, 6, 2})
abstract class FrozenNormNet {
  @Conv2D(filters = 3, kernelSize = 3, padding = SAME)
  Layer conv1;

  @BatchNormalization(trainable = false)
  Layer bn1;

  @Activation(TANH)
  Layer act;

  @GlobalAveragePooling2D Layer gap;

  @Dense(units = 3, activation = SOFTMAX)
  Layer out;
}

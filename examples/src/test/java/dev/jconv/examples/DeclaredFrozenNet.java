package dev.jconv.examples;

import static dev.jconv.Activation.Fn.RELU;
import static dev.jconv.Activation.Fn.SOFTMAX;
import static dev.jconv.Padding.SAME;

import dev.jconv.Activation;
import dev.jconv.BatchNormalization;
import dev.jconv.Conv2D;
import dev.jconv.Dense;
import dev.jconv.GlobalAveragePooling2D;
import dev.jconv.Layer;
import dev.jconv.MaxPooling2D;
import dev.jconv.Network;

/**
 * A small extractor declared frozen, Keras's {@code trainable=False} per layer, under a trainable
 * head: 8x8 grey images, four classes.
 */
@Network(input = {8, 8, 1})
abstract class DeclaredFrozenNet {
  @Conv2D(filters = 4, kernelSize = 3, padding = SAME, trainable = false)
  Layer conv1;

  @BatchNormalization(trainable = false)
  Layer bn1;

  @Activation(RELU)
  Layer relu1;

  @MaxPooling2D(poolSize = 2)
  Layer pool1;

  @Conv2D(filters = 8, kernelSize = 3, padding = SAME, activation = RELU)
  Layer conv2;

  @GlobalAveragePooling2D Layer gap;

  @Dense(units = 4, activation = SOFTMAX)
  Layer out;
}

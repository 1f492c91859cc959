package dev.jconv.examples;

import static dev.jconv.Activation.Fn.RELU;
import static dev.jconv.Activation.Fn.SOFTMAX;
import static dev.jconv.Padding.SAME;

import dev.jconv.Activation;
import dev.jconv.BatchNormalization;
import dev.jconv.Conv2D;
import dev.jconv.Dense;
import dev.jconv.Dropout;
import dev.jconv.GlobalAveragePooling2D;
import dev.jconv.Layer;
import dev.jconv.MaxPooling2D;
import dev.jconv.Network;

/**
 * The target network of the transfer-learning example: {@link FashionBaseNet}'s extractor, field
 * for field (so its weights transfer by name), under a new head for Fashion-MNIST classes 5-9.
 */
@Network(input = {28, 28, 1})
public abstract class FashionTransferNet {
  @Conv2D(filters = 16, kernelSize = 3, padding = SAME, activation = RELU)
  Layer conv1;

  @MaxPooling2D(poolSize = 2)
  Layer pool1;

  @Conv2D(filters = 32, kernelSize = 3, padding = SAME)
  Layer conv2;

  @BatchNormalization Layer bn2;

  @Activation(RELU)
  Layer relu2;

  @MaxPooling2D(poolSize = 2)
  Layer pool2;

  @Conv2D(filters = 64, kernelSize = 3, padding = SAME, activation = RELU)
  Layer conv3;

  @GlobalAveragePooling2D Layer features;

  @Dense(units = 32, activation = RELU)
  Layer fc;

  @Dropout(rate = 0.2)
  Layer drop;

  @Dense(units = 5, activation = SOFTMAX)
  Layer classes;
}

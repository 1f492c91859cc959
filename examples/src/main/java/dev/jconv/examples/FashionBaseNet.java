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
 * The base network of the transfer-learning example: a small convolutional feature extractor (conv1
 * ... features, 64 features per image) and a 5-class head, trained on Fashion-MNIST classes 0-4;
 * {@link FashionTransferNet} reuses its extractor.
 */
@Network(
    input = {28, 28, 1},
    params = 23_749)
public abstract class FashionBaseNet {
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

  @Dense(units = 5, activation = SOFTMAX)
  Layer out;
}

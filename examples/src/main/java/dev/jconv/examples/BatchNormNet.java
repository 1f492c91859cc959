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
import dev.jconv.SeparableConv2D;

/**
 * The BatchNormalization and SeparableConv2D example: 64x64 RGB patches into 5 classes, like the
 * seed network {@link SeedNet} and with the same 30,485 parameters (30,421 trainable, 64
 * non-trainable: the moving statistics of {@code bn3}), but with a batch-normalized convolution, a
 * depthwise-separable one, fused activations and one dropout. It trains from Keras's default
 * initialisers without the seed network's slow start.
 */
@Network(
    input = {64, 64, 3},
    params = 30_485)
public abstract class BatchNormNet {
  @Conv2D(filters = 8, kernelSize = 3, padding = SAME)
  Layer conv1;

  @Activation(RELU)
  Layer relu1;

  @MaxPooling2D(poolSize = 2)
  Layer pool1;

  @Conv2D(filters = 16, kernelSize = 3, padding = SAME, activation = RELU)
  Layer conv2;

  @MaxPooling2D(poolSize = 2)
  Layer pool2;

  @Conv2D(filters = 32, kernelSize = 3, padding = SAME, activation = RELU)
  Layer conv3;

  @BatchNormalization Layer bn3;

  @MaxPooling2D(poolSize = 2)
  Layer pool3;

  @SeparableConv2D(filters = 32, kernelSize = 3, padding = SAME, activation = RELU)
  Layer sep4;

  @Conv2D(filters = 64, kernelSize = 3, padding = SAME, activation = RELU)
  Layer conv5;

  @GlobalAveragePooling2D Layer gap;

  @Dense(units = 64, activation = RELU)
  Layer fc1;

  @Dropout(rate = 0.5)
  Layer drop1;

  @Dense(units = 5, activation = SOFTMAX)
  Layer out;
}

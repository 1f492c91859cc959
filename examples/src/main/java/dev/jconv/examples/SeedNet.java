package dev.jconv.examples;

import static dev.jconv.Activation.Fn.RELU;
import static dev.jconv.Activation.Fn.SOFTMAX;
import static dev.jconv.Padding.SAME;

import dev.jconv.Activation;
import dev.jconv.Conv2D;
import dev.jconv.Dense;
import dev.jconv.Dropout;
import dev.jconv.GlobalAveragePooling2D;
import dev.jconv.Layer;
import dev.jconv.MaxPooling2D;
import dev.jconv.Network;

/**
 * The seed network: the Keras model of the seed document ("Example of CNN for Image
 * Classification"), layer for layer, with its separate {@code Activation} layers; 30,485
 * parameters, about 21.1 MFLOP per 64x64x3 image.
 */
@Network(
    input = {64, 64, 3},
    params = 30_485)
public abstract class SeedNet {
  @Conv2D(filters = 8, kernelSize = 3, padding = SAME)
  Layer conv1;

  @Activation(RELU)
  Layer relu1;

  @MaxPooling2D(poolSize = 2)
  Layer pool1;

  @Conv2D(filters = 16, kernelSize = 3, padding = SAME)
  Layer conv2;

  @Activation(RELU)
  Layer relu2;

  @Conv2D(filters = 16, kernelSize = 3, padding = SAME)
  Layer conv3;

  @Activation(RELU)
  Layer relu3;

  @MaxPooling2D(poolSize = 2)
  Layer pool2;

  @Conv2D(filters = 24, kernelSize = 5, padding = SAME)
  Layer conv4;

  @Activation(RELU)
  Layer relu4;

  @Conv2D(filters = 24, kernelSize = 5, padding = SAME)
  Layer conv5;

  @Activation(RELU)
  Layer relu5;

  @MaxPooling2D(poolSize = 2)
  Layer pool3;

  @GlobalAveragePooling2D Layer gap;

  @Dense(units = 64)
  Layer fc1;

  @Activation(RELU)
  Layer relu6;

  @Dropout(rate = 0.5)
  Layer drop1;

  @Dense(units = 16)
  Layer fc2;

  @Activation(RELU)
  Layer relu7;

  @Dropout(rate = 0.5)
  Layer drop2;

  @Dense(units = 5)
  Layer dense3;

  @Activation(SOFTMAX)
  Layer out;
}

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
 * AlexNet (Krizhevsky, Sutskever and Hinton, 2012) as one tower instead of the paper's two GPU
 * halves, without local response normalisation: 227x227 RGB, five convolutions, three overlapping
 * 3x3 max-poolings with stride 2, and three dense layers with dropout; 62,378,344 parameters, the
 * usual figure for this single-tower form.
 *
 * <p>The paper's 224x224 input does not divide by the 11x11 stride-4 first layer; 227x227 does
 * ({@code (227 - 11) / 4 + 1 = 55}), as in Caffe's reference model.
 */
@Network(
    input = {227, 227, 3},
    params = 62_378_344)
public abstract class AlexNet {
  // (227, 227, 3) -> (55, 55, 96) -> (27, 27, 96)
  @Conv2D(filters = 96, kernelSize = 11, strides = 4, activation = RELU)
  Layer conv1;

  @MaxPooling2D(poolSize = 3, strides = 2)
  Layer pool1;

  // (27, 27, 96) -> (27, 27, 256) -> (13, 13, 256)
  @Conv2D(filters = 256, kernelSize = 5, padding = SAME, activation = RELU)
  Layer conv2;

  @MaxPooling2D(poolSize = 3, strides = 2)
  Layer pool2;

  // (13, 13, 256) -> (13, 13, 384) -> (13, 13, 384) -> (13, 13, 256) -> (6, 6, 256)
  @Conv2D(filters = 384, kernelSize = 3, padding = SAME, activation = RELU)
  Layer conv3;

  @Conv2D(filters = 384, kernelSize = 3, padding = SAME, activation = RELU)
  Layer conv4;

  @Conv2D(filters = 256, kernelSize = 3, padding = SAME, activation = RELU)
  Layer conv5;

  @MaxPooling2D(poolSize = 3, strides = 2)
  Layer pool5;

  // 6 * 6 * 256 = 9,216 features -> 4,096 -> 4,096 -> 1,000 classes
  @Flatten Layer flatten;

  @Dense(units = 4096, activation = RELU)
  Layer fc6;

  @Dropout(rate = 0.5)
  Layer drop6;

  @Dense(units = 4096, activation = RELU)
  Layer fc7;

  @Dropout(rate = 0.5)
  Layer drop7;

  @Dense(units = 1000, activation = SOFTMAX)
  Layer fc8;
}

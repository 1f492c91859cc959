package dev.jconv.examples;

import static dev.jconv.Activation.Fn.RELU;
import static dev.jconv.Activation.Fn.SOFTMAX;
import static dev.jconv.Padding.SAME;

import dev.jconv.Conv2D;
import dev.jconv.Dense;
import dev.jconv.Flatten;
import dev.jconv.Layer;
import dev.jconv.MaxPooling2D;
import dev.jconv.Network;

/**
 * VGG16 as in {@code keras.applications.VGG16(include_top=True)}: 224x224 RGB, 13 3x3 convolutions
 * in five blocks, three dense layers and a 1000-class softmax; 138,357,544 parameters, Keras's
 * published total, checked by the build. Field names are Keras's layer names.
 */
@Network(
    input = {224, 224, 3},
    params = 138_357_544)
public abstract class Vgg16 {
  @Conv2D(filters = 64, kernelSize = 3, padding = SAME, activation = RELU)
  Layer block1_conv1;

  @Conv2D(filters = 64, kernelSize = 3, padding = SAME, activation = RELU)
  Layer block1_conv2;

  @MaxPooling2D(poolSize = 2)
  Layer block1_pool;

  @Conv2D(filters = 128, kernelSize = 3, padding = SAME, activation = RELU)
  Layer block2_conv1;

  @Conv2D(filters = 128, kernelSize = 3, padding = SAME, activation = RELU)
  Layer block2_conv2;

  @MaxPooling2D(poolSize = 2)
  Layer block2_pool;

  @Conv2D(filters = 256, kernelSize = 3, padding = SAME, activation = RELU)
  Layer block3_conv1;

  @Conv2D(filters = 256, kernelSize = 3, padding = SAME, activation = RELU)
  Layer block3_conv2;

  @Conv2D(filters = 256, kernelSize = 3, padding = SAME, activation = RELU)
  Layer block3_conv3;

  @MaxPooling2D(poolSize = 2)
  Layer block3_pool;

  @Conv2D(filters = 512, kernelSize = 3, padding = SAME, activation = RELU)
  Layer block4_conv1;

  @Conv2D(filters = 512, kernelSize = 3, padding = SAME, activation = RELU)
  Layer block4_conv2;

  @Conv2D(filters = 512, kernelSize = 3, padding = SAME, activation = RELU)
  Layer block4_conv3;

  @MaxPooling2D(poolSize = 2)
  Layer block4_pool;

  @Conv2D(filters = 512, kernelSize = 3, padding = SAME, activation = RELU)
  Layer block5_conv1;

  @Conv2D(filters = 512, kernelSize = 3, padding = SAME, activation = RELU)
  Layer block5_conv2;

  @Conv2D(filters = 512, kernelSize = 3, padding = SAME, activation = RELU)
  Layer block5_conv3;

  @MaxPooling2D(poolSize = 2)
  Layer block5_pool;

  @Flatten Layer flatten;

  @Dense(units = 4096, activation = RELU)
  Layer fc1;

  @Dense(units = 4096, activation = RELU)
  Layer fc2;

  @Dense(units = 1000, activation = SOFTMAX)
  Layer predictions;
}

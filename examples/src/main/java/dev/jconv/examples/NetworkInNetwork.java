package dev.jconv.examples;

import static dev.jconv.Activation.Fn.RELU;
import static dev.jconv.Activation.Fn.SOFTMAX;
import static dev.jconv.Padding.SAME;

import dev.jconv.Activation;
import dev.jconv.Conv2D;
import dev.jconv.Dropout;
import dev.jconv.GlobalAveragePooling2D;
import dev.jconv.Layer;
import dev.jconv.MaxPooling2D;
import dev.jconv.Network;

/**
 * Network in Network (Lin, Chen and Yan, 2013) for ImageNet, as the authors' reference Caffe model
 * builds it: four mlpconv blocks, each a spatial convolution followed by two 1x1 convolutions (the
 * "micro network" shared across positions), max-pooling between them, dropout, and no dense layer
 * at all: the last 1x1 convolution has one channel per class and global average pooling turns its
 * maps into the class scores. 224x224 RGB; 7,595,176 parameters, counted layer by layer in {@code
 * NetworkInNetworkTest}.
 *
 * <p>Caffe rounds pooled sizes up; {@code SAME} on the first pooling and {@code VALID} on the other
 * two give the same sizes here (27, 13 and 6).
 */
@Network(
    input = {224, 224, 3},
    params = 7_595_176)
public abstract class NetworkInNetwork {
  // mlpconv 1: (224, 224, 3) -> (54, 54, 96) -> (27, 27, 96).
  @Conv2D(filters = 96, kernelSize = 11, strides = 4, activation = RELU)
  Layer conv1;

  @Conv2D(filters = 96, kernelSize = 1, activation = RELU)
  Layer cccp1;

  @Conv2D(filters = 96, kernelSize = 1, activation = RELU)
  Layer cccp2;

  @MaxPooling2D(poolSize = 3, strides = 2, padding = SAME)
  Layer pool1;

  // mlpconv 2: (27, 27, 96) -> (27, 27, 256) -> (13, 13, 256).
  @Conv2D(filters = 256, kernelSize = 5, padding = SAME, activation = RELU)
  Layer conv2;

  @Conv2D(filters = 256, kernelSize = 1, activation = RELU)
  Layer cccp3;

  @Conv2D(filters = 256, kernelSize = 1, activation = RELU)
  Layer cccp4;

  @MaxPooling2D(poolSize = 3, strides = 2)
  Layer pool2;

  // mlpconv 3: (13, 13, 256) -> (13, 13, 384) -> (6, 6, 384).
  @Conv2D(filters = 384, kernelSize = 3, padding = SAME, activation = RELU)
  Layer conv3;

  @Conv2D(filters = 384, kernelSize = 1, activation = RELU)
  Layer cccp5;

  @Conv2D(filters = 384, kernelSize = 1, activation = RELU)
  Layer cccp6;

  @MaxPooling2D(poolSize = 3, strides = 2)
  Layer pool3;

  @Dropout(rate = 0.5)
  Layer drop;

  // mlpconv 4: (6, 6, 384) -> (6, 6, 1024) -> (6, 6, 1000), one map per class.
  @Conv2D(filters = 1024, kernelSize = 3, padding = SAME, activation = RELU)
  Layer conv4_1024;

  @Conv2D(filters = 1024, kernelSize = 1, activation = RELU)
  Layer cccp7_1024;

  @Conv2D(filters = 1000, kernelSize = 1, activation = RELU)
  Layer cccp8_1024;

  // Global average pooling: each class map becomes that class's score.
  @GlobalAveragePooling2D Layer pool4;

  @Activation(SOFTMAX)
  Layer prob;
}

package com.example.shapes;

import static dev.jconv.Activation.Fn.RELU;
import static dev.jconv.Activation.Fn.SOFTMAX;
import static dev.jconv.Padding.SAME;

import dev.jconv.Conv2D;
import dev.jconv.Dense;
import dev.jconv.GlobalAveragePooling2D;
import dev.jconv.Layer;
import dev.jconv.MaxPooling2D;
import dev.jconv.Network;

/** A user's network: tells horizontal stripes, vertical stripes and dots apart. */
@Network(input = {12, 12, 1}, params = 80 + 1_168 + 51)
public abstract class StripesNet {
  @Conv2D(filters = 8, kernelSize = 3, padding = SAME, activation = RELU)
  Layer conv1;

  @MaxPooling2D(poolSize = 2)
  Layer pool1;

  @Conv2D(filters = 16, kernelSize = 3, activation = RELU)
  Layer conv2;

  @GlobalAveragePooling2D Layer gap;

  @Dense(units = 3, activation = SOFTMAX)
  Layer out;
}

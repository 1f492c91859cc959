package com.example.shapes;

import dev.jconv.Conv2D;
import dev.jconv.Layer;
import dev.jconv.MaxPooling2D;
import dev.jconv.Network;

/** A network with a shape error: its build must fail on the marked line. */
@Network(input = {12, 12, 1})
public abstract class TooDeep {
  @Conv2D(filters = 8, kernelSize = 3)
  Layer conv1;

  @MaxPooling2D(poolSize = 2)
  Layer pool1;

  @Conv2D(filters = 8, kernelSize = 7) // expect: [jconv.kernel-too-large]
  Layer conv2;
}

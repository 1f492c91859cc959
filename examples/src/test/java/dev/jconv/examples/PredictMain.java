package dev.jconv.examples;

import dev.jconv.kernels.VectorSupport;

/** Run in a child JVM by {@link NoVectorModuleTest}: prints the kernels used and outputs. */
public final class PredictMain {
  private PredictMain() {}

  /** Prints "simd=<bool>" then one output value per line. */
  public static void main(String[] args) {
    StringBuilder out = new StringBuilder("simd=" + VectorSupport.enabled() + "\n");
    for (float v : NoVectorModuleTest.predict()) {
      out.append(v).append('\n');
    }
    System.out.print(out);
  }
}

/** A modular application using jconv: the generated model and its SIMD kernels live here. */
module com.example.modular {
  requires dev.jconv;
  // The generated SIMD kernels use FloatVector; with this line no --add-modules is needed.
  requires jdk.incubator.vector;
  // The generated model carries @javax.annotation.processing.Generated (source retention).
  requires static java.compiler;
}

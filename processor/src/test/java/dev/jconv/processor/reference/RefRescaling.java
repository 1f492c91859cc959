package dev.jconv.processor.reference;

/** Rescaling in double: {@code y = x * scale + offset}, so {@code dx = dy * scale}. */
final class RefRescaling {
  private RefRescaling() {}

  static void forward(double[] y, double[] x, double scale, double offset, int count) {
    for (int i = 0; i < count; i++) {
      y[i] = x[i] * scale + offset;
    }
  }

  static void backward(double[] dx, double[] dy, double scale, int count) {
    for (int i = 0; i < count; i++) {
      dx[i] += dy[i] * scale;
    }
  }
}

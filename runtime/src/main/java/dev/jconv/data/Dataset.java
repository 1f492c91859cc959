package dev.jconv.data;

/**
 * A labelled image data set: {@code size()} examples of {@code shape()} floats (HWC) with class
 * labels in {@code [0, classes())}. Implementations are read-only and safe to read from several
 * threads at once.
 */
public interface Dataset {
  /** Number of examples. */
  int size();

  /** The shape of one example without the batch axis: {@code {h, w, c}}. */
  int[] shape();

  /** Number of classes. */
  int classes();

  /** Copies example {@code i} (HWC, row-major) into {@code x[xo ... xo + exampleSize())}. */
  void copyExample(int i, float[] x, int xo);

  /** The class of example {@code i}. */
  int label(int i);

  /** Human-readable class names, {@code classes()} of them (default: "0", "1", ...). */
  default String[] classNames() {
    String[] names = new String[classes()];
    for (int i = 0; i < names.length; i++) {
      names[i] = Integer.toString(i);
    }
    return names;
  }

  /** Floats per example: the product of {@link #shape()}. */
  default int exampleSize() {
    int n = 1;
    for (int d : shape()) {
      n *= d;
    }
    return n;
  }
}

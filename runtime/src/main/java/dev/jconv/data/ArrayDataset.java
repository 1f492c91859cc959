package dev.jconv.data;

import java.util.Arrays;

/**
 * A data set held in memory: one contiguous NHWC float array and one label per example. The arrays
 * are checked once in the constructor and then shared, not copied: callers must not modify them
 * afterwards.
 */
public final class ArrayDataset implements Dataset {
  private final float[] x;
  private final int[] labels;
  private final int[] shape;
  private final String[] classNames;
  private final int exampleSize;

  /**
   * A data set of {@code labels.length} examples of {@code shape} (for example {@code {28, 28,
   * 1}}), with classes named {@code "0"}, {@code "1"}, ...
   *
   * @throws IllegalArgumentException if {@code x.length} is not {@code labels.length} times the
   *     product of {@code shape}, a dimension is not positive or a label is outside {@code [0,
   *     classes)}
   */
  public ArrayDataset(float[] x, int[] labels, int[] shape, int classes) {
    this(x, labels, shape, defaultNames(classes));
  }

  /** As {@link #ArrayDataset(float[], int[], int[], int)}, with one name per class. */
  public ArrayDataset(float[] x, int[] labels, int[] shape, String[] classNames) {
    this.shape = checkShape(shape);
    this.exampleSize = product(shape);
    if (classNames.length < 1) {
      throw new IllegalArgumentException("a data set needs at least one class, got none");
    }
    if ((long) labels.length * exampleSize != x.length) {
      throw new IllegalArgumentException(
          String.format(
              "%d labels of shape %s need %d floats (NHWC %s), got %d",
              labels.length,
              Arrays.toString(shape),
              (long) labels.length * exampleSize,
              nhwc(labels.length, shape),
              x.length));
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classNames.length) {
        throw new IllegalArgumentException(
            String.format(
                "label %d of example %d is outside [0, %d): %d classes %s",
                labels[i], i, classNames.length, classNames.length, Arrays.toString(classNames)));
      }
    }
    this.x = x;
    this.labels = labels;
    this.classNames = classNames.clone();
  }

  /** Copies any data set into memory (for example a lazy normalised or subset view). */
  public static ArrayDataset copyOf(Dataset ds) {
    if (ds instanceof ArrayDataset) {
      return (ArrayDataset) ds;
    }
    Datasets.checkLabels(ds);
    int n = ds.size();
    int e = ds.exampleSize();
    float[] x = new float[Math.multiplyExact(n, e)];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      ds.copyExample(i, x, i * e);
      labels[i] = ds.label(i);
    }
    return new ArrayDataset(x, labels, ds.shape(), ds.classNames());
  }

  /** The same examples with other class names (as many as there are classes). */
  public ArrayDataset withClassNames(String... names) {
    if (names.length != classNames.length) {
      throw new IllegalArgumentException(
          String.format("expected %d class names, got %d", classNames.length, names.length));
    }
    return new ArrayDataset(x, labels, shape, names);
  }

  @Override
  public int size() {
    return labels.length;
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  @Override
  public int classes() {
    return classNames.length;
  }

  @Override
  public void copyExample(int i, float[] dst, int offset) {
    System.arraycopy(x, Math.multiplyExact(checkIndex(i), exampleSize), dst, offset, exampleSize);
  }

  @Override
  public int label(int i) {
    return labels[checkIndex(i)];
  }

  @Override
  public String[] classNames() {
    return classNames.clone();
  }

  @Override
  public int exampleSize() {
    return exampleSize;
  }

  /** The backing NHWC array (not a copy: do not modify it). */
  public float[] features() {
    return x;
  }

  /** The backing label array (not a copy: do not modify it). */
  public int[] labels() {
    return labels;
  }

  @Override
  public String toString() {
    return String.format(
        "ArrayDataset[%d examples of %s, %d classes]",
        labels.length, Arrays.toString(shape), classNames.length);
  }

  private int checkIndex(int i) {
    if (i < 0 || i >= labels.length) {
      throw new IndexOutOfBoundsException(
          "example " + i + " of a data set of " + labels.length + " examples");
    }
    return i;
  }

  static String[] defaultNames(int classes) {
    if (classes < 1) {
      throw new IllegalArgumentException("a data set needs at least one class, got " + classes);
    }
    String[] names = new String[classes];
    for (int i = 0; i < classes; i++) {
      names[i] = Integer.toString(i);
    }
    return names;
  }

  private static int[] checkShape(int[] shape) {
    if (shape.length == 0) {
      throw new IllegalArgumentException("example shape is empty; expected {h, w, c}");
    }
    for (int d : shape) {
      if (d <= 0) {
        throw new IllegalArgumentException(
            "example shape " + Arrays.toString(shape) + " has a non-positive dimension");
      }
    }
    return shape.clone();
  }

  private static int product(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("example shape " + Arrays.toString(shape) + " too large");
    }
    return (int) n;
  }

  private static String nhwc(int n, int[] shape) {
    int[] full = new int[shape.length + 1];
    full[0] = n;
    System.arraycopy(shape, 0, full, 1, shape.length);
    return Arrays.toString(full);
  }
}

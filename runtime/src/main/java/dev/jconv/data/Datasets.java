package dev.jconv.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Views and statistics over data sets: subsets, validation splits, class counts and weights. */
public final class Datasets {
  /** A data set cut in two: examples to train on and examples held out for validation. */
  public record Split(Dataset train, Dataset validation) {}

  private Datasets() {}

  /**
   * The examples of {@code ds} at {@code indices}, in that order, as a view (nothing is copied).
   *
   * @throws IndexOutOfBoundsException naming the first index outside {@code [0, ds.size())}
   */
  public static Dataset subset(Dataset ds, int[] indices) {
    int[] idx = indices.clone();
    for (int k = 0; k < idx.length; k++) {
      if (idx[k] < 0 || idx[k] >= ds.size()) {
        throw new IndexOutOfBoundsException(
            String.format(
                "subset index %d (position %d) is outside [0, %d)", idx[k], k, ds.size()));
      }
    }
    return new Subset(ds, idx);
  }

  /** Examples {@code [from, to)} of {@code ds} as a view. */
  public static Dataset range(Dataset ds, int from, int to) {
    if (from < 0 || to > ds.size() || from > to) {
      throw new IndexOutOfBoundsException(
          String.format("range [%d, %d) of a data set of %d examples", from, to, ds.size()));
    }
    int[] idx = new int[to - from];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = from + i;
    }
    return new Subset(ds, idx);
  }

  /**
   * Holds out {@code round(fraction * size)} examples for validation, drawn at random but
   * stratified: each class gives the same share (up to rounding), so a rare class is not left out
   * of either part by chance. The same seed always gives the same split; both parts keep the
   * original order of the examples.
   *
   * @param fraction the validation share, in {@code [0, 1)}
   */
  public static Split split(Dataset ds, double fraction, long seed) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + fraction);
    }
    int[][] byClass = indicesByClass(ds);
    int[] quota = apportion(byClass, (int) Math.round(fraction * ds.size()), fraction);
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] held = new boolean[ds.size()];
    for (int c = 0; c < byClass.length; c++) {
      int[] members = byClass[c];
      shuffle(members, random);
      for (int k = 0; k < quota[c]; k++) {
        held[members[k]] = true;
      }
    }
    int validation = Arrays.stream(quota).sum();
    int[] trainIdx = new int[ds.size() - validation];
    int[] valIdx = new int[validation];
    int t = 0;
    int v = 0;
    for (int i = 0; i < held.length; i++) {
      if (held[i]) {
        valIdx[v++] = i;
      } else {
        trainIdx[t++] = i;
      }
    }
    return new Split(new Subset(ds, trainIdx), new Subset(ds, valIdx));
  }

  /** A random permutation of {@code ds} (a view), the same for the same seed. */
  public static Dataset shuffled(Dataset ds, long seed) {
    int[] idx = new int[ds.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    shuffle(idx, new SplittableRandom(seed));
    return new Subset(ds, idx);
  }

  /** How many examples each class has. */
  public static int[] classCounts(Dataset ds) {
    int[] counts = new int[ds.classes()];
    for (int i = 0; i < ds.size(); i++) {
      counts[checkedLabel(ds, i)]++;
    }
    return counts;
  }

  /**
   * Checks that every label of {@code ds} lies in {@code [0, classes())}, as the {@link Dataset}
   * contract says: a custom data set that breaks it gets an error naming the example here, not an
   * index error deep in training or evaluation.
   *
   * @throws IllegalArgumentException naming the first example whose label is out of range
   */
  public static void checkLabels(Dataset ds) {
    for (int i = 0; i < ds.size(); i++) {
      checkedLabel(ds, i);
    }
  }

  private static int checkedLabel(Dataset ds, int i) {
    int label = ds.label(i);
    if (label < 0 || label >= ds.classes()) {
      throw new IllegalArgumentException(
          String.format(
              "example %d of the data has label %d, outside [0, %d)", i, label, ds.classes()));
    }
    return label;
  }

  /**
   * Class weights for imbalanced data, by Keras's (scikit-learn's) {@code
   * compute_class_weight("balanced")} formula: {@code size / (classes * count[c])}. Every class
   * then contributes the same total weight, and a balanced data set gets weight 1 everywhere.
   *
   * @throws IllegalArgumentException if a class has no examples (its weight would be infinite)
   */
  public static float[] classWeights(Dataset ds) {
    int[] counts = classCounts(ds);
    String[] names = ds.classNames();
    float[] weights = new float[counts.length];
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] == 0) {
        throw new IllegalArgumentException(
            String.format(
                "class %d (%s) has no examples among %d, so it has no balanced weight",
                c, names[c], ds.size()));
      }
      weights[c] = (float) ((double) ds.size() / ((double) counts.length * counts[c]));
    }
    return weights;
  }

  private static int[][] indicesByClass(Dataset ds) {
    int[] counts = classCounts(ds);
    int[][] byClass = new int[counts.length][];
    for (int c = 0; c < counts.length; c++) {
      byClass[c] = new int[counts[c]];
    }
    int[] fill = new int[counts.length];
    for (int i = 0; i < ds.size(); i++) {
      int c = checkedLabel(ds, i);
      byClass[c][fill[c]++] = i;
    }
    return byClass;
  }

  /**
   * Largest-remainder rounding: each class gets {@code floor(count * fraction)}, and the classes
   * with the largest fractional parts one more, until the quotas add up to {@code total}.
   */
  private static int[] apportion(int[][] byClass, int total, double fraction) {
    int classes = byClass.length;
    int[] quota = new int[classes];
    double[] remainder = new double[classes];
    int sum = 0;
    for (int c = 0; c < classes; c++) {
      double exact = byClass[c].length * fraction;
      quota[c] = (int) Math.floor(exact);
      remainder[c] = exact - quota[c];
      sum += quota[c];
    }
    while (sum < total) {
      int best = -1;
      for (int c = 0; c < classes; c++) {
        if (quota[c] < byClass[c].length && (best < 0 || remainder[c] > remainder[best])) {
          best = c;
        }
      }
      quota[best]++;
      remainder[best] = -1;
      sum++;
    }
    return quota;
  }

  private static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
  }

  /** A view of some examples of another data set. */
  private static final class Subset implements Dataset {
    private final Dataset base;
    private final int[] indices;

    Subset(Dataset base, int[] indices) {
      this.base = base;
      this.indices = indices;
    }

    @Override
    public int size() {
      return indices.length;
    }

    @Override
    public int[] shape() {
      return base.shape();
    }

    @Override
    public int classes() {
      return base.classes();
    }

    @Override
    public void copyExample(int i, float[] x, int xo) {
      base.copyExample(indices[i], x, xo);
    }

    @Override
    public int label(int i) {
      return base.label(indices[i]);
    }

    @Override
    public String[] classNames() {
      return base.classNames();
    }

    @Override
    public int exampleSize() {
      return base.exampleSize();
    }
  }
}

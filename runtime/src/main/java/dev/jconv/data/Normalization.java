package dev.jconv.data;

import java.util.Arrays;

/**
 * Maps each value {@code x} of channel {@code c} (the last axis) to {@code (x - mean[c]) *
 * factor[c]}: a plain rescaling ({@link #scale}) or a per-channel standardisation fitted on a data
 * set ({@link #fit}), as Keras's {@code Rescaling} and {@code Normalization} layers do. Apply it to
 * a data set lazily ({@link #apply(Dataset)}) or eagerly ({@link #applyEagerly}), and to single
 * images at inference time ({@link #apply(float[], int, int)}) so that they see the same transform.
 */
public final class Normalization {
  /** Keras's {@code backend.epsilon()}: the smallest standard deviation divided by. */
  public static final double EPSILON = 1e-7;

  private final float[] mean;
  private final float[] factor;

  private Normalization(float[] mean, float[] factor) {
    this.mean = mean;
    this.factor = factor;
  }

  /** Multiplies every value by {@code factor}, on any number of channels ({@code 1 / 255f}). */
  public static Normalization scale(float factor) {
    return new Normalization(new float[] {0}, new float[] {factor});
  }

  /**
   * {@code (x - mean[c]) / std[c]} per channel.
   *
   * @throws IllegalArgumentException if the arrays differ in length or a std is not positive
   */
  public static Normalization meanStd(float[] mean, float[] std) {
    if (mean.length != std.length || mean.length == 0) {
      throw new IllegalArgumentException(
          String.format(
              "mean and std need one value per channel, got %d and %d", mean.length, std.length));
    }
    float[] factor = new float[std.length];
    for (int c = 0; c < std.length; c++) {
      if (!(std[c] > 0)) {
        throw new IllegalArgumentException("std of channel " + c + " is not positive: " + std[c]);
      }
      factor[c] = 1 / std[c];
    }
    return new Normalization(mean.clone(), factor);
  }

  /**
   * The per-channel mean and (population) standard deviation of {@code ds}, as Keras's {@code
   * Normalization.adapt} computes them; a constant channel divides by {@link #EPSILON}.
   */
  public static Normalization fit(Dataset ds) {
    int[] shape = ds.shape();
    int channels = shape[shape.length - 1];
    int e = ds.exampleSize();
    if (ds.size() == 0) {
      throw new IllegalArgumentException("cannot fit a normalisation to an empty data set");
    }
    double[] sum = new double[channels];
    float[] x = new float[e];
    for (int i = 0; i < ds.size(); i++) {
      ds.copyExample(i, x, 0);
      for (int k = 0; k < e; k++) {
        sum[k % channels] += x[k];
      }
    }
    long perChannel = (long) ds.size() * (e / channels);
    double[] mean = new double[channels];
    for (int c = 0; c < channels; c++) {
      mean[c] = sum[c] / perChannel;
    }
    double[] squares = new double[channels];
    for (int i = 0; i < ds.size(); i++) {
      ds.copyExample(i, x, 0);
      for (int k = 0; k < e; k++) {
        double d = x[k] - mean[k % channels];
        squares[k % channels] += d * d;
      }
    }
    float[] m = new float[channels];
    float[] factor = new float[channels];
    for (int c = 0; c < channels; c++) {
      m[c] = (float) mean[c];
      factor[c] = (float) (1 / Math.max(Math.sqrt(squares[c] / perChannel), EPSILON));
    }
    return new Normalization(m, factor);
  }

  /** The per-channel means subtracted (one value when it applies to every channel). */
  public float[] mean() {
    return mean.clone();
  }

  /** The per-channel standard deviations divided by: {@code 1 / factor}. */
  public float[] std() {
    float[] std = new float[factor.length];
    for (int c = 0; c < std.length; c++) {
      std[c] = 1 / factor[c];
    }
    return std;
  }

  /** Normalises {@code length} values of {@code x} from {@code offset}, in place (HWC order). */
  public void apply(float[] x, int offset, int length) {
    int channels = mean.length;
    if (length % channels != 0) {
      throw new IllegalArgumentException(
          String.format("%d values are not a whole number of %d channels", length, channels));
    }
    for (int k = 0; k < length; k += channels) {
      for (int c = 0; c < channels; c++) {
        x[offset + k + c] = (x[offset + k + c] - mean[c]) * factor[c];
      }
    }
  }

  /** A view of {@code ds} normalised on every read; nothing is copied. */
  public Dataset apply(Dataset ds) {
    checkChannels(ds);
    return new Normalized(ds, this);
  }

  /** A normalised copy of {@code ds} in memory. */
  public ArrayDataset applyEagerly(Dataset ds) {
    checkChannels(ds);
    ArrayDataset copy = ArrayDataset.copyOf(ds);
    float[] x = copy.features();
    if (copy == ds) {
      x = x.clone();
    }
    apply(x, 0, x.length);
    return new ArrayDataset(x, copy.labels().clone(), copy.shape(), copy.classNames());
  }

  @Override
  public String toString() {
    return "Normalization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std()) + "]";
  }

  private void checkChannels(Dataset ds) {
    int[] shape = ds.shape();
    int channels = shape[shape.length - 1];
    if (mean.length != 1 && mean.length != channels) {
      throw new IllegalArgumentException(
          String.format(
              "normalisation has %d channels but the data set's examples are %s (%d channels)",
              mean.length, Arrays.toString(shape), channels));
    }
  }

  /** A data set normalised on every read. */
  private static final class Normalized implements Dataset {
    private final Dataset base;
    private final Normalization norm;

    Normalized(Dataset base, Normalization norm) {
      this.base = base;
      this.norm = norm;
    }

    @Override
    public int size() {
      return base.size();
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
      base.copyExample(i, x, xo);
      norm.apply(x, xo, base.exampleSize());
    }

    @Override
    public int label(int i) {
      return base.label(i);
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

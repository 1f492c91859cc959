package dev.jconv.train;

/**
 * Adam, as Keras 3's {@code keras.optimizers.Adam} (defaults: learning rate 0.001, beta1 0.9, beta2
 * 0.999, epsilon 1e-7, no weight decay).
 *
 * <p>For weight {@code w}, gradient {@code g}, learning rate {@code lr} (times the layer's
 * multiplier), moments {@code m} and {@code v} (starting at 0) and step number {@code t = 1, 2,
 * ...}, each step does:
 *
 * <pre>
 * w    = w - lr * weightDecay * w          (when weightDecay &gt; 0; Keras 3 applies it first)
 * lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t)
 * m    = m + (g - m) * (1 - beta1)          (= beta1 * m + (1 - beta1) * g)
 * v    = v + (g * g - v) * (1 - beta2)      (= beta2 * v + (1 - beta2) * g^2)
 * w    = w - lr_t * m / (sqrt(v) + epsilon)
 * </pre>
 *
 * <p>The bias correction is folded into {@code lr_t}, so {@code epsilon} is Kingma and Ba's
 * "epsilon hat". Source: {@code keras/src/optimizers/adam.py} ({@code update_step}) and the Keras
 * Adam documentation (keras.io/api/optimizers/adam). The state holds {@code adam.m} and {@code
 * adam.v}.
 *
 * <p>{@code t} counts the steps that updated the layer. It equals Keras's {@code iterations + 1}
 * unless the layer was frozen for a while: a layer unfrozen for fine-tuning then starts with {@code
 * t = 1}, as under a fresh optimizer, while the head keeps its moments. (With the optimizer's
 * count, the zero moments of a newly unfrozen layer would be corrected as if they were old, and its
 * first hundreds of steps would be up to six times the learning rate.)
 *
 * <pre>{@code
 * Optimizer opt = new Adam().learningRate(3e-4);
 * }</pre>
 */
public class Adam extends Optimizer {
  /** State name of the first-moment array. */
  public static final String M = "adam.m";

  /** State name of the second-moment array. */
  public static final String V = "adam.v";

  private static final String[] SLOTS = {M, V};

  private double beta1 = 0.9;
  private double beta2 = 0.999;
  private double epsilon = 1e-7;

  private float oneMinusBeta1;
  private float oneMinusBeta2;
  private float stepEpsilon;

  /** Adam with Keras's defaults: learning rate 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7. */
  public Adam() {
    this(0);
  }

  /** Adam with Keras's defaults and the given decoupled weight decay (for AdamW). */
  protected Adam(double weightDecay) {
    super(0.001, weightDecay);
  }

  /** Sets the learning rate; returns this. */
  public Adam learningRate(double learningRate) {
    setLearningRate(learningRate);
    return this;
  }

  /** Sets the decay rate of the first moment, in [0, 1); returns this. */
  public Adam beta1(double beta1) {
    this.beta1 = Args.fraction("beta1", beta1);
    return this;
  }

  /** The decay rate of the first moment. */
  public double beta1() {
    return beta1;
  }

  /** Sets the decay rate of the second moment, in [0, 1); returns this. */
  public Adam beta2(double beta2) {
    this.beta2 = Args.fraction("beta2", beta2);
    return this;
  }

  /** The decay rate of the second moment. */
  public double beta2() {
    return beta2;
  }

  /** Sets the small constant added to {@code sqrt(v)}; returns this. */
  public Adam epsilon(double epsilon) {
    this.epsilon = Args.positive("epsilon", epsilon);
    return this;
  }

  /** The small constant added to {@code sqrt(v)}. */
  public double epsilon() {
    return epsilon;
  }

  /** Sets the decoupled weight decay ({@code w -= lr * weightDecay * w}); returns this. */
  public Adam weightDecay(double weightDecay) {
    setWeightDecay(weightDecay);
    return this;
  }

  /** Exempts parameters whose names contain one of {@code nameParts} from weight decay. */
  @Override
  public Adam excludeFromWeightDecay(String... nameParts) {
    super.excludeFromWeightDecay(nameParts);
    return this;
  }

  /** Sets a layer's learning-rate multiplier; returns this. */
  @Override
  public Adam setLearningRateMultiplier(String layerName, double factor) {
    super.setLearningRateMultiplier(layerName, factor);
    return this;
  }

  @Override
  protected final String[] slotNames() {
    return SLOTS;
  }

  @Override
  protected final void prepare(long t) {
    oneMinusBeta1 = (float) (1 - beta1);
    oneMinusBeta2 = (float) (1 - beta2);
    stepEpsilon = (float) epsilon;
  }

  @Override
  protected final void update(
      float[] w, float[] g, float[][] slots, int from, int to, double lr, long t) {
    float[] m = slots[0];
    float[] v = slots[1];
    // t counts this layer's own steps: a layer unfrozen late gets a fresh bias correction.
    double correction = Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
    float alpha = (float) (lr * correction);
    float b1 = oneMinusBeta1;
    float b2 = oneMinusBeta2;
    float eps = stepEpsilon;
    for (int i = from; i < to; i++) {
      float gi = g[i];
      float mi = m[i] + (gi - m[i]) * b1;
      float vi = v[i] + (gi * gi - v[i]) * b2;
      m[i] = mi;
      v[i] = vi;
      w[i] -= mi * alpha / ((float) Math.sqrt(vi) + eps);
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "(learningRate="
        + learningRate()
        + ", beta1="
        + beta1
        + ", beta2="
        + beta2
        + ", epsilon="
        + epsilon
        + ", weightDecay="
        + weightDecay()
        + ")";
  }
}

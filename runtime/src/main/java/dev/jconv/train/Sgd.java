package dev.jconv.train;

/**
 * Stochastic gradient descent with optional momentum, Nesterov momentum and decoupled weight decay,
 * as Keras 3's {@code keras.optimizers.SGD} (defaults: learning rate 0.01, momentum 0, Nesterov
 * off, no weight decay).
 *
 * <p>For weight {@code w}, gradient {@code g}, learning rate {@code lr} (times the layer's
 * multiplier) and velocity {@code v} (starting at 0), each step does:
 *
 * <pre>
 * w = w - lr * weightDecay * w          (when weightDecay &gt; 0; Keras 3 applies it first)
 * momentum == 0:  w = w - lr * g
 * otherwise:      v = momentum * v - lr * g
 *                 w = w + v                         (nesterov false)
 *                 w = w + momentum * v - lr * g     (nesterov true, with the new v)
 * </pre>
 *
 * <p>Source: the Keras SGD documentation (keras.io/api/optimizers/sgd) and {@code
 * keras/src/optimizers/sgd.py}. The state holds {@code sgd.velocity} when momentum is not 0.
 *
 * <pre>{@code
 * Optimizer opt = Sgd.withMomentum(0.9).nesterov(true).learningRate(0.05);
 * }</pre>
 */
public final class Sgd extends Optimizer {
  /** State name of the velocity array. */
  public static final String VELOCITY = "sgd.velocity";

  private static final String[] NO_SLOTS = {};
  private static final String[] VELOCITY_SLOT = {VELOCITY};

  private double momentum;
  private boolean nesterov;
  private float stepMomentum;

  /** Plain SGD with Keras's defaults: learning rate 0.01, no momentum. */
  public Sgd() {
    super(0.01, 0);
  }

  /** SGD with Keras's default learning rate 0.01 and the given momentum. */
  public static Sgd withMomentum(double momentum) {
    return new Sgd().momentum(momentum);
  }

  /** Sets the learning rate; returns this. */
  public Sgd learningRate(double learningRate) {
    setLearningRate(learningRate);
    return this;
  }

  /** Sets the momentum in [0, 1); returns this. */
  public Sgd momentum(double momentum) {
    this.momentum = Args.fraction("momentum", momentum);
    return this;
  }

  /** The momentum. */
  public double momentum() {
    return momentum;
  }

  /** Turns Nesterov momentum on or off; returns this. */
  public Sgd nesterov(boolean nesterov) {
    this.nesterov = nesterov;
    return this;
  }

  /** Whether Nesterov momentum is on. */
  public boolean isNesterov() {
    return nesterov;
  }

  /** Sets the decoupled weight decay ({@code w -= lr * weightDecay * w}); returns this. */
  public Sgd weightDecay(double weightDecay) {
    setWeightDecay(weightDecay);
    return this;
  }

  /** Exempts parameters whose names contain one of {@code nameParts} from weight decay. */
  @Override
  public Sgd excludeFromWeightDecay(String... nameParts) {
    super.excludeFromWeightDecay(nameParts);
    return this;
  }

  /** Sets a layer's learning-rate multiplier; returns this. */
  @Override
  public Sgd setLearningRateMultiplier(String layerName, double factor) {
    super.setLearningRateMultiplier(layerName, factor);
    return this;
  }

  @Override
  protected String[] slotNames() {
    return momentum == 0 ? NO_SLOTS : VELOCITY_SLOT;
  }

  @Override
  protected void prepare(long t) {
    stepMomentum = (float) momentum;
  }

  @Override
  protected void update(
      float[] w, float[] g, float[][] slots, int from, int to, double lr, long t) {
    float rate = (float) lr;
    if (slots.length == 0) {
      for (int i = from; i < to; i++) {
        w[i] -= g[i] * rate;
      }
      return;
    }
    float[] v = slots[0];
    float mu = stepMomentum;
    if (nesterov) {
      for (int i = from; i < to; i++) {
        v[i] = v[i] * mu - g[i] * rate;
        w[i] += v[i] * mu - g[i] * rate;
      }
    } else {
      for (int i = from; i < to; i++) {
        v[i] = v[i] * mu - g[i] * rate;
        w[i] += v[i];
      }
    }
  }

  @Override
  public String toString() {
    return "Sgd(learningRate="
        + learningRate()
        + ", momentum="
        + momentum
        + ", nesterov="
        + nesterov
        + ", weightDecay="
        + weightDecay()
        + ")";
  }
}

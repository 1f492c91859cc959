package dev.jconv.train;

/**
 * AdamW: {@link Adam} with decoupled weight decay (Loshchilov and Hutter, "Decoupled Weight Decay
 * Regularization"), as Keras 3's {@code keras.optimizers.AdamW} (defaults: learning rate 0.001,
 * weight decay 0.004, beta1 0.9, beta2 0.999, epsilon 1e-7).
 *
 * <p>Each step first shrinks every updated weight, then takes the Adam step:
 *
 * <pre>
 * w = w - lr * weightDecay * w
 * (then Adam's update, see {@link Adam})
 * </pre>
 *
 * <p>As in Keras, the decay uses the learning rate (times the layer's multiplier) but not Adam's
 * bias correction, and applies to every trainable parameter, biases included. Source: the Keras
 * AdamW documentation (keras.io/api/optimizers/adamw) and {@code
 * keras/src/optimizers/base_optimizer.py} ({@code _apply_weight_decay}). The state is Adam's.
 *
 * <pre>{@code
 * Optimizer opt = new AdamW().learningRate(1e-3).weightDecay(0.01);
 * }</pre>
 */
public final class AdamW extends Adam {
  /** AdamW with Keras's defaults: learning rate 0.001, weight decay 0.004. */
  public AdamW() {
    super(0.004);
  }

  /** Sets the learning rate; returns this. */
  @Override
  public AdamW learningRate(double learningRate) {
    super.learningRate(learningRate);
    return this;
  }

  /** Sets the decay rate of the first moment, in [0, 1); returns this. */
  @Override
  public AdamW beta1(double beta1) {
    super.beta1(beta1);
    return this;
  }

  /** Sets the decay rate of the second moment, in [0, 1); returns this. */
  @Override
  public AdamW beta2(double beta2) {
    super.beta2(beta2);
    return this;
  }

  /** Sets the small constant added to {@code sqrt(v)}; returns this. */
  @Override
  public AdamW epsilon(double epsilon) {
    super.epsilon(epsilon);
    return this;
  }

  /** Sets the decoupled weight decay ({@code w -= lr * weightDecay * w}); returns this. */
  @Override
  public AdamW weightDecay(double weightDecay) {
    super.weightDecay(weightDecay);
    return this;
  }

  /** Exempts parameters whose names contain one of {@code nameParts} from weight decay. */
  @Override
  public AdamW excludeFromWeightDecay(String... nameParts) {
    super.excludeFromWeightDecay(nameParts);
    return this;
  }

  /** Sets a layer's learning-rate multiplier; returns this. */
  @Override
  public AdamW setLearningRateMultiplier(String layerName, double factor) {
    super.setLearningRateMultiplier(layerName, factor);
    return this;
  }
}

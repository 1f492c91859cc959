package dev.jconv.train;

import java.util.Arrays;
import java.util.Objects;

/**
 * The learning rate as a function of training progress, for Keras's schedules and the usual
 * epoch-based ones. A trainer keeps the optimizer's initial rate as {@code base} and, before each
 * step, calls {@code optimizer.setLearningRate(schedule.rate(epoch, step, stepsPerEpoch, base))}.
 *
 * <pre>{@code
 * LearningRateSchedule s = LearningRateSchedule.cosine(10_000, 0.01).withWarmUp(500);
 * }</pre>
 */
@FunctionalInterface
public interface LearningRateSchedule {
  /**
   * The learning rate of one step.
   *
   * @param epoch the 0-based epoch
   * @param step the 0-based global step: how many optimizer steps came before this one (Keras's
   *     {@code optimizer.iterations}), counted across epochs
   * @param stepsPerEpoch how many steps an epoch has
   * @param base the optimizer's initial learning rate
   * @return the learning rate to use for this step
   */
  double rate(int epoch, int step, int stepsPerEpoch, double base);

  /** Always {@code base}. */
  static LearningRateSchedule constant() {
    return (epoch, step, stepsPerEpoch, base) -> base;
  }

  /**
   * Step decay: {@code base * factor^floor(epoch / everyEpochs)}, for example the rate halves every
   * 10 epochs with {@code stepDecay(10, 0.5)}.
   */
  static LearningRateSchedule stepDecay(int everyEpochs, double factor) {
    Args.atLeastOne("everyEpochs", everyEpochs);
    Args.positive("factor", factor);
    return (epoch, step, stepsPerEpoch, base) -> base * Math.pow(factor, epoch / everyEpochs);
  }

  /**
   * Keras's {@code ExponentialDecay} (not staircase): {@code base * decayRate^(step / decaySteps)}.
   */
  static LearningRateSchedule exponential(int decaySteps, double decayRate) {
    return exponential(decaySteps, decayRate, false);
  }

  /**
   * Keras's {@code ExponentialDecay}: {@code base * decayRate^(step / decaySteps)}, with the
   * exponent rounded down when {@code staircase}.
   */
  static LearningRateSchedule exponential(int decaySteps, double decayRate, boolean staircase) {
    Args.atLeastOne("decaySteps", decaySteps);
    Args.positive("decayRate", decayRate);
    return (epoch, step, stepsPerEpoch, base) -> {
      double p = staircase ? Math.floor((double) step / decaySteps) : (double) step / decaySteps;
      return base * Math.pow(decayRate, p);
    };
  }

  /** Keras's {@code CosineDecay} down to 0: see {@link #cosine(int, double)}. */
  static LearningRateSchedule cosine(int decaySteps) {
    return cosine(decaySteps, 0);
  }

  /**
   * Keras's {@code CosineDecay} without its built-in warm-up (use {@link #withWarmUp}): with {@code
   * s = min(step, decaySteps)},
   *
   * <pre>
   * rate = base * ((1 - alpha) * 0.5 * (1 + cos(pi * s / decaySteps)) + alpha)
   * </pre>
   *
   * so the rate falls from {@code base} to {@code alpha * base} over {@code decaySteps} and stays
   * there.
   */
  static LearningRateSchedule cosine(int decaySteps, double alpha) {
    Args.atLeastOne("decaySteps", decaySteps);
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
    }
    return (epoch, step, stepsPerEpoch, base) -> {
      double s = Math.min(step, decaySteps);
      double cosine = 0.5 * (1 + Math.cos(Math.PI * s / decaySteps));
      return base * ((1 - alpha) * cosine + alpha);
    };
  }

  /**
   * Keras's {@code PiecewiseConstantDecay}, on global steps: {@code values[0]} while {@code step <=
   * boundaries[0]}, {@code values[i]} while {@code boundaries[i - 1] < step <= boundaries[i]}, and
   * the last value after the last boundary. The values are learning rates, not factors: {@code
   * base} is ignored.
   *
   * @param boundaries strictly increasing steps
   * @param values one more than {@code boundaries}
   */
  static LearningRateSchedule piecewiseConstant(int[] boundaries, double[] values) {
    int[] b = boundaries.clone();
    double[] v = values.clone();
    if (v.length != b.length + 1) {
      throw new IllegalArgumentException(
          "piecewiseConstant needs one more value than boundaries, got "
              + b.length
              + " boundaries and "
              + v.length
              + " values");
    }
    for (int i = 1; i < b.length; i++) {
      if (b[i] <= b[i - 1]) {
        throw new IllegalArgumentException(
            "piecewiseConstant boundaries must increase strictly: " + Arrays.toString(b));
      }
    }
    for (double x : v) {
      Args.nonNegative("piecewiseConstant value", x);
    }
    return (epoch, step, stepsPerEpoch, base) -> {
      int i = 0;
      while (i < b.length && step > b[i]) {
        i++;
      }
      return v[i];
    };
  }

  /**
   * Linear warm-up over the first {@code warmupSteps} steps, then {@code then} unchanged: {@code
   * rate = then.rate(...) * min(1, (step + 1) / warmupSteps)}. The first step uses {@code 1 /
   * warmupSteps} of the rate, step {@code warmupSteps - 1} the full rate. {@code then} sees the
   * real epoch and step (its clock is not shifted by the warm-up).
   */
  static LearningRateSchedule warmUp(int warmupSteps, LearningRateSchedule then) {
    Args.atLeastOne("warmupSteps", warmupSteps);
    Objects.requireNonNull(then, "then");
    return (epoch, step, stepsPerEpoch, base) -> {
      double r = then.rate(epoch, step, stepsPerEpoch, base);
      return step + 1 >= warmupSteps ? r : r * (step + 1) / warmupSteps;
    };
  }

  /** This schedule after a linear warm-up over {@code warmupSteps} steps; see {@link #warmUp}. */
  default LearningRateSchedule withWarmUp(int warmupSteps) {
    return warmUp(warmupSteps, this);
  }
}

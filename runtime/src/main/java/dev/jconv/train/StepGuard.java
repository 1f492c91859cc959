package dev.jconv.train;

import dev.jconv.Layer;
import dev.jconv.Model;
import dev.jconv.Param;
import dev.jconv.kernels.Blas;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a rejected training step from changing the model. The training pass updates state before
 * its loss is known (BatchNormalization folds the batch statistics into its moving mean and
 * variance), so the guard copies that state before each pass and puts it back when the step is
 * rejected: for non-finite input, loss, gradients or statistics, or when the pass throws. The copy
 * covers only the non-trainable tensors, a few floats per normalised channel.
 */
final class StepGuard {
  private final float[] weights;
  private final List<Param> state = new ArrayList<>();
  private final List<Param> all = new ArrayList<>();
  private final float[] saved;

  StepGuard(Model model) {
    this.weights = model.weights();
    int size = 0;
    for (Layer layer : model.layers()) {
      for (Param p : layer.params()) {
        all.add(p);
        if (!p.isTrainable() && p.offset() >= 0) {
          state.add(p);
          size += (int) p.size();
        }
      }
    }
    this.saved = new float[size];
  }

  /** Copies the state that a training pass changes. */
  void save() {
    int at = 0;
    for (Param p : state) {
      System.arraycopy(weights, p.offset(), saved, at, (int) p.size());
      at += (int) p.size();
    }
  }

  /** Puts back the state copied by {@link #save}. */
  void restore() {
    int at = 0;
    for (Param p : state) {
      System.arraycopy(saved, at, weights, p.offset(), (int) p.size());
      at += (int) p.size();
    }
  }

  /**
   * What is wrong with the input batch: null when every value is finite, otherwise which example
   * (by its index in the data set) holds which value.
   */
  static String badInput(float[] x, int n, int exampleSize, int[] order, int from) {
    int bad = firstNonFinite(x, 0, n * exampleSize);
    if (bad < 0) {
      return null;
    }
    return "example "
        + order[from + bad / exampleSize]
        + " of the training data holds "
        + x[bad]
        + " at index "
        + bad % exampleSize;
  }

  /**
   * What went wrong in the pass: null when the gradients and the updated statistics are finite,
   * otherwise the first tensor with a non-finite value.
   */
  String badResult(float[] grads) {
    for (Param p : all) {
      if (p.offset() < 0) {
        continue;
      }
      if (p.isTrainable()) {
        int bad = firstNonFinite(grads, p.offset(), p.offset() + (int) p.size());
        if (bad >= 0) {
          return "the gradient of " + p.name() + " is " + grads[bad];
        }
      } else {
        int bad = firstNonFinite(weights, p.offset(), p.offset() + (int) p.size());
        if (bad >= 0) {
          return "the statistic " + p.name() + " became " + weights[bad];
        }
      }
    }
    return null;
  }

  private static int firstNonFinite(float[] a, int from, int to) {
    if (Blas.allFinite(a, from, to)) {
      return -1; // the usual case, vectorized; the loop below only finds where
    }
    for (int i = from; i < to; i++) {
      // x - x is 0 for finite x and NaN for NaN and the infinities: one test, no branches on kind.
      if (a[i] - a[i] != 0) {
        return i;
      }
    }
    return -1;
  }
}

package dev.jconv.train;

import dev.jconv.augment.ClassAugmentation;
import dev.jconv.augment.EpochPlan;
import dev.jconv.augment.Pipeline;
import dev.jconv.augment.Rng;
import dev.jconv.data.Dataset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prepares the augmented training batches of a fit on worker threads, {@value #AHEAD} steps ahead
 * of the step that trains, into a small ring of reused buffers. Batch {@code g} (the global step)
 * holds the entries of its epoch's {@link EpochPlan}, example {@code i} transformed with seed
 * {@code Rng.derive(Rng.derive(seed, g), i)}, so its images depend only on the seed and the step:
 * not on thread counts or timing, and a resumed run repeats them.
 */
final class AugmentedBatches {
  static final int AHEAD = 2;
  private static final long SALT = 0x61756720L; // keeps these seeds apart from dropout's
  private static final AtomicInteger THREAD_IDS = new AtomicInteger();
  private static final ExecutorService WORKERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "jconv-augment-" + THREAD_IDS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  private final Dataset data;
  private final ClassAugmentation augmentation;
  private final int batchSize;
  private final long seed;
  private final int[] labels;
  private final int[] shape;
  private final int epochSize;
  private final long lastStep;
  private final int[] identity;
  private final Slot[] slots = new Slot[AHEAD + 1];
  private final Future<?>[] pending = new Future<?>[AHEAD + 1];
  private final Map<Integer, EpochPlan> plans = new ConcurrentHashMap<>();
  private long submitted; // the steps below this one have been submitted
  private long expected = -1; // the step the trainer asks for next when it goes in order

  AugmentedBatches(
      Dataset data, ClassAugmentation augmentation, int batchSize, int epochs, long seed) {
    this.data = data;
    this.augmentation = augmentation;
    this.batchSize = batchSize;
    this.seed = seed ^ SALT;
    this.shape = data.shape();
    for (Pipeline p : augmentation.pipelines()) {
      p.checkShape(shape);
    }
    this.labels = new int[data.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = data.label(i);
    }
    this.epochSize = plan(0).size();
    this.lastStep = (long) epochs * stepsPerEpoch();
    this.identity = new int[batchSize];
    for (int i = 0; i < batchSize; i++) {
      identity[i] = i;
    }
    for (int s = 0; s < slots.length; s++) {
      slots[s] = new Slot(batchSize, data.exampleSize());
    }
  }

  /** Entries per epoch (more than the data's size when classes are oversampled). */
  int epochSize() {
    return epochSize;
  }

  int stepsPerEpoch() {
    return (epochSize + batchSize - 1) / batchSize;
  }

  /** The order that reads a batch view front to back. */
  int[] order() {
    return identity;
  }

  /**
   * The prepared batch {@code b} of {@code epoch} as a data set of its examples, valid until the
   * next call; starts preparing the steps after it.
   */
  Dataset batch(int epoch, int b) {
    long g = (long) epoch * stepsPerEpoch() + b;
    if (g != expected) {
      drain();
      submitted = g;
    }
    expected = g + 1;
    plans.keySet().removeIf(e -> e < epoch);
    while (submitted <= g + AHEAD && submitted < lastStep) {
      long step = submitted++;
      int s = (int) (step % slots.length);
      pending[s] = WORKERS.submit(() -> fill(slots[s], step));
    }
    int s = (int) (g % slots.length);
    await(pending[s]);
    pending[s] = null;
    return slots[s];
  }

  private void fill(Slot slot, long step) {
    int epoch = (int) (step / stepsPerEpoch());
    int from = (int) (step % stepsPerEpoch()) * batchSize;
    EpochPlan plan = plan(epoch);
    int n = Math.min(batchSize, epochSize - from);
    int in = data.exampleSize();
    long batchSeed = Rng.derive(seed, step);
    for (int i = 0; i < n; i++) {
      int index = plan.index(from + i);
      data.copyExample(index, slot.x, i * in);
      slot.labels[i] = labels[index];
      plan.pipeline(from + i).apply(slot.x, i * in, shape, Rng.derive(batchSeed, i));
    }
    slot.n = n;
  }

  private EpochPlan plan(int epoch) {
    return plans.computeIfAbsent(epoch, e -> augmentation.plan(labels, data.classes(), e, seed));
  }

  /** Waits for every batch in flight, so that no worker writes a slot about to be reused. */
  private void drain() {
    for (int s = 0; s < pending.length; s++) {
      if (pending[s] != null) {
        try {
          pending[s].get();
        } catch (InterruptedException | ExecutionException e) {
          // Only the buffers matter here; a failure resurfaces when its batch is requested.
        }
        pending[s] = null;
      }
    }
  }

  private static void await(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an augmented batch", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("preparing an augmented batch failed: " + cause, cause);
    }
  }

  /** One batch buffer, read by the training step through the {@link Dataset} interface. */
  private final class Slot implements Dataset {
    final float[] x;
    final int[] labels;
    int n;

    Slot(int batch, int exampleSize) {
      this.x = new float[batch * exampleSize];
      this.labels = new int[batch];
    }

    @Override
    public int size() {
      return n;
    }

    @Override
    public int[] shape() {
      return shape.clone();
    }

    @Override
    public int classes() {
      return data.classes();
    }

    @Override
    public void copyExample(int i, float[] dst, int offset) {
      int size = data.exampleSize();
      System.arraycopy(x, i * size, dst, offset, size);
    }

    @Override
    public int label(int i) {
      return labels[i];
    }

    @Override
    public int exampleSize() {
      return data.exampleSize();
    }
  }
}

package dev.jconv.augment;

import dev.jconv.data.Dataset;
import dev.jconv.parallel.Parallel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An ordered list of transforms applied to each example, the counterpart of a Keras {@code
 * Sequential} of preprocessing layers or a torchvision {@code Compose}:
 *
 * <pre>{@code
 * Pipeline pipeline = Pipeline.of(
 *     Flip.horizontal(),
 *     Translate.of(0.1, 0.1),
 *     Rotate.degrees(10).fill(Fill.NEAREST),
 *     Contrast.of(0.2),
 *     Erasing.of());
 * Trainer.of(model).augment(pipeline).fit(train);
 * }</pre>
 *
 * <p>Every example is transformed with its own generator: example {@code i} of a batch seeded
 * {@code s} uses {@link Rng#derive(long, long) Rng.derive(s, i)}, so the same seed gives the same
 * images whatever the thread count. A pipeline is itself a {@link Transform}, so pipelines nest.
 */
public final class Pipeline implements Transform {
  private final List<Transform> transforms;
  private final Transform[] steps; // indexed, so applying allocates no iterator

  private Pipeline(List<Transform> transforms) {
    for (Transform t : transforms) {
      if (t == null) {
        throw new IllegalArgumentException("a pipeline's transforms must not be null");
      }
    }
    this.transforms = List.copyOf(transforms);
    this.steps = this.transforms.toArray(new Transform[0]);
  }

  /** The transforms, applied in this order. */
  public static Pipeline of(Transform... transforms) {
    return new Pipeline(Arrays.asList(transforms));
  }

  /** The empty pipeline: every image stays as it is. */
  public static Pipeline identity() {
    return new Pipeline(List.of());
  }

  /** This pipeline followed by {@code more}. */
  public Pipeline then(Transform... more) {
    List<Transform> all = new ArrayList<>(transforms);
    all.addAll(Arrays.asList(more));
    return new Pipeline(all);
  }

  /** The transforms in order. */
  public List<Transform> transforms() {
    return transforms;
  }

  /** Whether the pipeline has no transforms. */
  public boolean isIdentity() {
    return transforms.isEmpty();
  }

  @Override
  public void apply(Canvas canvas, Rng rng) {
    for (int i = 0; i < steps.length; i++) {
      steps[i].apply(canvas, rng);
    }
  }

  @Override
  public void check(int h, int w, int c) {
    for (Transform t : transforms) {
      t.check(h, w, c);
    }
  }

  /** Transforms the HWC image at {@code x[offset...]} of {@code shape = {h, w, c}} in place. */
  public void apply(float[] x, int offset, int[] shape, long seed) {
    checkShape(shape);
    if (offset < 0 || (long) offset + (long) shape[0] * shape[1] * shape[2] > x.length) {
      throw new IllegalArgumentException(
          "an image of "
              + Arrays.toString(shape)
              + " at offset "
              + offset
              + " does not fit in "
              + x.length
              + " floats");
    }
    transform(x, offset, shape[0], shape[1], shape[2], seed);
  }

  /** A transformed copy of the HWC image {@code hwc} of {@code shape = {h, w, c}}. */
  public float[] apply(float[] hwc, int[] shape, long seed) {
    float[] out = hwc.clone();
    apply(out, 0, shape, seed);
    return out;
  }

  /**
   * Transforms {@code n} NHWC examples in place, spread over the cores; example {@code i} is seeded
   * {@code Rng.derive(seed, i)}.
   */
  public void applyBatch(float[] nhwc, int n, int[] shape, long seed) {
    checkShape(shape);
    int size = shape[0] * shape[1] * shape[2];
    if (n < 0 || (long) n * size > nhwc.length) {
      throw new IllegalArgumentException(
          n
              + " examples of "
              + Arrays.toString(shape)
              + " do not fit in "
              + nhwc.length
              + " floats");
    }
    Parallel.forRange(
        n,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            transform(nhwc, i * size, shape[0], shape[1], shape[2], Rng.derive(seed, i));
          }
        });
  }

  /** Transforms one example in place on this thread's workspace; no checks. */
  void transform(float[] x, int offset, int h, int w, int c, long seed) {
    if (steps.length == 0) {
      return;
    }
    Workspace ws = Workspace.get();
    ws.canvas.load(x, offset, h, w, c);
    ws.rng.reseed(seed);
    apply(ws.canvas, ws.rng);
    ws.canvas.store(x, offset);
  }

  /**
   * Writes a PNG of {@code rows} examples of {@code data} (evenly spaced through it), each row the
   * original followed by {@code copies} augmented versions; see {@link Grid}.
   */
  public void writeGrid(Path png, Dataset data, int rows, int copies, long seed)
      throws IOException {
    Grid.write(png, this, data, rows, copies, seed);
  }

  /**
   * Fails unless {@code shape} is {@code {h, w, c}} with positive sizes, or this pipeline rejects
   * it.
   */
  public void checkShape(int[] shape) {
    if (shape.length != 3 || shape[0] < 1 || shape[1] < 1 || shape[2] < 1) {
      throw new IllegalArgumentException(
          "augmentation needs images of shape {h, w, c} with positive sizes, got "
              + Arrays.toString(shape));
    }
    check(shape[0], shape[1], shape[2]);
  }

  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    for (Transform t : transforms) {
      names.add(t.getClass().getSimpleName());
    }
    return "Pipeline" + names;
  }
}

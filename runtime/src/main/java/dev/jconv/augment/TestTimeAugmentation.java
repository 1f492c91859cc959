package dev.jconv.augment;

import dev.jconv.Layer;
import dev.jconv.Model;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Test-time augmentation: a {@link Model} view of another model whose prediction for an image is
 * the mean of the model's class probabilities over {@code copies} versions of it, the original and
 * {@code copies - 1} augmented ones ({@code p = mean of p_l}; logits are turned into probabilities
 * first). Copy {@code l} is transformed with seed {@code Rng.derive(seed, l)}, the same for every
 * image, so predictions are deterministic and do not depend on batching or threads.
 *
 * <pre>{@code
 * Model tta = TestTimeAugmentation.of(model, Pipeline.of(Flip.horizontal(), Translate.of(0.05, 0.05)), 8, 1);
 * float[] p = tta.predict(image);                       // one image
 * tta.predict(batch, n, out);                           // a batch, over the cores
 * Evaluation e = Evaluator.evaluate(tta, testSet);      // a whole evaluation
 * }</pre>
 *
 * <p>It shares the model's weights and layers (live) and is for inference only: training it throws.
 */
public final class TestTimeAugmentation implements Model {
  private final Model model;
  private final Pipeline pipeline;
  private final int copies;
  private final long seed;
  private final int[] shape;
  private final ThreadLocal<float[][]> buffers;

  private TestTimeAugmentation(Model model, Pipeline pipeline, int copies, long seed) {
    this.model = model;
    this.pipeline = pipeline;
    this.copies = copies;
    this.seed = seed;
    this.shape = model.inputShape();
    this.buffers =
        ThreadLocal.withInitial(
            () -> new float[][] {new float[model.inputSize()], new float[model.outputSize()]});
  }

  /**
   * {@code model} predicting the mean over the original and {@code copies - 1} versions transformed
   * by {@code pipeline}.
   */
  public static TestTimeAugmentation of(Model model, Pipeline pipeline, int copies, long seed) {
    if (copies < 1) {
      throw new IllegalArgumentException("copies must be at least 1 (the original), got " + copies);
    }
    pipeline.checkShape(model.inputShape());
    return new TestTimeAugmentation(model, pipeline, copies, seed);
  }

  /** The model whose predictions are averaged. */
  public Model model() {
    return model;
  }

  /** Versions averaged per image, the original included. */
  public int copies() {
    return copies;
  }

  @Override
  public void predictInto(float[] x, int xo, float[] y, int yo) {
    float[][] b = buffers.get();
    float[] image = b[0];
    float[] out = b[1];
    int k = out.length;
    Arrays.fill(y, yo, yo + k, 0);
    for (int l = 0; l < copies; l++) {
      if (l == 0) {
        model.predictInto(x, xo, out, 0);
      } else {
        System.arraycopy(x, xo, image, 0, image.length);
        pipeline.transform(image, 0, shape[0], shape[1], shape[2], Rng.derive(seed, l));
        model.predictInto(image, 0, out, 0);
      }
      addProbabilities(out, y, yo);
    }
    float scale = 1f / copies;
    for (int i = 0; i < k; i++) {
      y[yo + i] *= scale;
    }
  }

  private void addProbabilities(float[] out, float[] y, int yo) {
    if (model.outputsProbabilities()) {
      for (int i = 0; i < out.length; i++) {
        y[yo + i] += out[i];
      }
      return;
    }
    float max = Float.NEGATIVE_INFINITY;
    for (float v : out) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (float v : out) {
      sum += Math.exp(v - max);
    }
    for (int i = 0; i < out.length; i++) {
      y[yo + i] += (float) (Math.exp(out[i] - max) / sum);
    }
  }

  @Override
  public boolean outputsProbabilities() {
    return true;
  }

  @Override
  public String name() {
    return model.name();
  }

  @Override
  public int[] inputShape() {
    return model.inputShape();
  }

  @Override
  public int[] outputShape() {
    return model.outputShape();
  }

  @Override
  public List<Layer> layers() {
    return model.layers();
  }

  @Override
  public float[] weights() {
    return model.weights();
  }

  /** Saves the underlying model's weights. */
  @Override
  public void save(Path file) throws IOException {
    model.save(file);
  }

  /** Loads the underlying model's weights. */
  @Override
  public void load(Path file) throws IOException {
    model.load(file);
  }
}

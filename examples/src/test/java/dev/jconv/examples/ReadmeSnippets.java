package dev.jconv.examples;

import dev.jconv.Model;
import dev.jconv.augment.Contrast;
import dev.jconv.augment.Fill;
import dev.jconv.augment.Flip;
import dev.jconv.augment.Pipeline;
import dev.jconv.augment.Rotate;
import dev.jconv.augment.TestTimeAugmentation;
import dev.jconv.augment.Translate;
import dev.jconv.augment.Zoom;
import dev.jconv.data.Dataset;
import dev.jconv.data.Images;
import dev.jconv.train.Adam;
import dev.jconv.train.EarlyStopping;
import dev.jconv.train.Evaluation;
import dev.jconv.train.Evaluator;
import dev.jconv.train.History;
import dev.jconv.train.LearningRateSchedule;
import dev.jconv.train.Trainer;
import dev.jconv.transfer.LayerGroup;
import dev.jconv.transfer.TransferReport;
import dev.jconv.transfer.WeightTransfer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * The README's code blocks that use models, as compiled methods: each region between {@code //
 * README begin NAME} and {@code // README end NAME} is a block of the README ({@link ReadmeTest}
 * holds them equal), and {@link ReadmeSnippetsTest} runs every method on small data.
 */
final class ReadmeSnippets {
  private ReadmeSnippets() {}

  /** What the model snippet computed, for the test to check. */
  record Used(float[] probabilities, int[] conv5Shape, boolean conv1Trainable) {}

  static Used useModel(float[] hwcImage, float[] nhwcBatch, int n, float[] out, Path dir)
      throws IOException {
    // README begin use
    SeedNetModel model = new SeedNetModel(42); // Keras's initialisers, seeded; () for a random seed
    float[] probabilities = model.predict(hwcImage); // one 64x64x3 image, HWC row-major
    model.predict(nhwcBatch, n, out); // a batch, spread over the cores
    int[] shape = model.layer("conv5").outputShape(); // [16, 16, 24]
    model.conv1.freeze(); // transfer learning: conv1 stops training
    Path file = dir.resolve("seed.safetensors");
    model.save(file); // safetensors, Keras's names and layouts: conv1.kernel [3, 3, 3, 8]
    model.load(file); // all or nothing; errors name the tensor and the shapes
    // README end use
    return new Used(probabilities, shape, model.conv1.isTrainable());
  }

  /** What the training snippet produced. */
  record Trained(History history, Evaluation test) {}

  static Trained train(Dataset trainSet, Dataset testSet, int epochs, Path dir) {
    SeedNetModel model = new SeedNetModel(42);
    // README begin train
    History history =
        Trainer.of(model)
            .optimizer(new Adam().learningRate(1e-3)) // also Sgd (momentum, Nesterov), AdamW
            .schedule(LearningRateSchedule.cosine(2_000).withWarmUp(100))
            .batchSize(64)
            .epochs(epochs)
            .validationSplit(0.1) // or .validationData(validationSet)
            .labelSmoothing(0.1) // optional; also .classWeights(weights)
            .callback(EarlyStopping.onValidationLoss(3))
            .checkpoint(dir.resolve("run.safetensors")) // every epoch; a rerun resumes from it
            .seed(7) // the same seed, the same run
            .fit(trainSet); // any dev.jconv.data.Dataset
    Evaluation test = Trainer.of(model).evaluate(testSet); // loss, accuracy, top-5, confusion
    System.out.println(test); // 500 examples: loss 0.1941 - accuracy 0.9340 - top-5 ...
    // README end train
    return new Trained(history, test);
  }

  /** What the augmentation snippet produced. */
  record Augmented(History history, Evaluation plain, Evaluation withTta) {}

  static Augmented augment(Model model, Dataset trainSet, Dataset testSet, int epochs) {
    // README begin augment
    Pipeline pipeline =
        Pipeline.of(
            Flip.horizontal(), // Keras RandomFlip("horizontal")
            Translate.of(0.1, 0.1), // RandomTranslation: up to 10% of height and width
            Rotate.degrees(10).fill(Fill.NEAREST), // RandomRotation(10 / 360)
            Zoom.of(0.1), // RandomZoom: 90% to 110%
            Contrast.of(0.2)); // RandomContrast
    History history = Trainer.of(model).augment(pipeline).epochs(epochs).fit(trainSet);

    // Test-time augmentation: the mean of the probabilities over the image and 7 variants.
    Model tta = TestTimeAugmentation.of(model, Pipeline.of(Flip.horizontal()), 8, 1);
    Evaluation plain = Evaluator.evaluate(model, testSet);
    Evaluation withTta = Evaluator.evaluate(tta, testSet);
    // README end augment
    return new Augmented(history, plain, withTta);
  }

  /** What the transfer snippet produced. */
  record Transferred(TransferReport report, long frozenParams, History head, History fineTuned) {}

  static Transferred transfer(Path baseWeights, Dataset newData, int epochs) throws IOException {
    // README begin transfer
    FashionTransferNetModel model = new FashionTransferNetModel();
    TransferReport report = WeightTransfer.from(baseWeights).into(model); // by tensor name
    LayerGroup base = LayerGroup.upTo(model, "features").freeze(); // base.trainable = False
    long frozen = model.nonTrainableParamCount(); // the base's 23,424 parameters
    Adam adam = new Adam().learningRate(1e-3);
    History head = Trainer.of(model).optimizer(adam).epochs(epochs).fit(newData);

    base.unfreeze(); // base.trainable = True
    adam.setLearningRate(1e-5); // the same optimizer: the head keeps its moments
    History fineTuned = Trainer.of(model).optimizer(adam).epochs(epochs).fit(newData);
    // README end transfer
    return new Transferred(report, frozen, head, fineTuned);
  }

  static float[] serve(Path weights, Path png) throws IOException {
    // README begin serve
    SeedNetModel model = new SeedNetModel();
    model.load(weights); // once; one model serves every thread

    BufferedImage image = ImageIO.read(png.toFile()); // per request
    float[] x = Images.toFloats(image, 3); // HWC in [0, 1]; resize first if it is not 64x64
    Standardize.perImage(x, 0, x.length, 3); // the demo's preprocessing, as in training
    float[] probabilities = model.predict(x); // allocation-free inside, thread-safe
    // README end serve
    return probabilities;
  }
}

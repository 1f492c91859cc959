package dev.jconv.processor.reference;

import static dev.jconv.processor.reference.Cases.conv;
import static dev.jconv.processor.reference.Cases.win;

import dev.jconv.Activation.Fn;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The training pass on both generated code paths with the tolerances of {@link
 * TrainingGradientTest}: the scalar path ({@code -Ajconv.simd=false}: the per-example scalar
 * backward of every kind) on the per-layer-kind cases, the structures and half of the random
 * networks, which the other tests run on the SIMD path only; and on both paths random Conv2D shapes
 * (kernel, strides, dilation, SAME/VALID, channel counts that do not fill a vector) feeding random
 * Dense layers, which the SIMD path runs through {@code ConvBackward} and the batched {@code
 * MatMul}. Batches of 1 to 7 examples, so blocks of 4 rows have remainders.
 */
class TrainingPathsTest {
  private static final long SEED = TrainingModels.SEED;
  private static final int SHAPES = Integer.getInteger("jconv.train.shapes", 12);

  @ParameterizedTest
  @EnumSource(CodePaths.class)
  void randomConvAndDenseShapesMatchTheReference(CodePaths path) {
    List<NetDef> nets = randomShapes(SEED, SHAPES, path.name());
    GeneratedModels compiled = GeneratedModels.compile(nets, path.options());
    TrainingCheck.Result total = TrainingCheck.Result.none();
    for (int i = 0; i < nets.size(); i++) {
      total = total.merge(TrainingCheck.check(compiled, nets.get(i), SEED + 77 * i, 1 + i % 7));
    }
    System.out.printf(
        "TrainingPathsTest: %s, %d random conv/dense shapes, %s%n", path, nets.size(), total);
  }

  @ParameterizedTest
  @EnumSource(value = CodePaths.class, names = "SCALAR")
  void theScalarPathMatchesTheReference(CodePaths path) {
    List<NetDef> nets = new ArrayList<>(TrainingModels.PER_LAYER_KIND);
    nets.addAll(TrainingModels.STRUCTURES);
    for (int i = 0; i < TrainingModels.RANDOM.size(); i += 2) {
      nets.add(TrainingModels.RANDOM.get(i));
    }
    GeneratedModels compiled = GeneratedModels.compile(nets, path.options());
    TrainingCheck.Result total = TrainingCheck.Result.none();
    for (int i = 0; i < nets.size(); i++) {
      total = total.merge(TrainingCheck.check(compiled, nets.get(i), 5000 + i, 1 + i % 4));
    }
    System.out.printf("TrainingPathsTest: %s, %d networks, %s%n", path, nets.size(), total);
  }

  /**
   * {@code count} networks of a random convolution (strides or dilation, SAME or VALID, 1 to 19
   * input channels, 1 to 40 filters), sometimes a second one, then Flatten and one or two Dense.
   */
  static List<NetDef> randomShapes(long seed, int count, String tag) {
    Fn[] fns = {Fn.LINEAR, Fn.RELU, Fn.TANH, Fn.SWISH, Fn.LEAKY_RELU};
    List<NetDef> nets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      SplittableRandom r = new SplittableRandom(seed + 31 * i);
      int kh = 1 + r.nextInt(4);
      int kw = 1 + r.nextInt(4);
      boolean dilated = r.nextInt(3) == 0;
      int dh = dilated ? 1 + r.nextInt(3) : 1;
      int dw = dilated ? 1 + r.nextInt(3) : 1;
      int sh = dilated ? 1 : 1 + r.nextInt(3);
      int sw = dilated ? 1 : 1 + r.nextInt(3);
      boolean same = r.nextBoolean();
      int h = (kh - 1) * dh + 1 + r.nextInt(6);
      int w = (kw - 1) * dw + 1 + r.nextInt(6);
      List<LayerDef> layers = new ArrayList<>();
      layers.add(
          conv(
              "c1",
              1 + r.nextInt(40),
              win(kh, kw, sh, sw, dh, dw, same),
              fns[r.nextInt(fns.length)],
              r.nextBoolean()));
      if (r.nextBoolean()) {
        layers.add(conv("c2", 1 + r.nextInt(24), win(3, 3, 1, 1, 1, 1, true), Fn.RELU, true));
      }
      layers.add(new LayerDef.Flatten("flat", List.of()));
      if (r.nextBoolean()) {
        layers.add(
            new LayerDef.Dense(
                "hidden",
                List.of(),
                1 + r.nextInt(70),
                fns[r.nextInt(fns.length)],
                r.nextBoolean()));
      }
      NetDef body =
          new NetDef(
              TrainingCases.PACKAGE,
              "Shape" + tag + i + "Body",
              Dims.image(h, w, 1 + r.nextInt(19)),
              layers);
      nets.add(
          TrainingCheck.withHead(
              body, "Shape" + tag + i, 2 + r.nextInt(5), r.nextBoolean() ? Fn.SOFTMAX : Fn.LINEAR));
    }
    return nets;
  }
}

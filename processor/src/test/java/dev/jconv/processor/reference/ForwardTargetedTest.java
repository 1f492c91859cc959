package dev.jconv.processor.reference;

import static dev.jconv.processor.reference.Cases.conv;
import static dev.jconv.processor.reference.Cases.net;
import static dev.jconv.processor.reference.Cases.win;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Activation.Fn;
import dev.jconv.Model;
import dev.jconv.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hand-picked networks, one or more per layer kind, against the reference; and hand-computed values
 * for the rules that a reference could get wrong in the same way as the generated code: where SAME
 * puts the odd padding cell, what average pooling divides by, softmax's sum.
 */
class ForwardTargetedTest {
  /** 1..16 in a 4x4x1 image, row-major. */
  private static final float[] ONE_TO_SIXTEEN = range(16);

  @ParameterizedTest
  @EnumSource(CodePaths.class)
  void everyLayerKindMatchesTheReference(CodePaths path) {
    List<NetDef> nets = Cases.perLayerKind();
    GeneratedModels compiled = GeneratedModels.compile(nets, path.options());
    ForwardCheck.Result total = ForwardCheck.Result.none();
    for (int i = 0; i < nets.size(); i++) {
      total = total.merge(ForwardCheck.check(compiled, nets.get(i), 1000 + i, 3));
    }
    System.out.printf("ForwardTargetedTest[%s]: %d networks, %s%n", path, nets.size(), total);
  }

  @ParameterizedTest
  @EnumSource(CodePaths.class)
  void handComputedValues(CodePaths path) {
    List<NetDef> nets = new ArrayList<>();
    // 3x3 ones, stride 2, SAME on 4x4: one padding row and column, both after the input.
    nets.add(
        net(
            "SameStride2Even",
            Dims.image(4, 4, 1),
            conv("c", 1, win(3, 3, 2, 2, 1, 1, true), Fn.LINEAR, false)));
    // 1x2 ones, stride 2, SAME on a width of 5: the odd padding column is on the right.
    nets.add(
        net(
            "SameStride2Odd",
            Dims.image(1, 5, 1),
            conv("c", 1, win(1, 2, 1, 2, 1, 1, true), Fn.LINEAR, false)));
    nets.add(
        net(
            "AvgSame3",
            Dims.image(3, 3, 1),
            new LayerDef.AveragePooling2D("p", List.of(), Window.pool(3, 3, 1, 1, true), true)));
    nets.add(
        net(
            "AvgSame2",
            Dims.image(3, 3, 1),
            new LayerDef.AveragePooling2D("p", List.of(), Window.pool(2, 2, 2, 2, true), false)));
    nets.add(
        net(
            "MaxSameNegative",
            Dims.image(3, 3, 1),
            new LayerDef.MaxPooling2D("p", List.of(), Window.pool(2, 2, 2, 2, true), false)));
    nets.add(
        net(
            "SoftmaxImage",
            Dims.image(3, 2, 7),
            new LayerDef.Activation("s", List.of(), Fn.SOFTMAX)));
    nets.add(
        net(
            "SoftmaxDense",
            Dims.image(2, 3, 2),
            new LayerDef.Flatten("f", List.of()),
            new LayerDef.Dense("d", List.of(), 13, Fn.SOFTMAX, true)));
    GeneratedModels compiled = GeneratedModels.compile(nets, path.options());

    Model even = ones(compiled.newModel(nets.get(0), 1));
    assertArrayEquals(new float[] {54, 45, 72, 54}, even.predict(ONE_TO_SIXTEEN));
    Model odd = ones(compiled.newModel(nets.get(1), 1));
    assertArrayEquals(new float[] {3, 7, 5}, odd.predict(range(5)));

    float[] avg3 = compiled.newModel(nets.get(2), 1).predict(range(9));
    assertArrayEquals(new float[] {3, 3.5f, 4, 4.5f, 5, 5.5f, 6, 6.5f, 7}, avg3, 1e-6f);
    float[] avg2 = compiled.newModel(nets.get(3), 1).predict(range(9));
    assertArrayEquals(new float[] {3, 4.5f, 7.5f, 9}, avg2, 1e-6f);
    float[] negative = new float[9];
    for (int i = 0; i < 9; i++) {
      negative[i] = -1 - i;
    }
    float[] max = compiled.newModel(nets.get(4), 1).predict(negative);
    assertArrayEquals(
        new float[] {-1, -3, -7, -9}, max, "padded cells are not zeros to take the max of");

    SplittableRandom random = new SplittableRandom(7);
    for (int k = 5; k <= 6; k++) {
      NetDef net = nets.get(k);
      Model model = compiled.newModel(net, 3);
      ModelWeights.randomize(model, random);
      float[] y = model.predict(ForwardCheck.randomInput(net, 1, random));
      int channels = net.outputShape().c();
      for (int g = 0; g < y.length; g += channels) {
        double sum = 0;
        for (int c = g; c < g + channels; c++) {
          assertTrue(y[c] > 0 && y[c] < 1, "softmax value " + y[c]);
          sum += y[c];
        }
        assertEquals(1, sum, 1e-6, net.className() + " position " + g / channels);
      }
    }
  }

  /** The reference agrees with the hand-computed values too. */
  @org.junit.jupiter.api.Test
  void referenceHandComputedValues() {
    NetDef even =
        net("E", Dims.image(4, 4, 1), conv("c", 1, win(3, 3, 2, 2, 1, 1, true), Fn.LINEAR, false));
    Map<String, double[]> ones = Map.of("c.kernel", new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1});
    assertArrayEquals(
        new double[] {54, 45, 72, 54},
        new RefNet(even).infer(ones, ForwardCheck.toDouble(ONE_TO_SIXTEEN), 1).output());
    NetDef avg =
        net(
            "A",
            Dims.image(3, 3, 1),
            new LayerDef.AveragePooling2D("p", List.of(), Window.pool(3, 3, 1, 1, true), true));
    assertArrayEquals(
        new double[] {3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7},
        new RefNet(avg).infer(Map.of(), ForwardCheck.toDouble(range(9)), 1).output(),
        1e-12);
  }

  /** Sets every parameter of {@code model} to 1. */
  private static Model ones(Model model) {
    for (dev.jconv.Layer layer : model.layers()) {
      for (Param p : layer.params()) {
        java.util.Arrays.fill(model.weights(), p.offset(), p.offset() + (int) p.size(), 1f);
      }
    }
    return model;
  }

  private static float[] range(int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = i + 1;
    }
    return v;
  }
}

package dev.jconv.processor.reference;

import static dev.jconv.processor.reference.Cases.conv;
import static dev.jconv.processor.reference.Cases.win;

import dev.jconv.Activation.Fn;
import java.util.ArrayList;
import java.util.List;

/**
 * Networks for the training pass: every per-layer-kind case of {@link Cases} with a classification
 * head, and whole structures whose backward has its own risks: a ResNet block (identity and
 * projection shortcuts, BatchNormalization on both paths), an Inception module (four branches and a
 * pooling branch into Concatenate), outputs that end in a stand-alone SOFTMAX or in no softmax at
 * all, BatchNormalization and Dropout reading the network input, Dropout before max pooling, and
 * PatchNet's structure on a small input.
 */
final class TrainingCases {
  static final String PACKAGE = "test.training";
  private static final Window SAME3 = win(3, 3, 1, 1, 1, 1, true);
  private static final Window ONE = win(1, 1, 1, 1, 1, 1, false);

  private TrainingCases() {}

  /** Every case of {@link Cases#perLayerKind()} with a head of 4 classes, softmax or logits. */
  static List<NetDef> perLayerKind() {
    List<NetDef> nets = new ArrayList<>();
    List<NetDef> cases = Cases.perLayerKind();
    for (int i = 0; i < cases.size(); i++) {
      NetDef c = cases.get(i);
      NetDef moved = new NetDef(PACKAGE, c.className(), c.input(), c.layers());
      nets.add(
          TrainingCheck.withHead(
              moved, c.className() + "Train", 4, i % 2 == 0 ? Fn.SOFTMAX : Fn.LINEAR));
    }
    return nets;
  }

  /** The whole structures described in the class comment. */
  static List<NetDef> structures() {
    List<NetDef> nets = new ArrayList<>();
    nets.add(resNetBlock());
    nets.add(inceptionModule());
    nets.add(
        net(
            "StandaloneSoftmaxOutput",
            Dims.image(3, 3, 2),
            conv("c", 4, SAME3, Fn.RELU, true),
            new LayerDef.Flatten("f", List.of()),
            new LayerDef.Dense("logits", List.of(), 5, Fn.LINEAR, true),
            new LayerDef.Activation("probs", List.of(), Fn.SOFTMAX)));
    nets.add(
        net(
            "SoftmaxOfInput",
            Dims.vector(6),
            new LayerDef.Activation("probs", List.of(), Fn.SOFTMAX)));
    nets.add(
        net(
            "ReluLogits",
            Dims.vector(5),
            new LayerDef.Dense("h", List.of(), 7, Fn.TANH, true),
            new LayerDef.Dense("out", List.of(), 3, Fn.RELU, true)));
    nets.add(
        net(
            "BatchNormOfInput",
            Dims.image(4, 3, 3),
            new LayerDef.BatchNormalization("bn", List.of(), 0.001, true, true),
            conv("c", 3, SAME3, Fn.LINEAR, true),
            new LayerDef.GlobalAveragePooling2D("gap", List.of(), false),
            new LayerDef.Dense("out", List.of(), 3, Fn.SOFTMAX, true)));
    nets.add(
        net(
            "DropoutPoolBatchNorm",
            Dims.image(6, 6, 2),
            new LayerDef.Dropout("drop0", List.of(), 0.3),
            conv("c", 4, SAME3, Fn.LINEAR, true),
            new LayerDef.Dropout("drop1", List.of(), 0.5),
            new LayerDef.MaxPooling2D("pool", List.of(), Window.pool(2, 2, 2, 2, false), false),
            new LayerDef.BatchNormalization("bn", List.of(), 0.001, false, true),
            new LayerDef.Activation("relu", List.of(), Fn.RELU),
            new LayerDef.GlobalMaxPooling2D("gmp", List.of(), false),
            new LayerDef.Dropout("drop2", List.of(), 0.25),
            new LayerDef.Dense("out", List.of(), 4, Fn.SOFTMAX, true)));
    nets.add(miniPatchNet());
    nets.add(
        net(
            "TwoBatchNormsInARow",
            Dims.image(3, 4, 3),
            conv("c", 5, SAME3, Fn.ELU, true),
            new LayerDef.BatchNormalization("bn1", List.of(), 0.001, true, true),
            new LayerDef.BatchNormalization("bn2", List.of(), 0.01, true, false),
            new LayerDef.Add("sum", List.of("bn2", "c")),
            new LayerDef.Flatten("f", List.of()),
            new LayerDef.BatchNormalization("bn3", List.of(), 0.001, true, true),
            new LayerDef.Dense("out", List.of(), 3, Fn.LINEAR, true)));
    return nets;
  }

  /**
   * A ResNet-v1 stage: a block with a projection shortcut (1x1 stride 2 conv and BN) and a block
   * with an identity shortcut, each conv-BN-ReLU-conv-BN, Add, ReLU; global pooling and softmax.
   */
  static NetDef resNetBlock() {
    return net(
        "ResNetBlock",
        Dims.image(7, 6, 3),
        conv("stem", 4, SAME3, Fn.LINEAR, false),
        new LayerDef.BatchNormalization("stem_bn", List.of(), 0.001, true, true),
        new LayerDef.Activation("stem_relu", List.of(), Fn.RELU),
        // block 1: projection shortcut
        new LayerDef.Conv2D(
            "b1_conv1", List.of(), 6, win(3, 3, 2, 2, 1, 1, true), Fn.LINEAR, false),
        new LayerDef.BatchNormalization("b1_bn1", List.of(), 0.001, true, true),
        new LayerDef.Activation("b1_relu1", List.of(), Fn.RELU),
        conv("b1_conv2", 6, SAME3, Fn.LINEAR, false),
        new LayerDef.BatchNormalization("b1_bn2", List.of(), 0.001, true, true),
        new LayerDef.Conv2D(
            "b1_proj", List.of("stem_relu"), 6, win(1, 1, 2, 2, 1, 1, true), Fn.LINEAR, false),
        new LayerDef.BatchNormalization("b1_proj_bn", List.of(), 0.001, true, true),
        new LayerDef.Add("b1_add", List.of("b1_bn2", "b1_proj_bn")),
        new LayerDef.Activation("b1_out", List.of(), Fn.RELU),
        // block 2: identity shortcut
        conv("b2_conv1", 6, SAME3, Fn.LINEAR, false),
        new LayerDef.BatchNormalization("b2_bn1", List.of(), 0.001, true, true),
        new LayerDef.Activation("b2_relu1", List.of(), Fn.RELU),
        conv("b2_conv2", 6, SAME3, Fn.LINEAR, false),
        new LayerDef.BatchNormalization("b2_bn2", List.of(), 0.001, true, true),
        new LayerDef.Add("b2_add", List.of("b2_bn2", "b1_out")),
        new LayerDef.Activation("b2_out", List.of(), Fn.RELU),
        new LayerDef.GlobalAveragePooling2D("gap", List.of(), false),
        new LayerDef.Dense("out", List.of(), 5, Fn.SOFTMAX, true));
  }

  /**
   * An Inception-v1 module: 1x1; 1x1 then 3x3; 1x1 then 5x5; 3x3 max pooling (stride 1, SAME) then
   * 1x1; concatenated on channels; InceptionV3-style BN without scale on one branch.
   */
  static NetDef inceptionModule() {
    return net(
        "InceptionModule",
        Dims.image(6, 5, 4),
        conv("stem", 5, SAME3, Fn.RELU, true),
        new LayerDef.Conv2D("b1x1", List.of("stem"), 3, ONE, Fn.RELU, true),
        new LayerDef.Conv2D("b3x3_reduce", List.of("stem"), 2, ONE, Fn.RELU, true),
        conv("b3x3", 4, SAME3, Fn.RELU, true),
        new LayerDef.Conv2D("b5x5_reduce", List.of("stem"), 2, ONE, Fn.LINEAR, false),
        new LayerDef.BatchNormalization("b5x5_reduce_bn", List.of(), 0.001, true, false),
        new LayerDef.Activation("b5x5_reduce_relu", List.of(), Fn.RELU),
        conv("b5x5", 3, win(5, 5, 1, 1, 1, 1, true), Fn.RELU, true),
        new LayerDef.MaxPooling2D("bpool", List.of("stem"), Window.pool(3, 3, 1, 1, true), true),
        conv("bpool_proj", 2, ONE, Fn.RELU, true),
        new LayerDef.Concatenate("mixed", List.of("b1x1", "b3x3", "b5x5", "bpool_proj")),
        new LayerDef.AveragePooling2D("avg", List.of(), Window.pool(3, 3, 2, 2, true), true),
        new LayerDef.Flatten("f", List.of()),
        new LayerDef.Dense("out", List.of(), 4, Fn.SOFTMAX, true));
  }

  /** PatchNet's layers on a 16x16x3 input with narrower layers. */
  static NetDef miniPatchNet() {
    Window pool2 = Window.pool(2, 2, 2, 2, false);
    return net(
        "MiniPatchNet",
        Dims.image(16, 16, 3),
        conv("conv1", 4, SAME3, Fn.LINEAR, true),
        new LayerDef.Activation("relu1", List.of(), Fn.RELU),
        new LayerDef.MaxPooling2D("pool1", List.of(), pool2, false),
        conv("conv2", 6, SAME3, Fn.RELU, true),
        new LayerDef.MaxPooling2D("pool2", List.of(), pool2, false),
        conv("conv3", 8, SAME3, Fn.RELU, true),
        new LayerDef.BatchNormalization("bn3", List.of(), 0.001, true, true),
        new LayerDef.MaxPooling2D("pool3", List.of(), pool2, false),
        new LayerDef.SeparableConv2D("sep4", List.of(), 8, 1, SAME3, Fn.RELU, true),
        conv("conv5", 12, SAME3, Fn.RELU, true),
        new LayerDef.GlobalAveragePooling2D("gap", List.of(), false),
        new LayerDef.Dense("fc1", List.of(), 10, Fn.RELU, true),
        new LayerDef.Dropout("drop1", List.of(), 0.5),
        new LayerDef.Dense("out", List.of(), 5, Fn.SOFTMAX, true));
  }

  /** Random networks (see {@link RandomNets}) with a head of 2 to 5 classes. */
  static List<NetDef> random(long seed, int count) {
    List<NetDef> nets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      java.util.SplittableRandom r = new java.util.SplittableRandom(seed + i);
      int size = 3 + r.nextInt(9);
      boolean small = i % 2 == 0;
      NetDef net = RandomNets.generate(seed + i, PACKAGE, "Random" + i + "Body", size, small);
      nets.add(
          TrainingCheck.withHead(
              net, "Random" + i, 2 + r.nextInt(4), r.nextBoolean() ? Fn.SOFTMAX : Fn.LINEAR));
    }
    return nets;
  }

  static NetDef net(String name, Dims input, LayerDef... layers) {
    return new NetDef(PACKAGE, name + "Net", input, List.of(layers));
  }
}

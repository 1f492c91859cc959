package dev.jconv.processor.reference;

import static dev.jconv.processor.reference.Cases.conv;
import static dev.jconv.processor.reference.Cases.win;

import dev.jconv.Activation.Fn;
import java.util.List;

/**
 * The example networks of the examples module, recreated layer for layer (the processor module
 * cannot see the examples' classes): PatchNet, the seed network of PRODUCT.md, and the TensorFlow
 * tutorial network for Fashion-MNIST.
 */
final class ExampleNets {
  static final long PATCH_NET_PARAMS = 30_485;
  static final long FASHION_TUTORIAL_NET_PARAMS = 3_274_634;

  private ExampleNets() {}

  static NetDef patchNet() {
    Window same3 = win(3, 3, 1, 1, 1, 1, true);
    Window pool2 = Window.pool(2, 2, 2, 2, false);
    return new NetDef(
        "test.examples",
        "PatchNet",
        Dims.image(64, 64, 3),
        List.of(
            conv("conv1", 8, same3, Fn.LINEAR, true),
            new LayerDef.Activation("relu1", List.of(), Fn.RELU),
            new LayerDef.MaxPooling2D("pool1", List.of(), pool2, false),
            conv("conv2", 16, same3, Fn.RELU, true),
            new LayerDef.MaxPooling2D("pool2", List.of(), pool2, false),
            conv("conv3", 32, same3, Fn.RELU, true),
            new LayerDef.BatchNormalization("bn3", List.of(), 0.001, true, true),
            new LayerDef.MaxPooling2D("pool3", List.of(), pool2, false),
            new LayerDef.SeparableConv2D("sep4", List.of(), 32, 1, same3, Fn.RELU, true),
            conv("conv5", 64, same3, Fn.RELU, true),
            new LayerDef.GlobalAveragePooling2D("gap", List.of(), false),
            new LayerDef.Dense("fc1", List.of(), 64, Fn.RELU, true),
            new LayerDef.Dropout("drop1", List.of(), 0.5),
            new LayerDef.Dense("out", List.of(), 5, Fn.SOFTMAX, true)));
  }

  /** The layers of {@code net} up to {@code last}, whose output is less squashed than softmax's. */
  static NetDef trunk(NetDef net, String last) {
    List<LayerDef> layers = new java.util.ArrayList<>();
    for (LayerDef layer : net.layers()) {
      layers.add(layer);
      if (layer.name().equals(last)) {
        break;
      }
    }
    return new NetDef(net.packageName(), net.className() + "Trunk", net.input(), layers);
  }

  static NetDef fashionTutorialNet() {
    Window pool2 = Window.pool(2, 2, 2, 2, false);
    return new NetDef(
        "test.examples",
        "FashionTutorialNet",
        Dims.image(28, 28, 1),
        List.of(
            conv("conv1", 32, win(5, 5, 1, 1, 1, 1, true), Fn.RELU, true),
            new LayerDef.MaxPooling2D("pool1", List.of(), pool2, false),
            conv("conv2", 64, win(5, 5, 1, 1, 1, 1, true), Fn.RELU, true),
            new LayerDef.MaxPooling2D("pool2", List.of(), pool2, false),
            new LayerDef.Flatten("flatten", List.of()),
            new LayerDef.Dense("fc1", List.of(), 1024, Fn.RELU, true),
            new LayerDef.Dropout("drop1", List.of(), 0.4),
            new LayerDef.Dense("out", List.of(), 10, Fn.SOFTMAX, true)));
  }
}

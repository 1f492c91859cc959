package dev.jconv.processor.reference;

import dev.jconv.Activation.Fn;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-picked networks, at least one per layer kind, on awkward shapes: odd sizes, channel counts
 * such as 1, 3, 7, 13 and 17, non-square kernels and strides, SAME with stride 2 on odd inputs,
 * every fused activation, and fan-out into Add and Concatenate.
 */
final class Cases {
  static final String PACKAGE = "test.cases";

  private Cases() {}

  static List<NetDef> perLayerKind() {
    List<NetDef> nets = new ArrayList<>();
    nets.add(
        net(
            "ConvSameStride2",
            Dims.image(5, 7, 3),
            conv("c", 7, win(3, 3, 2, 2, 1, 1, true), Fn.LINEAR, true)));
    nets.add(
        net(
            "ConvNonSquare",
            Dims.image(6, 5, 2),
            conv("c", 13, win(2, 3, 1, 2, 1, 1, false), Fn.RELU, false)));
    nets.add(
        net(
            "ConvDilated",
            Dims.image(7, 6, 3),
            conv("c", 3, win(3, 2, 1, 1, 2, 3, true), Fn.TANH, true)));
    nets.add(
        net(
            "ConvStride3Valid",
            Dims.image(13, 3, 1),
            conv("c", 17, win(4, 1, 3, 3, 1, 1, false), Fn.ELU, true)));
    nets.add(
        net(
            "ConvOnePixel",
            Dims.image(1, 1, 5),
            conv("c", 1, win(5, 5, 1, 1, 1, 1, true), Fn.SIGMOID, true)));
    nets.add(
        net(
            "Depthwise",
            Dims.image(5, 5, 3),
            new LayerDef.DepthwiseConv2D(
                "d", List.of(), 3, win(3, 3, 2, 2, 1, 1, true), Fn.SWISH, true)));
    nets.add(
        net(
            "DepthwiseDilated",
            Dims.image(6, 7, 7),
            new LayerDef.DepthwiseConv2D(
                "d", List.of(), 1, win(2, 3, 1, 1, 3, 2, false), Fn.RELU6, false)));
    nets.add(
        net(
            "Separable",
            Dims.image(5, 6, 2),
            new LayerDef.SeparableConv2D(
                "s", List.of(), 3, 2, win(2, 3, 1, 1, 2, 2, false), Fn.ELU, true)));
    nets.add(
        net(
            "SeparableNoBias",
            Dims.image(7, 5, 3),
            new LayerDef.SeparableConv2D(
                "s", List.of(), 13, 1, win(3, 3, 2, 2, 1, 1, true), Fn.LEAKY_RELU, false)));
    nets.add(
        net(
            "MaxPoolSame",
            Dims.image(5, 6, 2),
            new LayerDef.MaxPooling2D("p", List.of(), Window.pool(3, 3, 2, 2, true), true)));
    nets.add(
        net(
            "MaxPoolValid",
            Dims.image(7, 5, 3),
            new LayerDef.MaxPooling2D("p", List.of(), Window.pool(2, 3, 1, 2, false), true)));
    nets.add(
        net(
            "AvgPoolSame",
            Dims.image(5, 5, 2),
            new LayerDef.AveragePooling2D("p", List.of(), Window.pool(3, 3, 2, 2, true), true)));
    nets.add(
        net(
            "AvgPoolSameStride1",
            Dims.image(4, 3, 3),
            new LayerDef.AveragePooling2D("p", List.of(), Window.pool(2, 3, 1, 1, true), true)));
    nets.add(
        net(
            "AvgPoolDefaultStrides",
            Dims.image(7, 7, 1),
            new LayerDef.AveragePooling2D("p", List.of(), Window.pool(3, 2, 3, 2, false), false)));
    nets.add(
        net(
            "GlobalMax",
            Dims.image(3, 5, 4),
            new LayerDef.GlobalMaxPooling2D("g", List.of(), false)));
    nets.add(
        net(
            "GlobalAvgKeepdims",
            Dims.image(5, 3, 3),
            new LayerDef.GlobalAveragePooling2D("g", List.of(), true)));
    nets.add(
        net(
            "ZeroPadding4",
            Dims.image(3, 2, 2),
            new LayerDef.ZeroPadding2D("z", List.of(), 1, 0, 2, 1),
            conv("c", 3, win(2, 2, 1, 1, 1, 1, false), Fn.LINEAR, true)));
    nets.add(
        net("ZeroPadding2", Dims.image(2, 3, 1), new LayerDef.ZeroPadding2D("z", List.of(), 2, 1)));
    nets.add(
        net(
            "FlattenDense",
            Dims.image(3, 2, 3),
            new LayerDef.Flatten("f", List.of()),
            new LayerDef.Dense("d", List.of(), 7, Fn.SOFTMAX, true)));
    nets.add(
        net(
            "DenseNoBias",
            Dims.image(2, 2, 3),
            new LayerDef.GlobalAveragePooling2D("g", List.of(), false),
            new LayerDef.Dense("d", List.of(), 17, Fn.SWISH, false)));
    nets.add(net("Dropout", Dims.image(3, 3, 2), new LayerDef.Dropout("d", List.of(), 0.5)));
    nets.add(
        net(
            "BatchNorm",
            Dims.image(3, 2, 3),
            new LayerDef.BatchNormalization("bn", List.of(), 0.001, true, true)));
    nets.add(
        net(
            "BatchNormNoScale",
            Dims.image(2, 3, 5),
            new LayerDef.BatchNormalization("bn", List.of(), 1e-5, true, false)));
    nets.add(
        net(
            "BatchNormNoCenter",
            Dims.image(3, 1, 2),
            new LayerDef.BatchNormalization("bn", List.of(), 0.01, false, true)));
    nets.add(
        net(
            "BatchNormVector",
            Dims.image(2, 2, 2),
            new LayerDef.Flatten("f", List.of()),
            new LayerDef.BatchNormalization("bn", List.of(), 0.1, false, false)));
    nets.add(
        net(
            "AddFanOut",
            Dims.image(4, 5, 3),
            conv("a", 3, win(3, 3, 1, 1, 1, 1, true), Fn.RELU, true),
            new LayerDef.Add("sum", List.of("input", "a"))));
    nets.add(
        net(
            "AddThree",
            Dims.image(3, 3, 2),
            conv("a", 2, win(1, 1, 1, 1, 1, 1, false), Fn.LINEAR, true),
            new LayerDef.DepthwiseConv2D(
                "b", List.of("input"), 1, win(3, 3, 1, 1, 1, 1, true), Fn.LINEAR, true),
            new LayerDef.Add("sum", List.of("a", "b", "input"))));
    nets.add(
        net(
            "Concat",
            Dims.image(3, 4, 2),
            conv("a", 3, win(2, 2, 1, 1, 1, 1, true), Fn.LINEAR, true),
            new LayerDef.DepthwiseConv2D(
                "b", List.of("input"), 2, win(3, 1, 1, 1, 1, 1, true), Fn.LINEAR, true),
            new LayerDef.Concatenate("cat", List.of("a", "input", "b"))));
    for (Fn fn : Fn.values()) {
      String name = fn.name().charAt(0) + fn.name().substring(1).toLowerCase().replace("_", "");
      nets.add(
          net(
              "Activation" + name,
              Dims.image(2, 3, 4),
              new LayerDef.Activation("act", List.of(), fn)));
      nets.add(
          net(
              "Fused" + name,
              Dims.image(3, 3, 2),
              conv("c", 5, win(2, 2, 1, 1, 1, 1, false), fn, true)));
    }
    nets.add(
        net(
            "RescalingToUnitRange",
            Dims.image(3, 5, 7),
            new LayerDef.Rescaling("r", List.of(), 1.0 / 127.5, -1.0),
            conv("c", 3, win(2, 2, 1, 1, 1, 1, true), Fn.TANH, true)));
    nets.add(
        net(
            "RescalingAfterConv",
            Dims.image(4, 3, 2),
            conv("c", 13, win(3, 3, 1, 1, 1, 1, true), Fn.RELU, true),
            new LayerDef.Rescaling("r", List.of(), 0.25, 0.0)));
    nets.add(
        net(
            "RescalingOfAVector",
            Dims.vector(17),
            new LayerDef.Rescaling("r", List.of(), -3.0, 0.5),
            new LayerDef.Dense("fc", List.of(), 5, Fn.LINEAR, true)));
    return nets;
  }

  /** A network class {@code <name>Net} (the suffix keeps it from hiding a layer annotation). */
  static NetDef net(String name, Dims input, LayerDef... layers) {
    return new NetDef(PACKAGE, name + "Net", input, List.of(layers));
  }

  static LayerDef.Conv2D conv(String name, int filters, Window k, Fn fn, boolean bias) {
    return new LayerDef.Conv2D(name, List.of(), filters, k, fn, bias);
  }

  /** A window: kernel, strides, dilation, SAME or VALID. */
  static Window win(int kh, int kw, int sh, int sw, int dh, int dw, boolean same) {
    return new Window(kh, kw, sh, sw, dh, dw, same);
  }
}

package dev.jconv.examples;

import dev.jconv.Model;
import java.util.List;

/**
 * Prints the summary table of every example network: {@code
 * -Ddemo.main=dev.jconv.examples.Summaries}.
 */
public final class Summaries {
  private Summaries() {}

  /** Prints each example network's summary table. */
  public static void main(String[] args) {
    List<Model> models =
        List.of(
            new SeedNetModel(),
            new BatchNormNetModel(),
            new FashionTutorialNetModel(),
            new Vgg16Model(),
            new MobileNetV1Model(),
            new ResNetBlockModel(),
            new InceptionModuleModel(),
            new AlexNetModel(),
            new NetworkInNetworkModel(),
            new GoogLeNetModel(),
            new ResNet18Model(),
            new ResNet50Model());
    for (Model model : models) {
      System.out.println(model.summary());
    }
  }
}

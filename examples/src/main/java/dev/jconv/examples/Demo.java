package dev.jconv.examples;

import dev.jconv.Model;
import java.util.List;

/** The README's first command: prints the summary of every example network. */
public final class Demo {
  private Demo() {}

  /** Prints each example network's summary table. */
  public static void main(String[] args) {
    List<Model> models =
        List.of(
            new PatchNetModel(),
            new FashionTutorialNetModel(),
            new Vgg16Model(),
            new MobileNetV1Model(),
            new ResNetBlockModel(),
            new InceptionModuleModel());
    for (Model model : models) {
      System.out.println(model.summary());
    }
  }
}

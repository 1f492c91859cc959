package dev.jconv.processor.kind;

import com.palantir.javapoet.CodeBlock;
import dev.jconv.processor.model.LayerSpec;
import java.util.List;

/** Keras's {@code RandomFlip}: each enabled axis mirrored with probability 0.5 in training. */
final class RandomFlipKind extends AugmentationKind<LayerSpec.RandomFlip> {
  static final List<String> MODES = List.of("horizontal", "vertical", "horizontal_and_vertical");

  RandomFlipKind(LayerSpec.RandomFlip spec) {
    super(spec);
  }

  static LayerSpec.RandomFlip read(LayerAttributes a) {
    return new LayerSpec.RandomFlip(a.name(), a.from(), a.source(), a.getString("mode"));
  }

  @Override
  public void checkAttributes(AttributeCheck check) {
    oneOf(check, "mode", spec.mode(), MODES);
  }

  @Override
  String method() {
    return "flip";
  }

  @Override
  CodeBlock arguments() {
    boolean horizontal = !spec.mode().equals("vertical");
    boolean vertical = !spec.mode().equals("horizontal");
    return CodeBlock.of(", $L, $L", horizontal, vertical);
  }

  @Override
  String describe() {
    return "y = x mirrored " + spec.mode().replace("_", " ") + " with probability 0.5 per axis";
  }
}

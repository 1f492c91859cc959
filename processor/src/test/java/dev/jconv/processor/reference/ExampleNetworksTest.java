package dev.jconv.processor.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jconv.Model;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PatchNet and FashionTutorialNet, recreated from the examples, against the reference. */
class ExampleNetworksTest {
  @ParameterizedTest
  @EnumSource(CodePaths.class)
  void exampleNetworksMatchTheReference(CodePaths path) {
    NetDef patchNet = ExampleNets.patchNet();
    NetDef fashion = ExampleNets.fashionTutorialNet();
    NetDef patchTrunk = ExampleNets.trunk(patchNet, "conv5");
    NetDef fashionTrunk = ExampleNets.trunk(fashion, "fc1");
    GeneratedModels compiled =
        GeneratedModels.compile(
            List.of(patchNet, fashion, patchTrunk, fashionTrunk), path.options());

    Model patch = compiled.newModel(patchNet, 1);
    assertEquals(ExampleNets.PATCH_NET_PARAMS, patch.paramCount());
    Model tutorial = compiled.newModel(fashion, 1);
    assertEquals(ExampleNets.FASHION_TUTORIAL_NET_PARAMS, tutorial.paramCount());

    System.out.printf(
        "ExampleNetworksTest[%s]: PatchNet %s (up to conv5: %s); FashionTutorialNet %s (up to"
            + " fc1: %s)%n",
        path,
        ForwardCheck.check(compiled, patchNet, 11, 3),
        ForwardCheck.check(compiled, patchTrunk, 11, 3),
        ForwardCheck.check(compiled, fashion, 12, 2),
        ForwardCheck.check(compiled, fashionTrunk, 12, 2));
  }
}

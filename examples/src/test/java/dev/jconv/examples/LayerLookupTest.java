package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Layer;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** {@code layer(name)} finds the handle the generated model put in the user's field. */
class LayerLookupTest {
  @Test
  void lookupReturnsTheFieldHandle() {
    BatchNormNetModel model = new BatchNormNetModel();
    assertSame(model.conv1, model.layer("conv1"));
    assertSame(model.out, model.layer("out"));
    assertEquals("Conv2D", model.layer("conv1").type());
    assertEquals("SeparableConv2D", model.layer("sep4").type());
  }

  @Test
  void lookupWorksWithKerasStyleNames() {
    MobileNetV1Model model = new MobileNetV1Model();
    assertSame(model.conv_dw_13_bn, model.layer("conv_dw_13_bn"));
    assertEquals("BatchNormalization", model.conv_dw_13_bn.type());
    assertEquals("ZeroPadding2D", model.layer("conv_pad_12").type());
  }

  @Test
  void layersAreInDeclarationOrder() {
    BatchNormNetModel model = new BatchNormNetModel();
    List<String> names = model.layers().stream().map(Layer::name).toList();
    assertEquals("conv1", names.get(0));
    assertEquals("out", names.get(names.size() - 1));
    assertEquals(List.of("input"), model.conv1.inputs());
    assertEquals(List.of("conv1"), model.relu1.inputs());
    assertArrayEquals(model.outputShape(), model.out.outputShape());
  }

  @Test
  void unknownNameListsTheLayers() {
    BatchNormNetModel model = new BatchNormNetModel();
    NoSuchElementException e =
        assertThrows(NoSuchElementException.class, () -> model.layer("conv9"));
    assertTrue(e.getMessage().contains("conv9"), e.getMessage());
    assertTrue(e.getMessage().contains("BatchNormNet"), e.getMessage());
    assertTrue(e.getMessage().contains("conv1"), e.getMessage());
  }
}

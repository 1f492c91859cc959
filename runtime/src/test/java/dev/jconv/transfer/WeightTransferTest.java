package dev.jconv.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Param;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Weight transfer between different networks: by name, mapped, filtered, all or nothing. */
class WeightTransferTest {
  /** conv1 [3,3,1,4]+[4], conv2 [3,3,4,8]+[8], out [8,5]+[5]. */
  static TestNet base(float seed) {
    return TestNet.named("BaseNet")
        .layer("conv1")
        .param("kernel", 3, 3, 1, 4)
        .param("bias", 4)
        .layer("conv2")
        .param("kernel", 3, 3, 4, 8)
        .param("bias", 8)
        .layer("out")
        .param("kernel", 8, 5)
        .param("bias", 5)
        .build(seed);
  }

  /** The same extractor, a wider head with another name and an extra layer. */
  static TestNet target(float seed) {
    return TestNet.named("TargetNet")
        .layer("conv1")
        .param("kernel", 3, 3, 1, 4)
        .param("bias", 4)
        .layer("conv2")
        .param("kernel", 3, 3, 4, 8)
        .param("bias", 8)
        .layer("fc")
        .param("kernel", 8, 16)
        .param("bias", 16)
        .layer("head")
        .param("kernel", 16, 5)
        .param("bias", 5)
        .build(seed);
  }

  @Test
  void takesTensorsWithTheSameNameAndShape() {
    TestNet source = base(1000);
    TestNet target = target(0);
    float[] before = target.weights().clone();
    TransferReport report = WeightTransfer.from(source).into(target);
    assertEquals(
        List.of("conv1.kernel", "conv1.bias", "conv2.kernel", "conv2.bias"), report.takenNames());
    assertEquals(36 + 4 + 288 + 8, report.valuesTaken());
    for (String name : report.takenNames()) {
      assertArrayEquals(values(source, name), values(target, name), name);
    }
    assertArrayEquals(
        Arrays.copyOfRange(before, offset(target, "fc.kernel"), before.length),
        Arrays.copyOfRange(target.weights(), offset(target, "fc.kernel"), target.weights().length));
    List<String> skipped =
        report.skipped().stream().map(s -> s.name() + ": " + s.reason()).toList();
    assertEquals(
        List.of(
            "fc.kernel: absent in BaseNet",
            "fc.bias: absent in BaseNet",
            "head.kernel: absent in BaseNet",
            "head.bias: absent in BaseNet",
            "out.kernel: absent in TargetNet",
            "out.bias: absent in TargetNet"),
        skipped);
    assertTrue(report.mismatched().isEmpty());
    assertTrue(report.toString().startsWith("Weights from BaseNet into TargetNet: 4 tensors"));
  }

  @Test
  void mismatchNamesTheTensorAndBothShapesAndChangesNothing() {
    TestNet source = base(1000);
    TestNet target =
        TestNet.named("TenClasses")
            .layer("conv1")
            .param("kernel", 3, 3, 1, 4)
            .param("bias", 4)
            .layer("out")
            .param("kernel", 8, 10)
            .param("bias", 10)
            .build(0);
    float[] before = target.weights().clone();
    TransferException e =
        assertThrows(TransferException.class, () -> WeightTransfer.from(source).into(target));
    assertTrue(
        e.getMessage().contains("out.kernel: [8, 5] in BaseNet, [8, 10] in TenClasses"),
        e.getMessage());
    assertTrue(e.getMessage().contains("out.bias: [5] in BaseNet, [10] in TenClasses"));
    assertTrue(e.getMessage().contains("the target is unchanged"));
    assertArrayEquals(before, target.weights(), "conv1 must not be half-loaded");
    assertEquals(2, e.report().mismatched().size());
    assertEquals(List.of(8, 10), e.report().mismatched().get(0).targetShape());
  }

  @Test
  void skipMismatchedTakesTheRestAndListsTheMismatches() {
    TestNet source = base(1000);
    TestNet target =
        TestNet.named("TenClasses")
            .layer("conv1")
            .param("kernel", 3, 3, 1, 4)
            .param("bias", 4)
            .layer("out")
            .param("kernel", 8, 10)
            .param("bias", 10)
            .build(0);
    float[] before = target.weights().clone();
    TransferReport report = WeightTransfer.from(source).skipMismatched().into(target);
    assertEquals(List.of("conv1.kernel", "conv1.bias"), report.takenNames());
    assertEquals(2, report.mismatched().size());
    int out = offset(target, "out.kernel");
    assertArrayEquals(
        Arrays.copyOfRange(before, out, before.length),
        Arrays.copyOfRange(target.weights(), out, before.length));
    assertArrayEquals(values(source, "conv1.kernel"), values(target, "conv1.kernel"));
  }

  @Test
  void layerMappingRenamesEveryTensorOfTheLayer() {
    TestNet source = base(1000);
    TestNet target = target(0);
    TransferReport plan = WeightTransfer.from(source).map("out", "head").plan(target);
    assertTrue(plan.takenNames().contains("head.bias"), plan.toString());
    assertEquals("out.bias", plan.taken().get(plan.takenNames().indexOf("head.bias")).source());
    assertEquals(1, plan.mismatched().size());
    float[] before = target.weights().clone();
    TransferException e =
        assertThrows(
            TransferException.class,
            () -> WeightTransfer.from(source).map("out", "head").into(target));
    assertTrue(
        e.getMessage()
            .contains("out.kernel -> head.kernel: [8, 5] in BaseNet, [16, 5] in TargetNet"),
        e.getMessage());
    assertArrayEquals(before, target.weights());
  }

  @Test
  void tensorMappingTakesOneTensor() {
    TestNet source = base(1000);
    TestNet target = target(0);
    TransferReport report =
        WeightTransfer.from(source).map("out.bias", "head.bias").only("head").into(target);
    assertEquals(List.of("head.bias"), report.takenNames());
    assertEquals("out.bias", report.taken().get(0).source());
    assertArrayEquals(values(source, "out.bias"), values(target, "head.bias"));
  }

  @Test
  void mappedLayerOfTheSameShapeIsTaken() {
    TestNet source = base(1000);
    TestNet renamed =
        TestNet.named("Renamed")
            .layer("stem")
            .param("kernel", 3, 3, 1, 4)
            .param("bias", 4)
            .build(0);
    TransferReport report = WeightTransfer.from(source).map("conv1", "stem").into(renamed);
    assertEquals(List.of("stem.kernel", "stem.bias"), report.takenNames());
    assertArrayEquals(values(source, "conv1.kernel"), values(renamed, "stem.kernel"));
    assertArrayEquals(values(source, "conv1.bias"), values(renamed, "stem.bias"));
  }

  @Test
  void exceptKeepsTheNewHead() {
    TestNet source = base(1000);
    TestNet target = base(0);
    float[] before = target.weights().clone();
    TransferReport report = WeightTransfer.from(source).except("out").into(target);
    assertEquals(4, report.taken().size());
    assertEquals(
        List.of("out.kernel: excluded", "out.bias: excluded"),
        report.skipped().stream().map(s -> s.name() + ": " + s.reason()).toList());
    assertArrayEquals(values(before, target, "out.kernel"), values(target, "out.kernel"));
  }

  @Test
  void aMappingThatSwapsLayersOfOneModelReadsTheOldValues() {
    TestNet model =
        TestNet.named("Twins")
            .layer("a")
            .param("kernel", 2, 2)
            .layer("b")
            .param("kernel", 2, 2)
            .build(0);
    float[] a = values(model, "a.kernel");
    float[] b = values(model, "b.kernel");
    WeightTransfer.from(model).map("a", "b").map("b", "a").into(model);
    assertArrayEquals(b, values(model, "a.kernel"));
    assertArrayEquals(a, values(model, "b.kernel"));
  }

  @Test
  void unknownNamesAreErrorsBeforeAnythingChanges() {
    TestNet source = base(1000);
    TestNet target = target(0);
    float[] before = target.weights().clone();
    TransferException e =
        assertThrows(
            TransferException.class,
            () -> WeightTransfer.from(source).map("conv9", "conv1").into(target));
    assertTrue(e.getMessage().contains("no source layer 'conv9' in BaseNet"), e.getMessage());
    assertNull(e.report());
    e =
        assertThrows(
            TransferException.class,
            () -> WeightTransfer.from(source).map("conv1.kernel", "stem.kernel").into(target));
    assertTrue(e.getMessage().contains("no target tensor 'stem.kernel' in TargetNet"));
    e =
        assertThrows(
            TransferException.class, () -> WeightTransfer.from(source).except("outt").into(target));
    assertTrue(e.getMessage().contains("no layer 'outt' in TargetNet"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> WeightTransfer.from(source).map("a", "b.c"));
    assertArrayEquals(before, target.weights());
  }

  @Test
  void nothingInCommonIsAnError() {
    TestNet source = base(1000);
    TestNet other = TestNet.named("Other").layer("x").param("kernel", 2).build(0);
    TransferException e =
        assertThrows(TransferException.class, () -> WeightTransfer.from(source).into(other));
    assertTrue(e.getMessage().startsWith("nothing to transfer from BaseNet into Other"));
  }

  @Test
  void planChangesNothingAndDoesNotFailOnMismatches() {
    TestNet source = base(1000);
    TestNet target = TestNet.named("TenClasses").layer("out").param("kernel", 8, 10).build(0);
    float[] before = target.weights().clone();
    TransferReport plan = WeightTransfer.from(source).plan(target);
    assertEquals(1, plan.mismatched().size());
    assertTrue(plan.toString().contains("mismatched out.kernel: [8, 5] in the source, [8, 10]"));
    assertArrayEquals(before, target.weights());
  }

  static float[] values(TestNet net, String tensor) {
    return values(net.weights(), net, tensor);
  }

  static float[] values(float[] weights, TestNet net, String tensor) {
    Param p = param(net, tensor);
    return Arrays.copyOfRange(weights, p.offset(), p.offset() + (int) p.size());
  }

  static int offset(TestNet net, String tensor) {
    return param(net, tensor).offset();
  }

  private static Param param(TestNet net, String tensor) {
    return net.layers().stream()
        .flatMap(l -> l.params().stream())
        .filter(p -> p.name().equals(tensor))
        .findFirst()
        .orElseThrow();
  }
}

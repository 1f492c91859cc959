package dev.jconv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Keras-like summary table: layout, number formats, totals, and the "Connected to" column. */
class SummaryTest {
  private static Layer conv(String name, String from, int cin, int filters) {
    return new Layer(
        name,
        "Conv2D",
        new int[] {8, 8, filters},
        List.of(from),
        List.of(
            new Param(name, "kernel", new int[] {3, 3, cin, filters}, true),
            new Param(name, "bias", new int[] {filters}, true)));
  }

  private static Layer batchNorm(String name, String from, int channels) {
    return new Layer(
        name,
        "BatchNormalization",
        new int[] {8, 8, channels},
        List.of(from),
        List.of(
            new Param(name, "gamma", new int[] {channels}, true),
            new Param(name, "beta", new int[] {channels}, true),
            new Param(name, "moving_mean", new int[] {channels}, false),
            new Param(name, "moving_variance", new int[] {channels}, false)));
  }

  private static Layer dense(String name, String from, int in, int units) {
    return new Layer(
        name,
        "Dense",
        new int[] {units},
        List.of(from),
        List.of(
            new Param(name, "kernel", new int[] {in, units}, true),
            new Param(name, "bias", new int[] {units}, true)));
  }

  @Test
  void chainHasTitleHeaderRowsAndTotals() {
    List<Layer> layers =
        List.of(
            conv("conv1", "input", 3, 8),
            batchNorm("bn1", "conv1", 8),
            new Layer("flat", "Flatten", new int[] {512}, List.of("bn1"), List.of()),
            dense("out", "flat", 512, 10));
    String expected =
        String.join(
            "\n",
            "Model: \"Tiny\"",
            "_____________________________________________________________________",
            " Layer (type)                     Output Shape          Param #",
            "=====================================================================",
            " input (InputLayer)               (None, 8, 8, 3)       0",
            " conv1 (Conv2D)                   (None, 8, 8, 8)       224",
            " bn1 (BatchNormalization)         (None, 8, 8, 8)       32",
            " flat (Flatten)                   (None, 512)           0",
            " out (Dense)                      (None, 10)            5,130",
            "=====================================================================",
            "Total params: 5,386 (21.04 KB)",
            "Trainable params: 5,370 (20.98 KB)",
            "Non-trainable params: 16 (64 B)",
            "_____________________________________________________________________",
            "");
    assertEquals(expected, Summary.format("Tiny", new int[] {8, 8, 3}, layers));
  }

  @Test
  void graphAddsConnectedToColumn() {
    List<Layer> layers =
        List.of(
            conv("a", "input", 3, 4),
            conv("b", "input", 3, 4),
            new Layer("sum", "Add", new int[] {8, 8, 4}, List.of("a", "b"), List.of()));
    // 24 columns wider than a chain's table, for "Connected to".
    String thin = "_".repeat(69 + 24);
    String thick = "=".repeat(69 + 24);
    String expected =
        String.join(
            "\n",
            "Model: \"Branches\"",
            thin,
            " Layer (type)                     Output Shape          Param #      Connected to",
            thick,
            " input (InputLayer)               (None, 8, 8, 3)       0",
            " a (Conv2D)                       (None, 8, 8, 4)       112          input",
            " b (Conv2D)                       (None, 8, 8, 4)       112          input",
            " sum (Add)                        (None, 8, 8, 4)       0            a, b",
            thick,
            "Total params: 224 (896 B)",
            "Trainable params: 224 (896 B)",
            "Non-trainable params: 0 (0 B)",
            thin,
            "");
    assertEquals(expected, Summary.format("Branches", new int[] {8, 8, 3}, layers));
  }

  @Test
  void chainWithExplicitPreviousInputHasNoConnectedToColumn() {
    // from = "conv1" on the next layer is still a chain: Keras prints no connections for it.
    String table =
        Summary.format(
            "Chain",
            new int[] {8, 8, 3},
            List.of(conv("conv1", "input", 3, 4), conv("conv2", "conv1", 4, 4)));
    assertFalse(table.contains("Connected to"), table);
  }

  @Test
  void skippingALayerMakesAGraph() {
    String table =
        Summary.format(
            "Skip",
            new int[] {8, 8, 3},
            List.of(conv("conv1", "input", 3, 4), conv("conv2", "input", 3, 4)));
    assertTrue(table.contains("Connected to"), table);
  }

  @Test
  void countsHaveThousandsSeparators() {
    assertEquals("0", Summary.group(0));
    assertEquals("999", Summary.group(999));
    assertEquals("1,000", Summary.group(1000));
    assertEquals("30,485", Summary.group(30_485));
    assertEquals("3,274,634", Summary.group(3_274_634));
    assertEquals("138,357,544", Summary.group(138_357_544));
  }

  @Test
  void totalsShowFloat32SizeInBytesKilobytesOrMegabytes() {
    assertTrue(totals(255).contains("Total params: 255 (1020 B)"));
    assertTrue(totals(256).contains("Total params: 256 (1.00 KB)"));
    assertTrue(totals(30_485).contains("Total params: 30,485 (119.08 KB)"));
    assertTrue(totals(262_144).contains("Total params: 262,144 (1.00 MB)"));
    assertTrue(totals(3_274_634).contains("Total params: 3,274,634 (12.49 MB)"));
  }

  @Test
  void shapesUseKerasNotationWithTheBatchAxis() {
    assertEquals("(None, 64, 64, 3)", Summary.shape(new int[] {64, 64, 3}));
    assertEquals("(None, 10)", Summary.shape(new int[] {10}));
  }

  @Test
  void longNamesWidenTheNameColumnAndRowsStayAligned() {
    String name = "block_13_depthwise_BN_with_a_long_name";
    String table =
        Summary.format(
            "Long",
            new int[] {8, 8, 8},
            List.of(conv("c", "input", 8, 8), batchNorm(name, "c", 8), conv("d", name, 8, 8)));
    List<String> rows = table.lines().filter(l -> l.contains("(None, ")).toList();
    assertEquals(4, rows.size(), table);
    int column = (" " + name + " (BatchNormalization)  ").length();
    for (String row : rows) {
      assertEquals(column, row.indexOf("(None, "), "shape column of '" + row + "' in\n" + table);
    }
    String header = table.lines().filter(l -> l.startsWith(" Layer (type)")).findFirst().get();
    assertEquals(column, header.indexOf("Output Shape"), table);
    assertEquals(column + 22 + 13, table.lines().toList().get(1).length(), "rule line:\n" + table);
  }

  @Test
  void longShapesAndCountsWidenTheirColumns() {
    Layer wide =
        new Layer(
            "d",
            "Dense",
            new int[] {1_000_000_000},
            List.of("input"),
            List.of(new Param("d", "kernel", new int[] {1_000_000_000, 1}, true)));
    Layer huge =
        new Layer(
            "e",
            "Dense",
            new int[] {123_456_789},
            List.of("d"),
            List.of(new Param("e", "kernel", new int[] {1_000, 1_000_000}, true)));
    String table =
        Summary.format("Wide", new int[] {123_456_789, 123_456_789, 3}, List.of(wide, huge));
    String shape = "(None, 123456789, 123456789, 3)";
    int params = 34 + shape.length() + 2;
    for (String row : table.lines().filter(l -> l.contains("(None, ")).toList()) {
      assertEquals(34, row.indexOf("(None, "), table);
      assertTrue(row.length() > params, table);
      assertTrue(row.charAt(params - 1) == ' ' && row.charAt(params) != ' ', row + "\n" + table);
    }
  }

  @Test
  void longInputListsWidenTheRuleLines() {
    List<String> from = List.of("a_branch_with_a_long_name", "another_branch_with_a_long_name");
    Layer sum = new Layer("sum", "Add", new int[] {8, 8, 4}, from, List.of());
    String table =
        Summary.format(
            "Merge",
            new int[] {8, 8, 3},
            List.of(conv(from.get(0), "input", 3, 4), conv(from.get(1), "input", 3, 4), sum));
    int longest = table.lines().mapToInt(String::length).max().getAsInt();
    assertEquals(longest, table.lines().toList().get(1).length(), table);
    assertTrue(table.contains("0            " + String.join(", ", from)), table);
  }

  /** A one-layer network whose single parameter tensor has {@code n} elements. */
  private static String totals(int n) {
    Layer layer =
        new Layer(
            "d",
            "Dense",
            new int[] {1},
            List.of("input"),
            List.of(new Param("d", "kernel", new int[] {n, 1}, true)));
    return Summary.format("N", new int[] {n}, List.of(layer));
  }
}

package dev.jconv.processor.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference backward equals central differences of the reference forward, in double: for each
 * layer kind alone (inference and training: batch statistics, dropout masks) and for random small
 * networks with branches, fan-out and merges.
 */
class ReferenceGradientTest {
  static Stream<Named<NetDef>> perLayerKind() {
    return Cases.perLayerKind().stream().map(n -> Named.of(n.className(), n));
  }

  @ParameterizedTest
  @MethodSource("perLayerKind")
  void backwardOfEachLayerKind(NetDef net) {
    assertTrue(new GradientCheck(net, 1, 1, false).run() > 0);
    assertTrue(new GradientCheck(net, 2, 3, true).run() > 0);
  }

  @Test
  void backwardOfRandomNetworks() {
    long seed = Long.getLong("jconv.ref.seed", 0x5eed_c0deL);
    int checked = 0;
    int layers = 0;
    for (int i = 0; i < 40; i++) {
      NetDef net = RandomNets.generate(seed + i, "test.grad", "Grad" + i, 3 + i % 5, true);
      checked += new GradientCheck(net, seed + i, 2, true).run();
      checked += new GradientCheck(net, seed + i, 1, false).run();
      layers += net.layers().size();
    }
    System.out.printf(
        "ReferenceGradientTest: seed %d, 40 random networks, %d layers, %d gradients checked%n",
        seed, layers, checked);
  }
}

package dev.jconv.processor.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The random network generator is reproducible and produces only well-formed networks. */
class RandomNetsTest {
  @Test
  void sameSeedGivesTheSameNetwork() {
    String a = RandomNets.generate(42, "p", "N", 10, false).source();
    assertEquals(a, RandomNets.generate(42, "p", "N", 10, false).source());
    assertNotEquals(a, RandomNets.generate(43, "p", "N", 10, false).source());
  }

  @Test
  void everyTensorHasAValidShapeAndIsReadByALaterLayer() {
    for (long seed = 0; seed < 300; seed++) {
      NetDef net = RandomNets.generate(seed, "p", "N", 3 + (int) (seed % 10), seed % 2 == 0);
      Set<String> read = new HashSet<>();
      for (int i = 0; i < net.layers().size(); i++) {
        read.addAll(net.inputsOf(i));
      }
      for (var e : net.shapes().entrySet()) {
        assertNotNull(e.getValue(), e.getKey() + "\n" + net.source());
        assertTrue(e.getValue().isValid(), e.getKey() + "\n" + net.source());
      }
      for (int i = 0; i < net.layers().size() - 1; i++) {
        String name = net.layers().get(i).name();
        assertTrue(read.contains(name), name + " is never read\n" + net.source());
      }
    }
  }
}

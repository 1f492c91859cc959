package dev.jconv.processor.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random networks, compiled by the processor, against the reference. Reproduce or widen a run with
 * {@code -Djconv.ref.seed=S -Djconv.ref.networks=N}: network i uses seed S + i, printed on failure.
 */
class RandomForwardTest {
  private static final long SEED = Long.getLong("jconv.ref.seed", 0x5eed_c0deL);
  private static final int NETWORKS = Integer.getInteger("jconv.ref.networks", 60);
  private static final int PER_COMPILATION = 20;

  @ParameterizedTest
  @EnumSource(CodePaths.class)
  void randomNetworksMatchTheReference(CodePaths path) {
    List<NetDef> nets = new ArrayList<>();
    for (int i = 0; i < NETWORKS; i++) {
      long seed = SEED + i;
      int size = 4 + new SplittableRandom(seed).nextInt(9);
      nets.add(RandomNets.generate(seed, "test.random", "Random" + i, size, false));
    }
    ForwardCheck.Result total = ForwardCheck.Result.none();
    for (int from = 0; from < nets.size(); from += PER_COMPILATION) {
      List<NetDef> chunk = nets.subList(from, Math.min(nets.size(), from + PER_COMPILATION));
      GeneratedModels compiled = GeneratedModels.compile(chunk, path.options());
      for (int i = 0; i < chunk.size(); i++) {
        total = total.merge(ForwardCheck.check(compiled, chunk.get(i), SEED + from + i, 3));
      }
    }
    Map<String, Integer> kinds = new TreeMap<>();
    int layers = 0;
    for (NetDef net : nets) {
      for (LayerDef layer : net.layers()) {
        kinds.merge(layer.getClass().getSimpleName(), 1, Integer::sum);
        layers++;
      }
    }
    System.out.printf(
        "RandomForwardTest[%s]: seed %d, %d networks, %d layers %s, %s%n",
        path, SEED, nets.size(), layers, kinds, total);
  }
}

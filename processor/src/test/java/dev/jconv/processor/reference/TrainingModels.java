package dev.jconv.processor.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * The networks of the training-pass tests, compiled once per test JVM in one javac run (the
 * compiler's start-up dominates small compilations): the per-layer-kind cases, the whole
 * structures, random networks, and the two example networks. They are compiled with the vector
 * module, as users compile them, so the training forward runs the SIMD kernels.
 */
final class TrainingModels {
  static final long SEED = Long.getLong("jconv.ref.seed", 0x5eed_c0deL);
  static final int NETWORKS = Integer.getInteger("jconv.train.networks", 32);

  static final List<NetDef> PER_LAYER_KIND = TrainingCases.perLayerKind();
  static final List<NetDef> STRUCTURES = TrainingCases.structures();
  static final List<NetDef> RANDOM = TrainingCases.random(SEED, NETWORKS);
  static final NetDef PATCH_NET = ExampleNets.patchNet();
  static final NetDef FASHION_TUTORIAL_NET = ExampleNets.fashionTutorialNet();

  private static GeneratedModels compiled;

  private TrainingModels() {}

  static synchronized GeneratedModels compiled() {
    if (compiled == null) {
      List<NetDef> all = new ArrayList<>(PER_LAYER_KIND);
      all.addAll(STRUCTURES);
      all.addAll(RANDOM);
      all.add(PATCH_NET);
      all.add(FASHION_TUTORIAL_NET);
      compiled = GeneratedModels.compile(all, CodePaths.DEFAULT.options());
    }
    return compiled;
  }
}

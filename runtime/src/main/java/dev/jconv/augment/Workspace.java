package dev.jconv.augment;

/** One thread's canvas and generator, so transforming examples allocates nothing per example. */
final class Workspace {
  private static final ThreadLocal<Workspace> LOCAL = ThreadLocal.withInitial(Workspace::new);

  final Canvas canvas = new Canvas();
  final Rng rng = new Rng(0);

  private Workspace() {}

  static Workspace get() {
    return LOCAL.get();
  }
}

package dev.jconv.transfer;

import dev.jconv.Layer;
import dev.jconv.Param;
import dev.jconv.compiled.CompiledModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-made {@link CompiledModel} for transfer tests: layers of named parameter tensors over one
 * flat array whose values are seeded, no forward or backward pass.
 */
final class TestNet implements CompiledModel {
  private final String name;
  private final List<Layer> layers;
  private final float[] weights;

  private TestNet(String name, List<Layer> layers, int size, float seed) {
    this.name = name;
    this.layers = List.copyOf(layers);
    this.weights = new float[size];
    for (int i = 0; i < size; i++) {
      weights[i] = seed + i * 0.5f;
    }
  }

  /** Builds a network layer by layer. */
  static Builder named(String name) {
    return new Builder(name);
  }

  /** Collects layers and their tensors in order. */
  static final class Builder {
    private final String name;
    private final Map<String, List<Object[]>> layers = new LinkedHashMap<>();
    private String last;

    Builder(String name) {
      this.name = name;
    }

    /** Starts a layer. */
    Builder layer(String layer) {
      layers.put(layer, new ArrayList<>());
      last = layer;
      return this;
    }

    /** Adds a tensor to the current layer. */
    Builder param(String kind, int... shape) {
      layers.get(last).add(new Object[] {kind, shape});
      return this;
    }

    /** The network, its weights starting at {@code seed} and going up by 0.5. */
    TestNet build(float seed) {
      List<Layer> built = new ArrayList<>();
      int offset = 0;
      String previous = "input";
      for (Map.Entry<String, List<Object[]>> e : layers.entrySet()) {
        List<Param> params = new ArrayList<>();
        for (Object[] p : e.getValue()) {
          int[] shape = (int[]) p[1];
          Param param = new Param(e.getKey(), (String) p[0], shape, true, offset);
          params.add(param);
          offset += (int) param.size();
        }
        built.add(new Layer(e.getKey(), "Dense", new int[] {1}, List.of(previous), params));
        previous = e.getKey();
      }
      return new TestNet(name, built, offset, seed);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int[] inputShape() {
    return new int[] {1};
  }

  @Override
  public int[] outputShape() {
    return new int[] {1};
  }

  @Override
  public List<Layer> layers() {
    return layers;
  }

  @Override
  public float[] weights() {
    return weights;
  }

  @Override
  public void predictInto(float[] x, int xo, float[] y, int yo) {
    throw new UnsupportedOperationException();
  }

  @Override
  public float backpropagate(
      float[] x, int[] labels, int n, float[] grads, float[] inputGrads, long seed) {
    throw new UnsupportedOperationException();
  }
}

package dev.jconv.processor.emit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An index expression of generated code, {@code c + k1 * v1 + k2 * v2 ...}, kept linear so that it
 * prints without trivial arithmetic: no {@code + 0}, no {@code * 1}, and a variable bound to 0 (a
 * loop of one iteration) drops out. Variables are printed in the order they were first added.
 */
public final class Ix {
  /** The constant 0. */
  public static final Ix ZERO = new Ix(new LinkedHashMap<>(), 0);

  private final Map<String, Integer> terms;
  private final int constant;

  private Ix(Map<String, Integer> terms, int constant) {
    this.terms = terms;
    this.constant = constant;
  }

  /** The variable (or named constant) {@code name}. */
  public static Ix of(String name) {
    Map<String, Integer> terms = new LinkedHashMap<>();
    terms.put(name, 1);
    return new Ix(terms, 0);
  }

  /** The variable or named constant {@code name}, such as an {@link Offset}. */
  public static Ix of(Object name) {
    return of(name.toString());
  }

  /** A constant. */
  public static Ix of(int constant) {
    return new Ix(new LinkedHashMap<>(), constant);
  }

  /** {@code this + other}. */
  public Ix plus(Ix other) {
    Map<String, Integer> sum = new LinkedHashMap<>(terms);
    other.terms.forEach((v, k) -> sum.merge(v, k, Integer::sum));
    sum.values().removeIf(k -> k == 0);
    return new Ix(sum, Math.addExact(constant, other.constant));
  }

  /** {@code this + c}. */
  public Ix plus(int c) {
    return new Ix(terms, Math.addExact(constant, c));
  }

  /** {@code this + name}. */
  public Ix plus(String name) {
    return plus(of(name));
  }

  /** {@code this * k}. */
  public Ix times(int k) {
    Map<String, Integer> product = new LinkedHashMap<>();
    if (k != 0) {
      terms.forEach((v, c) -> product.put(v, Math.multiplyExact(c, k)));
    }
    return new Ix(product, Math.multiplyExact(constant, k));
  }

  /** Whether this is the constant 0. */
  public boolean isZero() {
    return terms.isEmpty() && constant == 0;
  }

  /** {@code yo + oh * 64 + ow * 8 - 1}: terms in order, then the constant. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Integer> t : terms.entrySet()) {
      int k = t.getValue();
      if (sb.length() == 0) {
        sb.append(k < 0 ? "-" : "");
      } else {
        sb.append(k < 0 ? " - " : " + ");
      }
      sb.append(t.getKey());
      if (Math.abs(k) != 1) {
        sb.append(" * ").append(Math.abs((long) k));
      }
    }
    if (sb.length() == 0) {
      return Integer.toString(constant);
    }
    if (constant != 0) {
      sb.append(constant < 0 ? " - " : " + ").append(Math.abs((long) constant));
    }
    return sb.toString();
  }
}

package dev.jconv.processor.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * The attribute values of one annotation, defaults included, as plain Java values. A value of the
 * wrong type (javac has already reported it) raises {@link Malformed}.
 */
final class Attributes {
  private final Map<String, Object> values = new HashMap<>();

  Attributes(Elements elements, AnnotationMirror mirror) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        elements.getElementValuesWithDefaults(mirror).entrySet()) {
      values.put(e.getKey().getSimpleName().toString(), e.getValue().getValue());
    }
  }

  int getInt(String name) {
    return as(name, Integer.class);
  }

  long getLong(String name) {
    Object v = values.get(name);
    if (v instanceof Number n) {
      return n.longValue();
    }
    throw new Malformed(name);
  }

  double getDouble(String name) {
    Object v = values.get(name);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new Malformed(name);
  }

  boolean getBoolean(String name) {
    return as(name, Boolean.class);
  }

  String getString(String name) {
    return as(name, String.class);
  }

  /** An enum constant, by name, as {@code type}'s constant of that name. */
  <E extends Enum<E>> E getEnum(String name, Class<E> type) {
    Object v = values.get(name);
    if (v instanceof VariableElement constant) {
      try {
        return Enum.valueOf(type, constant.getSimpleName().toString());
      } catch (IllegalArgumentException e) {
        throw new Malformed(name);
      }
    }
    throw new Malformed(name);
  }

  /** An {@code int[]} attribute; {@code 3} and {@code {3}} both read as a one-element list. */
  List<Integer> getInts(String name) {
    List<Integer> out = new ArrayList<>();
    for (Object o : list(name)) {
      if (!(o instanceof Integer i)) {
        throw new Malformed(name);
      }
      out.add(i);
    }
    return out;
  }

  /** A {@code double[]} attribute; {@code 0.1} and {@code {0.1}} both read as one value. */
  List<Double> getDoubles(String name) {
    List<Double> out = new ArrayList<>();
    for (Object o : list(name)) {
      if (!(o instanceof Number n)) {
        throw new Malformed(name);
      }
      out.add(n.doubleValue());
    }
    return out;
  }

  /** A {@code String[]} attribute. */
  List<String> getStrings(String name) {
    List<String> out = new ArrayList<>();
    for (Object o : list(name)) {
      if (!(o instanceof String s)) {
        throw new Malformed(name);
      }
      out.add(s);
    }
    return out;
  }

  private List<Object> list(String name) {
    Object v = values.get(name);
    if (!(v instanceof List<?> items)) {
      throw new Malformed(name);
    }
    List<Object> out = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof AnnotationValue av)) {
        throw new Malformed(name);
      }
      out.add(av.getValue());
    }
    return out;
  }

  private <T> T as(String name, Class<T> type) {
    Object v = values.get(name);
    if (!type.isInstance(v)) {
      throw new Malformed(name);
    }
    return type.cast(v);
  }

  /**
   * An attribute javac could not evaluate; javac reports it itself, so the reader skips the value
   * (the layer, or the input shape) silently.
   */
  static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed(String attribute) {
      super(attribute, null, false, false);
    }
  }
}

package dev.jconv.processor.kind;

import dev.jconv.Activation.Fn;
import dev.jconv.Padding;
import dev.jconv.processor.model.IntPair;
import dev.jconv.processor.model.SourceRef;
import java.util.List;

/**
 * One layer annotation's attribute values, defaults included, as a layer kind reads them into its
 * spec. The {@code read} package implements it over javac's annotation mirrors; a value of the
 * wrong number of elements is reported through {@link #arity}, and the layer then becomes invalid.
 */
public interface LayerAttributes {
  /** The field name. */
  String name();

  /** The field and annotation, for diagnostics. */
  SourceRef source();

  /** An {@code int} attribute. */
  int getInt(String attribute);

  /** A {@code double} attribute. */
  double getDouble(String attribute);

  /** A {@code boolean} attribute. */
  boolean getBoolean(String attribute);

  /** An enum attribute. */
  <E extends Enum<E>> E getEnum(String attribute, Class<E> type);

  /** An {@code int[]} attribute. */
  List<Integer> getInts(String attribute);

  /** A {@code String[]} attribute. */
  List<String> getStrings(String attribute);

  /** A {@code String} attribute. */
  String getString(String attribute);

  /** A {@code double[]} attribute; {@code 0.1} and {@code {0.1}} both read as one value. */
  List<Double> getDoubles(String attribute);

  /** The single-input {@code from}: empty means the previous field. */
  List<String> from();

  /** {@code 3} or {@code {3, 5}} as a pair; anything else is reported (and 1x1 returned). */
  IntPair pair(String attribute);

  /** Reports an {@code int[]} attribute with a wrong number of values. */
  void arity(String attribute, List<Integer> values, String expected, String example);

  /** The {@code padding} attribute of windowed layers. */
  default Padding padding() {
    return getEnum("padding", Padding.class);
  }

  /** The fused {@code activation} attribute. */
  default Fn activation() {
    return getEnum("activation", Fn.class);
  }
}

package dev.jconv.processor.read;

import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.diag.Report;
import dev.jconv.processor.kind.Kinds;
import dev.jconv.processor.kind.LayerAttributes;
import dev.jconv.processor.model.IntPair;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.SourceRef;
import java.util.List;

/**
 * Turns one layer annotation into a {@link LayerSpec} through its layer kind, which applies Keras's
 * defaults; {@code int[]} attributes are normalised here, and a wrong number of values becomes a
 * report.
 */
final class LayerReader implements LayerAttributes {
  private final String name;
  private final String type;
  private final SourceRef source;
  private final Attributes a;
  private final List<Report> reports;

  LayerReader(String name, String type, SourceRef source, Attributes a, List<Report> reports) {
    this.name = name;
    this.type = type;
    this.source = source;
    this.a = a;
    this.reports = reports;
  }

  /** The spec, or an {@link LayerSpec.Invalid} when an attribute has the wrong number of values. */
  LayerSpec read() {
    int before = reports.size();
    LayerSpec spec = Kinds.read(type, this);
    return reports.size() == before && spec != null ? spec : new LayerSpec.Invalid(name, source);
  }

  /**
   * Whether the annotation says {@code trainable = false}; only the layers with parameters have the
   * attribute, so for the others (and for a value javac reported) this is false.
   */
  boolean declaredFrozen() {
    try {
      return !a.getBoolean("trainable");
    } catch (Attributes.Malformed e) {
      return false;
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SourceRef source() {
    return source;
  }

  @Override
  public int getInt(String attribute) {
    return a.getInt(attribute);
  }

  @Override
  public double getDouble(String attribute) {
    return a.getDouble(attribute);
  }

  @Override
  public boolean getBoolean(String attribute) {
    return a.getBoolean(attribute);
  }

  @Override
  public <E extends Enum<E>> E getEnum(String attribute, Class<E> enumType) {
    return a.getEnum(attribute, enumType);
  }

  @Override
  public List<Integer> getInts(String attribute) {
    return a.getInts(attribute);
  }

  @Override
  public List<String> getStrings(String attribute) {
    return a.getStrings(attribute);
  }

  @Override
  public String getString(String attribute) {
    return a.getString(attribute);
  }

  @Override
  public List<Double> getDoubles(String attribute) {
    return a.getDoubles(attribute);
  }

  @Override
  public List<String> from() {
    String from = a.getString("from");
    return from.isEmpty() ? List.of() : List.of(from);
  }

  @Override
  public IntPair pair(String attribute) {
    List<Integer> v = a.getInts(attribute);
    if (v.size() == 1) {
      return IntPair.square(v.get(0));
    } else if (v.size() == 2) {
      return new IntPair(v.get(0), v.get(1));
    }
    arity(attribute, v, "one or two values", attribute + " = 3 or " + attribute + " = {3, 5}");
    return IntPair.square(1);
  }

  @Override
  public void arity(String attribute, List<Integer> values, String expected, String example) {
    reports.add(
        Report.at(
            source,
            attribute,
            Diag.ATTRIBUTE_ARITY,
            name,
            type,
            attribute,
            braces(values),
            expected,
            example));
  }

  static String braces(List<Integer> values) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(values.get(i));
    }
    return sb.append('}').toString();
  }
}

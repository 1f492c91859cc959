package dev.jconv.processor.kind;

import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.diag.Report;
import dev.jconv.processor.model.IntPair;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Window;
import java.util.ArrayList;
import java.util.List;

/** The attribute rules layer kinds share, collecting reports on one layer's attributes. */
public final class AttributeCheck {
  private final LayerSpec spec;
  private final List<Report> reports = new ArrayList<>();

  AttributeCheck(LayerSpec spec) {
    this.spec = spec;
  }

  /** The reports so far. */
  List<Report> reports() {
    return reports;
  }

  /** A kernel window: positive sizes, and no strides with dilation (as Keras). */
  void window(Window w) {
    boolean ok = positive("kernelSize", w.kernel());
    ok &= positive("strides", w.strides());
    ok &= positive("dilationRate", w.dilation());
    if (ok && w.strided() && w.dilated()) {
      add(
          "strides",
          Diag.STRIDES_WITH_DILATION,
          spec.name(),
          spec.kerasType(),
          w.strides(),
          w.dilation());
    }
  }

  /** A pooling window: positive pool size and strides. */
  void pool(Window w) {
    // Strides default to the pool size: a bad pool size is reported once, not again as strides.
    if (positive("poolSize", w.kernel()) || !w.strides().equals(w.kernel())) {
      positive("strides", w.strides());
    }
  }

  /** Both sides of {@code value} positive. */
  boolean positive(String attribute, IntPair value) {
    if (value.isPositive()) {
      return true;
    }
    String shown =
        value.h() == value.w() ? "" + value.h() : "{" + value.h() + ", " + value.w() + "}";
    add(attribute, Diag.NON_POSITIVE, spec.name(), spec.kerasType(), attribute, shown);
    return false;
  }

  /** {@code value} positive. */
  void positive(String attribute, int value) {
    if (value <= 0) {
      add(attribute, Diag.NON_POSITIVE, spec.name(), spec.kerasType(), attribute, value);
    }
  }

  /** A report on {@code attribute}. */
  void add(String attribute, Diag diag, Object... args) {
    reports.add(Report.at(spec.source(), attribute, diag, args));
  }
}

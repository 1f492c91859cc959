package dev.jconv.processor.validate;

import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.diag.Report;
import dev.jconv.processor.model.IntPair;
import dev.jconv.processor.model.LayerSpec;
import java.util.ArrayList;
import java.util.List;

/** Checks one layer's attribute values on their own: positive sizes, rates in range. */
final class AttributeRules {
  private final LayerSpec spec;
  private final List<Report> reports = new ArrayList<>();

  private AttributeRules(LayerSpec spec) {
    this.spec = spec;
  }

  /** The problems with {@code spec}'s attribute values; empty when there are none. */
  static List<Report> check(LayerSpec spec) {
    AttributeRules rules = new AttributeRules(spec);
    rules.run();
    return rules.reports;
  }

  private void run() {
    if (spec instanceof LayerSpec.Conv2D c) {
      positive("filters", c.filters());
      window(c.kernelSize(), c.strides(), c.dilationRate());
    } else if (spec instanceof LayerSpec.DepthwiseConv2D c) {
      window(c.kernelSize(), c.strides(), c.dilationRate());
      positive("depthMultiplier", c.depthMultiplier());
    } else if (spec instanceof LayerSpec.SeparableConv2D c) {
      positive("filters", c.filters());
      window(c.kernelSize(), c.strides(), c.dilationRate());
      positive("depthMultiplier", c.depthMultiplier());
    } else if (spec instanceof LayerSpec.MaxPooling2D p) {
      pool(p.poolSize(), p.strides());
    } else if (spec instanceof LayerSpec.AveragePooling2D p) {
      pool(p.poolSize(), p.strides());
    } else if (spec instanceof LayerSpec.ZeroPadding2D z) {
      if (z.top() < 0 || z.bottom() < 0 || z.left() < 0 || z.right() < 0) {
        String value = "{" + z.top() + ", " + z.bottom() + ", " + z.left() + ", " + z.right() + "}";
        add("padding", Diag.NEGATIVE, spec.name(), spec.kerasType(), "padding", value);
      }
    } else if (spec instanceof LayerSpec.Dense d) {
      positive("units", d.units());
    } else if (spec instanceof LayerSpec.Dropout d) {
      if (!(d.rate() >= 0 && d.rate() < 1)) {
        add("rate", Diag.RATE_RANGE, spec.name(), d.rate());
      }
    } else if (spec instanceof LayerSpec.BatchNormalization bn) {
      if (!(bn.momentum() >= 0 && bn.momentum() <= 1)) {
        add("momentum", Diag.MOMENTUM_RANGE, spec.name(), bn.momentum());
      }
      if (!(bn.epsilon() > 0) || Double.isInfinite(bn.epsilon())) {
        add("epsilon", Diag.EPSILON_RANGE, spec.name(), bn.epsilon());
      }
    }
  }

  private void window(IntPair kernel, IntPair strides, IntPair dilation) {
    boolean ok = positive("kernelSize", kernel);
    ok &= positive("strides", strides);
    ok &= positive("dilationRate", dilation);
    boolean strided = strides.h() > 1 || strides.w() > 1;
    boolean dilated = dilation.h() > 1 || dilation.w() > 1;
    if (ok && strided && dilated) {
      add("strides", Diag.STRIDES_WITH_DILATION, spec.name(), spec.kerasType(), strides, dilation);
    }
  }

  private void pool(IntPair poolSize, IntPair strides) {
    // Strides default to the pool size: a bad pool size is reported once, not again as strides.
    if (positive("poolSize", poolSize) || !strides.equals(poolSize)) {
      positive("strides", strides);
    }
  }

  private boolean positive(String attribute, IntPair value) {
    if (value.isPositive()) {
      return true;
    }
    String shown =
        value.h() == value.w() ? "" + value.h() : "{" + value.h() + ", " + value.w() + "}";
    add(attribute, Diag.NON_POSITIVE, spec.name(), spec.kerasType(), attribute, shown);
    return false;
  }

  private void positive(String attribute, int value) {
    if (value <= 0) {
      add(attribute, Diag.NON_POSITIVE, spec.name(), spec.kerasType(), attribute, value);
    }
  }

  private void add(String attribute, Diag diag, Object... args) {
    reports.add(Report.at(spec.source(), attribute, diag, args));
  }
}

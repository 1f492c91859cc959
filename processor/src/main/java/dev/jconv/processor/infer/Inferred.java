package dev.jconv.processor.infer;

import dev.jconv.processor.diag.Report;
import dev.jconv.processor.model.ParamSpec;
import dev.jconv.processor.model.Shape;
import java.util.List;

/**
 * The outcome of inferring one layer: its output shape and parameter tensors, or the report that
 * says why it has none.
 */
public sealed interface Inferred {
  /** A layer that fits its inputs. */
  record Ok(Shape output, List<ParamSpec> params) implements Inferred {
    /** Compact constructor: the list is immutable. */
    public Ok {
      params = List.copyOf(params);
    }
  }

  /** A layer that does not fit its inputs. */
  record Failed(Report report) implements Inferred {}
}

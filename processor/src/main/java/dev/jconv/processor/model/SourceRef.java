package dev.jconv.processor.model;

/**
 * An opaque pointer back to the source element and annotation a model object came from, so a
 * diagnostic can sit on the exact attribute. Only the {@code read} and {@code diag} packages know
 * what is inside.
 */
public interface SourceRef {
  /** A reference to nothing, for model objects built in tests. */
  SourceRef NONE = new SourceRef() {};
}

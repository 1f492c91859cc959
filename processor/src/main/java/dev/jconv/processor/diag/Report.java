package dev.jconv.processor.diag;

import dev.jconv.processor.model.SourceRef;
import java.util.List;

/**
 * One diagnostic, not yet printed: what went wrong, where (the element and annotation in {@code
 * source}, narrowed to {@code attribute} when one attribute is at fault), and the message.
 *
 * @param diag the catalogue entry
 * @param source the element and annotation
 * @param attribute the annotation attribute at fault, or null for the whole annotation
 * @param message the formatted message, id first
 */
public record Report(Diag diag, SourceRef source, String attribute, String message) {
  /** A report on one attribute of the annotation in {@code source}. */
  public static Report at(SourceRef source, String attribute, Diag diag, Object... args) {
    return new Report(diag, source, attribute, diag.format(args));
  }

  /** A report on the annotation (or element) in {@code source} as a whole. */
  public static Report on(SourceRef source, Diag diag, Object... args) {
    return new Report(diag, source, null, diag.format(args));
  }

  /** Whether any report in the list is an error. */
  public static boolean hasErrors(List<Report> reports) {
    return reports.stream().anyMatch(r -> r.diag().kind() == javax.tools.Diagnostic.Kind.ERROR);
  }
}

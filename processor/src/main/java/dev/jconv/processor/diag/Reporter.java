package dev.jconv.processor.diag;

import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationValue;

/** The one place that prints diagnostics: each report on its element, annotation and attribute. */
public final class Reporter {
  private final Messager messager;

  /** Prints through javac's messager. */
  public Reporter(Messager messager) {
    this.messager = messager;
  }

  /** Prints every report once, in order. */
  public void print(List<Report> reports) {
    for (Report report : reports) {
      print(report);
    }
  }

  /** Prints one report at the most precise position its source allows. */
  public void print(Report report) {
    if (!(report.source() instanceof JavacSource src)) {
      messager.printMessage(report.diag().kind(), report.message());
      return;
    }
    AnnotationValue value = src.value(report.attribute());
    if (value != null) {
      messager.printMessage(
          report.diag().kind(), report.message(), src.element(), src.mirror(), value);
    } else if (src.mirror() != null) {
      messager.printMessage(report.diag().kind(), report.message(), src.element(), src.mirror());
    } else {
      messager.printMessage(report.diag().kind(), report.message(), src.element());
    }
  }
}

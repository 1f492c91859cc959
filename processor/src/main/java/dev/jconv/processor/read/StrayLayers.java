package dev.jconv.processor.read;

import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.diag.JavacSource;
import dev.jconv.processor.diag.Report;
import dev.jconv.processor.kind.Kinds;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Layer annotations outside a {@code @Network} class, which nothing would ever check or build
 * (layers are not inherited by a {@code @Network} subclass either): each is an error on the field.
 */
public final class StrayLayers {
  private StrayLayers() {}

  /** The qualified names of the layer annotations. */
  public static List<String> annotationNames() {
    List<String> names = new ArrayList<>();
    for (String simple : Kinds.annotations()) {
      names.add(NetworkReader.DSL + "." + simple);
    }
    return names;
  }

  /** One report per layer annotation in this round on a member of a class without @Network. */
  public static List<Report> check(Elements elements, RoundEnvironment round) {
    List<Report> reports = new ArrayList<>();
    TypeElement network = elements.getTypeElement(NetworkReader.DSL + ".Network");
    for (String name : annotationNames()) {
      TypeElement annotation = elements.getTypeElement(name);
      if (annotation == null || network == null) {
        continue;
      }
      for (Element e : round.getElementsAnnotatedWith(annotation)) {
        Element owner = e.getEnclosingElement();
        if (!(owner instanceof TypeElement t) || hasAnnotation(t, network)) {
          continue;
        }
        reports.add(
            Report.on(
                new JavacSource(e, mirror(e, annotation)),
                Diag.NO_NETWORK,
                e.getSimpleName(),
                annotation.getSimpleName(),
                t.getSimpleName(),
                t.getSimpleName()));
      }
    }
    return reports;
  }

  private static boolean hasAnnotation(Element e, TypeElement annotation) {
    return mirror(e, annotation) != null;
  }

  private static AnnotationMirror mirror(Element e, TypeElement annotation) {
    for (AnnotationMirror m : e.getAnnotationMirrors()) {
      if (m.getAnnotationType().asElement().equals(annotation)) {
        return m;
      }
    }
    return null;
  }
}

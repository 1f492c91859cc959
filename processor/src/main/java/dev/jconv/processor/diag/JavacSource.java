package dev.jconv.processor.diag;

import dev.jconv.processor.model.SourceRef;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * A {@link SourceRef} holding the javac element and, when there is one, the annotation mirror, so
 * that {@link Reporter} can point at the exact attribute.
 *
 * @param element the class or field
 * @param mirror the annotation, or null to point at the element
 */
public record JavacSource(Element element, AnnotationMirror mirror) implements SourceRef {
  /** The explicitly written value of {@code attribute}, or null when it was left at its default. */
  AnnotationValue value(String attribute) {
    if (mirror == null || attribute == null) {
      return null;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute)) {
        return e.getValue();
      }
    }
    return null;
  }
}

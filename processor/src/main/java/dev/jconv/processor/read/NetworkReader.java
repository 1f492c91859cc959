package dev.jconv.processor.read;

import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.diag.JavacSource;
import dev.jconv.processor.diag.Report;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.NetworkSpec;
import dev.jconv.processor.model.Shape;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads a {@code @Network} class into a {@link NetworkSpec}: the class checks, the input shape, and
 * one {@link LayerSpec} per annotated field in declaration order. The only code besides {@code
 * diag} that touches {@code javax.lang.model}.
 */
public final class NetworkReader {
  /** The DSL package. */
  public static final String DSL = "dev.jconv";

  private static final String NETWORK = DSL + ".Network";
  private static final String LAYER = DSL + ".Layer";

  private final Elements elements;

  /** Reads with javac's element utilities. */
  public NetworkReader(Elements elements) {
    this.elements = elements;
  }

  /** What reading found: the spec, or null when there were errors, and the reports. */
  public record Result(NetworkSpec spec, List<Report> reports) {}

  /** Reads one class annotated with {@code @Network}. */
  public Result read(Element element) {
    List<Report> reports = new ArrayList<>();
    AnnotationMirror network = mirror(element, NETWORK);
    JavacSource classSource = new JavacSource(element, network);
    if (element.getKind() != ElementKind.CLASS) {
      reports.add(
          Report.on(
              classSource,
              Diag.NETWORK_NOT_CLASS,
              element.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
              element.getSimpleName()));
      return new Result(null, reports);
    }
    TypeElement type = (TypeElement) element;
    String modelName = modelName(type);
    try {
      checkClass(type, classSource, modelName, reports);
      Attributes attrs = new Attributes(elements, network);
      Shape input = input(attrs, type, classSource, reports);
      long params = attrs.getLong("params");
      List<LayerSpec> layers = readLayers(type, reports);
      if (layers.isEmpty() && !Report.hasErrors(reports)) {
        reports.add(Report.on(classSource, Diag.NO_LAYERS, type.getSimpleName()));
      }
      if (Report.hasErrors(reports)) {
        return new Result(null, reports);
      }
      String pkg = elements.getPackageOf(type).getQualifiedName().toString();
      String className = type.getQualifiedName().toString();
      if (!pkg.isEmpty()) {
        className = className.substring(pkg.length() + 1);
      }
      return new Result(
          new NetworkSpec(pkg, className, modelName, classSource, input, params, layers), reports);
    } catch (Attributes.Malformed e) {
      // javac has reported the bad value; a second message would only add noise.
      return new Result(null, reports);
    }
  }

  /**
   * {@code PatchNet} gives {@code PatchNetModel}; {@code Outer.Inner} gives {@code
   * Outer_InnerModel}.
   */
  static String modelName(TypeElement type) {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    Element outer = type.getEnclosingElement();
    while (outer instanceof TypeElement t) {
      name.insert(0, t.getSimpleName() + "_");
      outer = t.getEnclosingElement();
    }
    return name.append("Model").toString();
  }

  private void checkClass(
      TypeElement type, JavacSource source, String modelName, List<Report> reports) {
    for (Modifier m : List.of(Modifier.FINAL, Modifier.PRIVATE)) {
      if (type.getModifiers().contains(m)) {
        reports.add(
            Report.on(source, Diag.NETWORK_MODIFIER, type.getSimpleName(), m, modelName, m));
      }
    }
    if (type.getNestingKind() == NestingKind.MEMBER
        && !type.getModifiers().contains(Modifier.STATIC)) {
      reports.add(Report.on(source, Diag.NETWORK_INNER, type.getSimpleName(), modelName));
    }
    boolean constructor = false;
    for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      // The implicit constructor is as private as its class, which is reported on its own.
      boolean implicit = elements.getOrigin(c) == Elements.Origin.MANDATED;
      constructor |=
          c.getParameters().isEmpty() && (implicit || !c.getModifiers().contains(Modifier.PRIVATE));
    }
    if (!constructor) {
      reports.add(Report.on(source, Diag.NETWORK_CONSTRUCTOR, type.getSimpleName(), modelName));
    }
  }

  private Shape input(
      Attributes attrs, TypeElement type, JavacSource source, List<Report> reports) {
    List<Integer> dims = attrs.getInts("input");
    boolean ok = dims.size() == 1 || dims.size() == 3;
    long size = 1;
    for (int d : dims) {
      ok &= d > 0;
      size = Math.min(size, Integer.MAX_VALUE + 1L) * Math.max(d, 1); // cannot overflow
    }
    if (!ok || size > Integer.MAX_VALUE) {
      reports.add(
          Report.at(
              source, "input", Diag.INPUT_SHAPE, LayerReader.braces(dims), type.getSimpleName()));
      return null;
    }
    return Shape.of(dims.stream().mapToInt(Integer::intValue).toArray());
  }

  private List<LayerSpec> readLayers(TypeElement type, List<Report> reports) {
    List<LayerSpec> layers = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      List<AnnotationMirror> annotations = layerAnnotations(field);
      boolean isLayerType = field.asType().toString().equals(LAYER);
      if (annotations.isEmpty()) {
        if (isLayerType) {
          reports.add(
              Report.on(
                  new JavacSource(field, null),
                  Diag.MISSING_LAYER,
                  field.getSimpleName(),
                  type.getSimpleName()));
        }
        continue;
      }
      JavacSource source = new JavacSource(field, annotations.get(0));
      if (annotations.size() > 1) {
        reports.add(
            Report.on(
                new JavacSource(field, annotations.get(1)),
                Diag.MULTIPLE_LAYERS,
                field.getSimpleName(),
                annotations.size(),
                names(annotations)));
        continue;
      }
      if (!checkField(field, isLayerType, source, reports)) {
        continue;
      }
      String kind = simpleName(annotations.get(0));
      LayerSpec spec =
          new LayerReader(
                  field.getSimpleName().toString(),
                  kind,
                  source,
                  new Attributes(elements, annotations.get(0)),
                  reports)
              .read();
      if (spec != null) {
        layers.add(spec);
      }
    }
    return layers;
  }

  private static boolean checkField(
      VariableElement field, boolean isLayerType, JavacSource source, List<Report> reports) {
    boolean ok = true;
    if (!isLayerType) {
      reports.add(
          Report.on(
              source,
              Diag.FIELD_TYPE,
              field.getSimpleName(),
              field.asType(),
              field.getSimpleName()));
      ok = false;
    }
    for (Modifier m : List.of(Modifier.PRIVATE, Modifier.FINAL, Modifier.STATIC)) {
      if (field.getModifiers().contains(m)) {
        reports.add(
            Report.on(
                source, Diag.FIELD_MODIFIER, field.getSimpleName(), m, field.getSimpleName()));
        ok = false;
      }
    }
    return ok;
  }

  private static List<AnnotationMirror> layerAnnotations(Element field) {
    List<AnnotationMirror> out = new ArrayList<>();
    for (AnnotationMirror m : field.getAnnotationMirrors()) {
      TypeElement t = (TypeElement) m.getAnnotationType().asElement();
      String qualified = t.getQualifiedName().toString();
      if (qualified.equals(DSL + "." + t.getSimpleName())
          && LayerReader.LAYER_ANNOTATIONS.contains(t.getSimpleName().toString())) {
        out.add(m);
      }
    }
    return out;
  }

  private static String names(List<AnnotationMirror> annotations) {
    List<String> names = new ArrayList<>();
    for (AnnotationMirror m : annotations) {
      names.add("@" + simpleName(m));
    }
    return String.join(", ", names);
  }

  private static String simpleName(AnnotationMirror m) {
    return m.getAnnotationType().asElement().getSimpleName().toString();
  }

  private static AnnotationMirror mirror(Element element, String annotation) {
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement())
          .getQualifiedName()
          .contentEquals(annotation)) {
        return m;
      }
    }
    throw new IllegalStateException(element + " has no @" + annotation);
  }
}

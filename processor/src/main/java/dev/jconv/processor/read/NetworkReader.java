package dev.jconv.processor.read;

import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.diag.JavacSource;
import dev.jconv.processor.diag.Report;
import dev.jconv.processor.kind.Kinds;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.NetworkSpec;
import dev.jconv.processor.model.Shape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

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
  private final Types types;

  /** Reads with javac's element and type utilities. */
  public NetworkReader(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * What reading found: the spec, or null when there is nothing to check (not a class, no layers),
   * and the reports. A spec can come with errors: a field that could not be read stays in it as a
   * {@link LayerSpec.Invalid}, so that the other layers are still checked.
   */
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
    checkClass(type, classSource, modelName, reports);
    Attributes attrs = new Attributes(elements, network);
    Shape input = input(attrs, type, classSource, reports);
    long params = params(attrs);
    Set<String> frozen = new HashSet<>();
    List<LayerSpec> layers = readLayers(type, frozen, reports);
    if (layers.isEmpty()) {
      reports.add(Report.on(classSource, Diag.NO_LAYERS, type.getSimpleName()));
      return new Result(null, reports);
    }
    String pkg = elements.getPackageOf(type).getQualifiedName().toString();
    String className = type.getQualifiedName().toString();
    if (!pkg.isEmpty()) {
      className = className.substring(pkg.length() + 1);
    }
    return new Result(
        new NetworkSpec(pkg, className, modelName, classSource, input, params, layers, frozen),
        reports);
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
          c.getParameters().isEmpty()
              && (implicit || !c.getModifiers().contains(Modifier.PRIVATE))
              && c.getThrownTypes().stream().noneMatch(this::isChecked);
    }
    TypeElement networkSuper = networkSuperclass(type);
    if (networkSuper != null) {
      reports.add(
          Report.on(
              source,
              Diag.NETWORK_EXTENDS_NETWORK,
              type.getSimpleName(),
              networkSuper.getQualifiedName(),
              modelName,
              type.getSimpleName()));
    }
    if (!constructor) {
      reports.add(Report.on(source, Diag.NETWORK_CONSTRUCTOR, type.getSimpleName(), modelName));
    }
  }

  /** Whether {@code thrown} is a checked exception type (not a RuntimeException or an Error). */
  private boolean isChecked(TypeMirror thrown) {
    TypeMirror runtime = elements.getTypeElement("java.lang.RuntimeException").asType();
    TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
    return !types.isAssignable(thrown, runtime) && !types.isAssignable(thrown, error);
  }

  /** The nearest superclass of {@code type} that is itself a {@code @Network}, or null. */
  private static TypeElement networkSuperclass(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    while (superclass.getKind() == TypeKind.DECLARED) {
      TypeElement s = (TypeElement) ((DeclaredType) superclass).asElement();
      for (AnnotationMirror m : s.getAnnotationMirrors()) {
        if (((TypeElement) m.getAnnotationType().asElement())
            .getQualifiedName()
            .contentEquals(NETWORK)) {
          return s;
        }
      }
      superclass = s.getSuperclass();
    }
    return null;
  }

  /** The input shape, or null when it is invalid (reported, or reported by javac). */
  private Shape input(
      Attributes attrs, TypeElement type, JavacSource source, List<Report> reports) {
    List<Integer> dims;
    try {
      dims = attrs.getInts("input");
    } catch (Attributes.Malformed e) {
      return null;
    }
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

  /**
   * One spec per layer field, in declaration order. A field that cannot be read becomes a {@link
   * LayerSpec.Invalid} in its place, so that references to it and "the previous field" still mean
   * what the user wrote, and the layers after it are skipped rather than reported again.
   */
  private List<LayerSpec> readLayers(TypeElement type, Set<String> frozen, List<Report> reports) {
    List<LayerSpec> layers = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      List<AnnotationMirror> annotations = layerAnnotations(field);
      String name = field.getSimpleName().toString();
      JavacSource fieldSource = new JavacSource(field, null);
      if (field.asType().getKind() == TypeKind.ERROR) {
        // javac reports the unresolved type.
        if (!annotations.isEmpty()) {
          layers.add(new LayerSpec.Invalid(name, fieldSource));
        }
        continue;
      }
      boolean isLayerType = isLayer(field.asType());
      if (annotations.isEmpty()) {
        if (isLayerType) {
          reports.add(Report.on(fieldSource, Diag.MISSING_LAYER, name, type.getSimpleName()));
          layers.add(new LayerSpec.Invalid(name, fieldSource));
        }
        continue;
      }
      if (annotations.size() > 1) {
        reports.add(
            Report.on(
                new JavacSource(field, annotations.get(1)),
                Diag.MULTIPLE_LAYERS,
                name,
                annotations.size(),
                names(annotations)));
        layers.add(new LayerSpec.Invalid(name, fieldSource));
        continue;
      }
      checkField(field, isLayerType, fieldSource, reports);
      layers.add(readLayer(name, new JavacSource(field, annotations.get(0)), frozen, reports));
    }
    return layers;
  }

  private LayerSpec readLayer(
      String name, JavacSource source, Set<String> frozen, List<Report> reports) {
    try {
      Attributes attributes = new Attributes(elements, source.mirror());
      LayerReader reader =
          new LayerReader(name, simpleName(source.mirror()), source, attributes, reports);
      if (reader.declaredFrozen()) {
        frozen.add(name);
      }
      return reader.read();
    } catch (Attributes.Malformed e) {
      // javac has reported the bad value; a second message would only add noise.
      return new LayerSpec.Invalid(name, source);
    }
  }

  /** Reports a wrong type or modifier; the layer itself is still read and checked. */
  private static void checkField(
      VariableElement field, boolean isLayerType, JavacSource source, List<Report> reports) {
    if (!isLayerType) {
      reports.add(
          Report.on(
              source,
              Diag.FIELD_TYPE,
              field.getSimpleName(),
              field.asType(),
              field.getSimpleName()));
    }
    for (Modifier m : List.of(Modifier.PRIVATE, Modifier.FINAL, Modifier.STATIC)) {
      if (field.getModifiers().contains(m)) {
        reports.add(
            Report.on(
                source, Diag.FIELD_MODIFIER, field.getSimpleName(), m, field.getSimpleName()));
      }
    }
  }

  /** Whether {@code type} is {@code dev.jconv.Layer}, type annotations or not. */
  private static boolean isLayer(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals(LAYER);
  }

  /** The declared parameter count, or -1 (no check) when javac could not evaluate it. */
  private static long params(Attributes attrs) {
    try {
      return attrs.getLong("params");
    } catch (Attributes.Malformed e) {
      return -1;
    }
  }

  private static List<AnnotationMirror> layerAnnotations(Element field) {
    List<AnnotationMirror> out = new ArrayList<>();
    for (AnnotationMirror m : field.getAnnotationMirrors()) {
      TypeElement t = (TypeElement) m.getAnnotationType().asElement();
      String qualified = t.getQualifiedName().toString();
      if (qualified.equals(DSL + "." + t.getSimpleName())
          && Kinds.annotations().contains(t.getSimpleName().toString())) {
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

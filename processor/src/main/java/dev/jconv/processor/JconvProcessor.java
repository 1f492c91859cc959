package dev.jconv.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.jconv.processor.codegen.ModelWriter;
import dev.jconv.processor.codegen.SummaryNote;
import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.diag.JavacSource;
import dev.jconv.processor.diag.Report;
import dev.jconv.processor.diag.Reporter;
import dev.jconv.processor.read.MemberClashes;
import dev.jconv.processor.read.NetworkReader;
import dev.jconv.processor.read.StrayLayers;
import dev.jconv.processor.validate.GraphBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * The jconv annotation processor: for each {@code @Network} class, read, check, and generate its
 * model. It only sequences the stages and never lets an exception reach javac (an internal failure
 * becomes an error naming the class). It claims the DSL's annotations and the {@code @Generated} of
 * its models, so that {@code -Xlint:processing} (part of {@code -Xlint:all}) has nothing to warn
 * about, and it is isolating for Gradle: one generated file per {@code @Network} class, with that
 * class as its originating element.
 */
@AutoService(Processor.class)
public final class JconvProcessor extends AbstractProcessor {
  /** {@code -Ajconv.summary=true} prints each network's summary table as a NOTE. */
  public static final String OPTION_SUMMARY = "jconv.summary";

  /** {@code -Ajconv.simd=false} generates scalar code only. */
  public static final String OPTION_SIMD = "jconv.simd";

  /** The annotations this processor reads and claims: {@code @Network} and every layer. */
  static final List<String> ANNOTATIONS =
      List.of(
          "Network",
          "Conv2D",
          "DepthwiseConv2D",
          "SeparableConv2D",
          "MaxPooling2D",
          "AveragePooling2D",
          "GlobalAveragePooling2D",
          "GlobalMaxPooling2D",
          "ZeroPadding2D",
          "Flatten",
          "Dense",
          "Dropout",
          "BatchNormalization",
          "Activation",
          "Add",
          "Concatenate",
          "Rescaling",
          "RandomFlip",
          "RandomTranslation",
          "RandomRotation",
          "RandomZoom",
          "RandomContrast",
          "RandomBrightness",
          "GaussianNoise");

  private static final String GENERATED = "javax.annotation.processing.Generated";

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> names = new LinkedHashSet<>();
    for (String simpleName : ANNOTATIONS) {
      names.add(NetworkReader.DSL + "." + simpleName);
    }
    // Every layer kind's annotation, also those added after this list (the kinds' registry).
    names.addAll(StrayLayers.annotationNames());
    // The generated models carry it; unclaimed, -Xlint:all -Werror fails on them.
    names.add(GENERATED);
    return names;
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(OPTION_SUMMARY, OPTION_SIMD);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement network =
        processingEnv.getElementUtils().getTypeElement(NetworkReader.DSL + ".Network");
    if (network == null) {
      return false;
    }
    // Layer annotations need no pass of their own: the enclosing @Network class reads them.
    Reporter reporter = new Reporter(processingEnv.getMessager());
    try {
      reporter.print(StrayLayers.check(processingEnv.getElementUtils(), round));
    } catch (RuntimeException e) {
      reporter.print(
          Report.on(new JavacSource(network, null), Diag.INTERNAL, "layers", describe(e)));
    }
    for (Element element : round.getElementsAnnotatedWith(network)) {
      try {
        processNetwork(element, reporter);
      } catch (RuntimeException | IOException e) {
        reporter.print(
            Report.on(
                new JavacSource(element, null),
                Diag.INTERNAL,
                element.getSimpleName(),
                describe(e)));
      }
    }
    return true;
  }

  private void processNetwork(Element element, Reporter reporter) throws IOException {
    NetworkReader.Result read =
        new NetworkReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils())
            .read(element);
    reporter.print(read.reports());
    if (read.spec() == null) {
      return;
    }
    GraphBuilder.Result checked = GraphBuilder.build(read.spec());
    reporter.print(checked.reports());
    if (checked.graph() == null || Report.hasErrors(read.reports())) {
      return;
    }
    if (Boolean.parseBoolean(option(OPTION_SUMMARY))) {
      reporter.print(
          Report.on(read.spec().source(), Diag.SUMMARY, "\n" + SummaryNote.of(checked.graph())));
    }
    CodePath path = CodePath.of(processingEnv.getElementUtils(), element, option(OPTION_SIMD));
    Report codegen =
        Report.on(
            read.spec().source(),
            Diag.CODEGEN_PATH,
            element.getSimpleName(),
            path.description(),
            path.reason());
    if (path.kind() == Diagnostic.Kind.NOTE) {
      reporter.print(codegen);
    } else {
      // SIMD was possible with this JDK: say so where 'mvn -q' and IDEs still show it.
      processingEnv.getMessager().printMessage(path.kind(), codegen.message(), element);
    }
    JavaFile file;
    try {
      file =
          ModelWriter.write(
              checked.graph(), getClass().getName(), path.simd(), path.generatedAnnotation());
    } catch (ArithmeticException e) {
      // The totals were checked; scratch and gradient buffers on top of them can still overflow.
      reporter.print(
          Report.on(
              read.spec().source(),
              Diag.TOO_LARGE,
              element.getSimpleName(),
              "Network",
              "its workspace (activations, scratch and gradient buffers)",
              "more than 2,147,483,647"));
      return;
    }
    // Rendered once: JavaPoet's rendering is a large part of the processor's time.
    String text = file.toString();
    List<Report> clashes =
        MemberClashes.check(
            processingEnv.getElementUtils(),
            (TypeElement) element,
            file.typeSpec().name(),
            text,
            nestedTypeNames(file.typeSpec()),
            methodArities(file.typeSpec()),
            file.typeSpec().superinterfaces().stream().map(t -> t.toString()).toList());
    if (!clashes.isEmpty()) {
      reporter.print(clashes);
      return;
    }
    String name =
        file.packageName().isEmpty()
            ? file.typeSpec().name()
            : file.packageName() + "." + file.typeSpec().name();
    JavaFileObject source;
    try {
      source = processingEnv.getFiler().createSourceFile(name, element);
    } catch (FilerException e) {
      // The name is taken: by a user's class, or by another network's model (A.B and A_B).
      reporter.print(
          Report.on(read.spec().source(), Diag.MODEL_EXISTS, element.getSimpleName(), name));
      return;
    }
    try (Writer out = source.openWriter()) {
      out.write(text);
    }
  }

  private String option(String name) {
    return processingEnv.getOptions().get(name);
  }

  private static Set<String> nestedTypeNames(TypeSpec type) {
    Set<String> names = new java.util.HashSet<>();
    for (TypeSpec nested : type.typeSpecs()) {
      names.add(nested.name());
      names.addAll(nestedTypeNames(nested));
    }
    return names;
  }

  private static java.util.Map<String, Set<Integer>> methodArities(TypeSpec type) {
    java.util.Map<String, Set<Integer>> methods = new java.util.HashMap<>();
    for (MethodSpec m : type.methodSpecs()) {
      methods.computeIfAbsent(m.name(), k -> new java.util.HashSet<>()).add(m.parameters().size());
    }
    return methods;
  }

  private static String describe(Exception e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    String[] lines = trace.toString().split("\n", 3);
    return lines.length > 1 ? lines[0] + " " + lines[1].strip() : lines[0];
  }
}

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
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

/**
 * The jconv annotation processor: for each {@code @Network} class, read, check, and generate its
 * model. It only sequences the stages; it never claims the annotation and never lets an exception
 * reach javac (an internal failure becomes an error naming the class).
 */
@AutoService(Processor.class)
public final class JconvProcessor extends AbstractProcessor {
  /** {@code -Ajconv.summary=true} prints each network's summary table as a NOTE. */
  public static final String OPTION_SUMMARY = "jconv.summary";

  /** {@code -Ajconv.simd=false} generates scalar code only. */
  public static final String OPTION_SIMD = "jconv.simd";

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> types = new java.util.HashSet<>(StrayLayers.annotationNames());
    types.add(NetworkReader.DSL + ".Network");
    return types;
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
    return false;
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
    if (Boolean.parseBoolean(processingEnv.getOptions().get(OPTION_SUMMARY))) {
      reporter.print(
          Report.on(read.spec().source(), Diag.SUMMARY, "\n" + SummaryNote.of(checked.graph())));
    }
    boolean simd = simdPath();
    reporter.print(
        Report.on(
            read.spec().source(),
            Diag.CODEGEN_PATH,
            element.getSimpleName(),
            simd ? "SIMD (jdk.incubator.vector) and scalar kernels" : "scalar kernels only",
            simdReason()));
    JavaFile file;
    try {
      file = ModelWriter.write(checked.graph(), getClass().getName(), simd);
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
    List<Report> clashes =
        MemberClashes.check(
            processingEnv.getElementUtils(),
            (TypeElement) element,
            file.typeSpec().name(),
            file.toString(),
            nestedTypeNames(file.typeSpec()),
            methodArities(file.typeSpec()));
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
      file.writeTo(out);
    }
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

  /** SIMD kernels when the compilation sees the Vector API and {@code -Ajconv.simd} allows. */
  private boolean simdPath() {
    return !simdDisabled() && vectorApiVisible();
  }

  private String simdReason() {
    if (simdDisabled()) {
      return "-A" + OPTION_SIMD + "=false";
    }
    if (!vectorApiVisible()) {
      return "the compilation cannot see the module jdk.incubator.vector; compile with"
          + " '--add-modules jdk.incubator.vector' for SIMD kernels";
    }
    return "the compilation sees jdk.incubator.vector (-A" + OPTION_SIMD + "=false turns it off)";
  }

  private boolean simdDisabled() {
    return "false".equalsIgnoreCase(processingEnv.getOptions().get(OPTION_SIMD));
  }

  private boolean vectorApiVisible() {
    return processingEnv.getElementUtils().getTypeElement("jdk.incubator.vector.FloatVector")
        != null;
  }

  private static String describe(Exception e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    String[] lines = trace.toString().split("\n", 3);
    return lines.length > 1 ? lines[0] + " " + lines[1].strip() : lines[0];
  }
}

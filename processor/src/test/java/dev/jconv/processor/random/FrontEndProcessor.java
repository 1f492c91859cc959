package dev.jconv.processor.random;

import dev.jconv.processor.diag.Reporter;
import dev.jconv.processor.read.NetworkReader;
import dev.jconv.processor.read.StrayLayers;
import dev.jconv.processor.validate.GraphBuilder;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The jconv processor's front end alone, as {@code JconvProcessor} sequences it: read each
 * {@code @Network} class, build and check its graph, print every report; no code is generated. The
 * checks and messages are the processor's own, so a test can run many declarations through them at
 * a fraction of the cost of generating and parsing each model. An exception is not caught: it fails
 * the compilation, and so the test.
 */
final class FrontEndProcessor extends AbstractProcessor {
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement network =
        processingEnv.getElementUtils().getTypeElement(NetworkReader.DSL + ".Network");
    Reporter reporter = new Reporter(processingEnv.getMessager());
    reporter.print(StrayLayers.check(processingEnv.getElementUtils(), round));
    for (Element element : round.getElementsAnnotatedWith(network)) {
      NetworkReader.Result read =
          new NetworkReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils())
              .read(element);
      reporter.print(read.reports());
      if (read.spec() != null) {
        reporter.print(GraphBuilder.build(read.spec()).reports());
      }
    }
    return false;
  }
}

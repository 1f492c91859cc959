package dev.jconv.processor.reference;

import java.util.List;

/**
 * The javac options that select each generated code path: scalar ({@code -Ajconv.simd=false}) and
 * the default, compiled with the Vector API module visible so that the processor may emit SIMD
 * code. Forward tests run on both.
 */
enum CodePaths {
  SCALAR("-Ajconv.simd=false"),
  DEFAULT("--add-modules", "jdk.incubator.vector");

  private final List<String> options;

  CodePaths(String... options) {
    this.options = List.of(options);
  }

  String[] options() {
    return options.toArray(new String[0]);
  }
}

package dev.jconv.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Long lists of generated statements cut into methods of at most {@link #PART} statements, so that
 * no generated method reaches HotSpot's 8,000-byte limit however deep the network (a method over it
 * is never compiled and runs in the interpreter).
 */
final class Sequences {
  /** Statements per method: a call of a layer or segment is 5 to 40 bytes of bytecode. */
  static final int PART = 128;

  private Sequences() {}

  /**
   * The method {@code signature} running {@code statements} in order, plus its part methods ({@code
   * <name>Part0}, ...) when there are more than {@link #PART}; each part has the same signature and
   * is called with {@code args}.
   */
  static List<MethodSpec> of(
      Supplier<MethodSpec.Builder> signature, String args, List<CodeBlock> statements) {
    List<MethodSpec> methods = new ArrayList<>();
    MethodSpec.Builder head = signature.get();
    if (statements.size() <= PART) {
      statements.forEach(head::addStatement);
      methods.add(head.build());
      return methods;
    }
    String name = head.build().name();
    for (int p = 0; p * PART < statements.size(); p++) {
      String part = name + "Part" + p;
      MethodSpec.Builder m =
          signature.get().setName(part).addJavadoc("<p>Part $L of {@link #$N}.\n", p, name);
      statements
          .subList(p * PART, Math.min(statements.size(), (p + 1) * PART))
          .forEach(m::addStatement);
      methods.add(m.build());
      head.addStatement("$N($L)", part, args);
    }
    methods.add(0, head.build());
    return methods;
  }
}

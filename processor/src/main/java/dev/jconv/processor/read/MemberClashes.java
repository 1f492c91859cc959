package dev.jconv.processor.read;

import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.diag.JavacSource;
import dev.jconv.processor.diag.Report;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Members of a {@code @Network} class that would break its generated model, found by comparing the
 * class with the generated source: a field or nested type named like a type the generated code uses
 * by its simple name (a field {@code Math} obscures {@code Math.max} in the subclass; a nested
 * {@code List} shadows {@code java.util.List}), a class named so, a method with the name and arity
 * of a generated one, or an abstract method the model does not implement.
 */
public final class MemberClashes {
  /** Types of {@code java.lang} that generated code may name without an import. */
  private static final Pattern JAVA_LANG =
      Pattern.compile(
          "\\b(Math|StrictMath|System|Float|Double|Integer|Long|Short|Byte|Character|Boolean"
              + "|String|Object|Override|Thread|Runtime|Number|Class|Iterable|Exception"
              + "|RuntimeException|IllegalArgumentException|IllegalStateException"
              + "|UnsupportedOperationException|IndexOutOfBoundsException|Error|Void"
              + "|SuppressWarnings|Deprecated|FunctionalInterface|SafeVarargs)\\b");

  private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?([\\w.]+);");
  private static final Pattern QUALIFIED_ROOT = Pattern.compile("\\b(java|javax|jdk|dev)\\.");

  private MemberClashes() {}

  /**
   * The clashes between {@code type} and its generated model.
   *
   * @param source the generated source
   * @param nestedTypes simple names of the model's nested types (recursively)
   * @param methods the model's methods: name to parameter counts
   */
  public static List<Report> check(
      Elements elements,
      TypeElement type,
      String modelName,
      String source,
      Set<String> nestedTypes,
      Map<String, Set<Integer>> methods) {
    Set<String> typeNames = typeNames(source, nestedTypes);
    Set<String> roots = new HashSet<>();
    Matcher q = QUALIFIED_ROOT.matcher(source.replaceAll("(?m)^(import|package) .*$", ""));
    while (q.find()) {
      roots.add(q.group(1));
    }
    List<Report> reports = new ArrayList<>();
    if (typeNames.contains(type.getSimpleName().toString())) {
      reports.add(
          clash(type, "class", type, modelName, "it uses the type " + type.getSimpleName()));
    }
    for (Element member : elements.getAllMembers(type)) {
      if (isObjects(member) || member.getModifiers().contains(Modifier.PRIVATE)) {
        continue;
      }
      String name = member.getSimpleName().toString();
      if (member.getKind() == ElementKind.FIELD
          && (typeNames.contains(name) || roots.contains(name))) {
        String why =
            roots.contains(name)
                ? "it names the package " + name + " in qualified names"
                : "it uses the type " + name + " by that simple name";
        reports.add(clash(member, "field", type, modelName, why));
      } else if (member.getKind().isClass() || member.getKind().isInterface()) {
        if (typeNames.contains(name)) {
          reports.add(clash(member, "nested type", type, modelName, "it uses the type " + name));
        }
      } else if (member.getKind() == ElementKind.METHOD) {
        reports.addAll(method((ExecutableElement) member, type, modelName, methods));
      }
    }
    return reports;
  }

  private static List<Report> method(
      ExecutableElement m, TypeElement type, String modelName, Map<String, Set<Integer>> methods) {
    String name = m.getSimpleName().toString();
    int arity = m.getParameters().size();
    boolean generated = methods.getOrDefault(name, Set.of()).contains(arity);
    if (m.getModifiers().contains(Modifier.ABSTRACT) && !generated) {
      return List.of(
          clash(m, "abstract method", type, modelName, "it does not implement it; give it a body"));
    }
    if (generated && !m.getModifiers().contains(Modifier.ABSTRACT)) {
      return List.of(
          clash(m, "method", type, modelName, "it declares a method " + name + " of its own"));
    }
    return List.of();
  }

  private static boolean isObjects(Element member) {
    Element owner = member.getEnclosingElement();
    return owner instanceof TypeElement t && t.getQualifiedName().contentEquals("java.lang.Object");
  }

  private static Report clash(
      Element element, String what, TypeElement type, String modelName, String why) {
    return Report.on(
        new JavacSource(element, null),
        Diag.MEMBER_CLASH,
        what,
        element.getSimpleName(),
        type.getSimpleName(),
        modelName,
        why);
  }

  /** Simple names that the generated source uses for types. */
  private static Set<String> typeNames(String source, Set<String> nestedTypes) {
    Set<String> names = new HashSet<>(nestedTypes);
    Matcher imports = IMPORT.matcher(source);
    while (imports.find()) {
      String q = imports.group(1);
      names.add(q.substring(q.lastIndexOf('.') + 1));
    }
    Matcher lang = JAVA_LANG.matcher(source);
    while (lang.find()) {
      names.add(lang.group(1));
    }
    return names;
  }
}

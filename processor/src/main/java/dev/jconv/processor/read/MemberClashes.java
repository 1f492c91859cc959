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
 * of a generated one or of a method of the interfaces the model implements ({@code paramCount()},
 * {@code save(Path)}, ...), or an abstract method the model does not implement.
 *
 * <p>The types used by simple name are the generated source's imports, the model's nested types,
 * and every type of {@code java.lang} named in its code (not in comments or strings, and not after
 * a dot), such as {@code ThreadLocal} in {@code ThreadLocal.withInitial(...)}.
 */
public final class MemberClashes {
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
    return check(elements, type, modelName, source, nestedTypes, methods, List.of());
  }

  /**
   * The clashes between {@code type} and its generated model, which implements {@code interfaces}
   * (qualified names).
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
      Map<String, Set<Integer>> methods,
      List<String> interfaces) {
    Set<String> candidates = new HashSet<>(Set.of(type.getSimpleName().toString()));
    for (Element member : elements.getAllMembers(type)) {
      candidates.add(member.getSimpleName().toString());
    }
    Set<String> typeNames = typeNames(elements, source, nestedTypes, candidates);
    Map<String, Set<Integer>> inherited = interfaceMethods(elements, interfaces);
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
        reports.addAll(method((ExecutableElement) member, type, modelName, methods, inherited));
      }
    }
    return reports;
  }

  private static List<Report> method(
      ExecutableElement m,
      TypeElement type,
      String modelName,
      Map<String, Set<Integer>> methods,
      Map<String, Set<Integer>> inherited) {
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
    if (inherited.getOrDefault(name, Set.of()).contains(arity)) {
      // It would override (or fail to override) the model's own method of every jconv model.
      return List.of(
          clash(
              m,
              "method",
              type,
              modelName,
              "every model has a method " + name + " with " + arity + " parameter(s)"));
    }
    return List.of();
  }

  /**
   * The methods of {@code interfaces} and their superinterfaces, but not Object's: name to arities.
   */
  private static Map<String, Set<Integer>> interfaceMethods(
      Elements elements, List<String> interfaces) {
    Map<String, Set<Integer>> methods = new java.util.HashMap<>();
    for (String name : interfaces) {
      TypeElement t = elements.getTypeElement(name);
      if (t == null) {
        continue;
      }
      for (Element member : elements.getAllMembers(t)) {
        if (member.getKind() == ElementKind.METHOD
            && !isObjects(member)
            && !member.getModifiers().contains(Modifier.PRIVATE)
            && !member.getModifiers().contains(Modifier.STATIC)) {
          methods
              .computeIfAbsent(member.getSimpleName().toString(), k -> new HashSet<>())
              .add(((ExecutableElement) member).getParameters().size());
        }
      }
    }
    return methods;
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

  /** Simple names that the generated source uses for types (of java.lang: among candidates). */
  private static Set<String> typeNames(
      Elements elements, String source, Set<String> nestedTypes, Set<String> candidates) {
    Set<String> names = new HashSet<>(nestedTypes);
    Matcher imports = IMPORT.matcher(source);
    while (imports.find()) {
      String q = imports.group(1);
      names.add(q.substring(q.lastIndexOf('.') + 1));
    }
    // Only the user's own names matter: looking up every word would cost more than the rest.
    Set<String> words = simpleNames(source);
    words.retainAll(candidates);
    for (String word : words) {
      if (!names.contains(word)
          && Character.isUpperCase(word.charAt(0))
          && elements.getTypeElement("java.lang." + word) != null) {
        names.add(word);
      }
    }
    return names;
  }

  /**
   * The identifiers of {@code source} that are not in a comment, a string or character literal, and
   * not selected after a dot: the simple names its code uses.
   */
  static Set<String> simpleNames(String source) {
    Set<String> words = new HashSet<>();
    int n = source.length();
    int i = 0;
    char previous = ' '; // the last character of code that is not white space
    while (i < n) {
      char c = source.charAt(i);
      if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
        i = source.indexOf('\n', i);
        i = i < 0 ? n : i;
      } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
        i = source.indexOf("*/", i + 2);
        i = i < 0 ? n : i + 2;
      } else if (c == '"' || c == '\'') {
        i++;
        while (i < n && source.charAt(i) != c) {
          i += source.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
        previous = c;
      } else if (Character.isJavaIdentifierStart(c)) {
        int start = i;
        while (i < n && Character.isJavaIdentifierPart(source.charAt(i))) {
          i++;
        }
        if (previous != '.') {
          words.add(source.substring(start, i));
        }
        previous = 'a';
      } else if (Character.isDigit(c)) {
        while (i < n
            && (Character.isJavaIdentifierPart(source.charAt(i)) || source.charAt(i) == '.')) {
          i++;
        }
        previous = '0';
      } else {
        if (!Character.isWhitespace(c)) {
          previous = c;
        }
        i++;
      }
    }
    return words;
  }
}

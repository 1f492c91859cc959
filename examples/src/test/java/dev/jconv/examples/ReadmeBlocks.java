package dev.jconv.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The README's fenced blocks with their markers, and the source regions the markers name. */
final class ReadmeBlocks {
  /** The repository root (tests run in {@code examples/}). */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static final Pattern MARKER = Pattern.compile("<!-- ([a-z ]+):\\s*(.*?)\\s*-->");

  private ReadmeBlocks() {}

  /**
   * One fenced block: its first line number (1-based, the fence), language, the marker on the line
   * before (or null), and its lines.
   */
  record Block(int line, String language, String marker, String argument, List<String> lines) {
    String kind() {
      return marker;
    }
  }

  static List<Block> read() throws IOException {
    List<String> readme = Files.readAllLines(ROOT.resolve("README.md"));
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < readme.size(); i++) {
      String line = readme.get(i);
      if (!line.startsWith("```")) {
        continue;
      }
      int start = i;
      List<String> body = new ArrayList<>();
      for (i++; i < readme.size() && !readme.get(i).equals("```"); i++) {
        body.add(readme.get(i));
      }
      String kind = null;
      String argument = null;
      Matcher m = start > 0 ? MARKER.matcher(readme.get(start - 1).strip()) : null;
      if (m != null && m.matches()) {
        kind = m.group(1);
        argument = m.group(2);
      }
      blocks.add(new Block(start + 1, line.substring(3), kind, argument, body));
    }
    return blocks;
  }

  /**
   * The lines of a region of {@code file}, dedented: {@code name} is the text between the lines
   * {@code // README begin name} and {@code // README end name}; {@code network} is everything from
   * the line that starts with {@code @Network} to the end; {@code file} is everything after the
   * package line except the Javadoc comments that start at column 0.
   */
  static List<String> region(Path file, String name) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<String> out = new ArrayList<>();
    switch (name) {
      case "network" -> {
        int at = indexOf(lines, l -> l.startsWith("@Network"), file, name);
        out.addAll(lines.subList(at, lines.size()));
      }
      case "file" -> {
        int at = indexOf(lines, l -> l.startsWith("package "), file, name);
        boolean javadoc = false;
        for (String l : lines.subList(at + 1, lines.size())) {
          javadoc |= l.startsWith("/**");
          if (!javadoc) {
            out.add(l);
          }
          javadoc &= !l.strip().endsWith("*/");
        }
      }
      default -> {
        int begin = indexOf(lines, l -> l.strip().equals("// README begin " + name), file, name);
        int end = indexOf(lines, l -> l.strip().equals("// README end " + name), file, name);
        out.addAll(lines.subList(begin + 1, end));
      }
    }
    while (!out.isEmpty() && out.get(0).isBlank()) {
      out.remove(0);
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
      out.remove(out.size() - 1);
    }
    return dedent(out);
  }

  private static int indexOf(
      List<String> lines, java.util.function.Predicate<String> test, Path file, String name) {
    for (int i = 0; i < lines.size(); i++) {
      if (test.test(lines.get(i))) {
        return i;
      }
    }
    throw new IllegalArgumentException("no region '" + name + "' in " + file);
  }

  private static List<String> dedent(List<String> lines) {
    int indent = Integer.MAX_VALUE;
    for (String l : lines) {
      if (!l.isBlank()) {
        indent = Math.min(indent, l.length() - l.stripLeading().length());
      }
    }
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      out.add(l.isBlank() ? "" : l.substring(indent));
    }
    return out;
  }
}

package dev.jconv.transfer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a {@link WeightTransfer} did: the tensors it took, the ones it skipped because they are
 * absent from one side (or excluded), and the ones whose shapes differ, each mismatch with both
 * shapes. {@link #toString()} prints it as a short table.
 */
public final class TransferReport {
  /** A tensor copied from {@code source} in the source into {@code target} in the target. */
  public record Taken(String source, String target, List<Integer> shape) {
    /** Copies the shape. */
    public Taken {
      shape = List.copyOf(shape);
    }
  }

  /** A tensor left alone, and why: absent in the source, absent in the target, or excluded. */
  public record Skipped(String name, String reason) {}

  /** A pair of tensors with the same (or mapped) name but different shapes. */
  public record Mismatch(
      String source, List<Integer> sourceShape, String target, List<Integer> targetShape) {
    /** Copies the shapes. */
    public Mismatch {
      sourceShape = List.copyOf(sourceShape);
      targetShape = List.copyOf(targetShape);
    }

    @Override
    public String toString() {
      String names = source.equals(target) ? source : source + " -> " + target;
      return names + ": " + sourceShape + " in the source, " + targetShape + " in the target";
    }
  }

  private final String source;
  private final String target;
  private final List<Taken> taken;
  private final List<Skipped> skipped;
  private final List<Mismatch> mismatched;

  TransferReport(
      String source,
      String target,
      List<Taken> taken,
      List<Skipped> skipped,
      List<Mismatch> mismatched) {
    this.source = source;
    this.target = target;
    this.taken = List.copyOf(taken);
    this.skipped = List.copyOf(skipped);
    this.mismatched = List.copyOf(mismatched);
  }

  /** The source's name: a network's name or a file's name. */
  public String source() {
    return source;
  }

  /** The target network's name. */
  public String target() {
    return target;
  }

  /** The tensors copied into the target. */
  public List<Taken> taken() {
    return taken;
  }

  /** The names of the target tensors that were copied. */
  public List<String> takenNames() {
    List<String> names = new ArrayList<>();
    for (Taken t : taken) {
      names.add(t.target());
    }
    return names;
  }

  /** The tensors left alone because one side lacks them or they were excluded. */
  public List<Skipped> skipped() {
    return skipped;
  }

  /** The pairs whose shapes differ; not copied. */
  public List<Mismatch> mismatched() {
    return mismatched;
  }

  /** Number of floats copied. */
  public long valuesTaken() {
    long n = 0;
    for (Taken t : taken) {
      long size = 1;
      for (int d : t.shape()) {
        size *= d;
      }
      n += size;
    }
    return n;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append("Weights from ")
        .append(source)
        .append(" into ")
        .append(target)
        .append(": ")
        .append(taken.size())
        .append(" tensors taken (")
        .append(String.format(java.util.Locale.ROOT, "%,d", valuesTaken()))
        .append(" values), ")
        .append(skipped.size())
        .append(" skipped, ")
        .append(mismatched.size())
        .append(" mismatched");
    for (Taken t : taken) {
      String names = t.source().equals(t.target()) ? t.target() : t.source() + " -> " + t.target();
      out.append("\n  taken      ").append(names).append(' ').append(t.shape());
    }
    for (Skipped s : skipped) {
      out.append("\n  skipped    ").append(s.name()).append(" (").append(s.reason()).append(')');
    }
    for (Mismatch m : mismatched) {
      out.append("\n  mismatched ").append(m);
    }
    return out.toString();
  }

  static List<Integer> shape(int[] dims) {
    return Arrays.stream(dims).boxed().toList();
  }
}

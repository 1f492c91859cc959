package dev.jconv.processor.emit;

/**
 * Where one tensor starts in a flat array, as a named constant of the generated class: emitters
 * print it by name ({@code CONV1_KERNEL}), and the class declares it once with {@code doc}.
 *
 * @param name the constant's name, such as {@code CONV1_KERNEL}
 * @param value the offset
 * @param size the tensor's number of floats
 * @param doc what the tensor is, for the constant's Javadoc
 */
public record Offset(String name, int value, int size, String doc) {
  /** The constant's name, so that {@code $L} prints it. */
  @Override
  public String toString() {
    return name;
  }
}

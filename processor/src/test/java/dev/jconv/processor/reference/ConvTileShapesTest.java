package dev.jconv.processor.reference;

import static dev.jconv.processor.reference.Cases.conv;
import static dev.jconv.processor.reference.Cases.net;
import static dev.jconv.processor.reference.Cases.win;

import dev.jconv.Activation.Fn;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Convolutions whose filter counts reach the wide conv tiles (three and two filter vectors per
 * pixel, 8 and 12 pixels per tile), on random shapes against the reference: filter counts that are
 * and are not multiples of the vector length (24, 25, 31, 40, 47, 50, 64, 70...), output widths
 * that leave a partial tile, strides, dilation, SAME and VALID, 1x1. The random networks of {@link
 * RandomForwardTest} have at most 17 filters. Run it once more with {@code
 * -Djconv.simd.wideTiles=false} (through {@code -Dvector.args=...}) for the narrow tiles.
 */
class ConvTileShapesTest {
  private static final int[] FILTERS = {
    1, 7, 8, 9, 12, 16, 23, 24, 25, 31, 32, 33, 40, 47, 48, 50, 64, 70
  };

  @ParameterizedTest
  @EnumSource(CodePaths.class)
  void wideTilesMatchTheReference(CodePaths path) {
    SplittableRandom r = new SplittableRandom(0x711e5L);
    List<NetDef> nets = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      int filters = FILTERS[i % FILTERS.length];
      int k = 1 + r.nextInt(5);
      boolean strided = r.nextInt(3) == 0;
      int s = strided ? 2 : 1;
      int d = !strided && r.nextInt(4) == 0 ? 2 : 1;
      boolean same = r.nextBoolean();
      int h = k * d + r.nextInt(6);
      int w = k * d + r.nextInt(30);
      int c = 1 + r.nextInt(i % 3 == 0 ? 3 : 20);
      Fn fn = i % 4 == 0 ? Fn.RELU : Fn.LINEAR;
      nets.add(
          net(
              "Tiles" + i,
              Dims.image(h, w, c),
              conv("c", filters, win(k, k, s, s, d, d, same), fn, r.nextInt(4) > 0)));
    }
    GeneratedModels compiled = GeneratedModels.compile(nets, path.options());
    ForwardCheck.Result total = ForwardCheck.Result.none();
    for (int i = 0; i < nets.size(); i++) {
      total = total.merge(ForwardCheck.check(compiled, nets.get(i), 2000 + i, 3));
    }
    System.out.printf("ConvTileShapesTest[%s]: %d networks, %s%n", path, nets.size(), total);
  }
}

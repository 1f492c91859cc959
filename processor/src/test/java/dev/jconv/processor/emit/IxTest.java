package dev.jconv.processor.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.CodeBlock;
import org.junit.jupiter.api.Test;

/** Index expressions print without trivial arithmetic. */
class IxTest {
  @Test
  void termsPrintInOrderWithoutUnitFactors() {
    Ix yi = Ix.of("yo").plus(Ix.of("oh").times(64)).plus(Ix.of("ow").times(8));
    assertEquals("yo + oh * 64 + ow * 8", yi.toString());
  }

  @Test
  void zeroTermsAndConstantsDropOut() {
    assertEquals("oh", Ix.of("oh").times(1).plus(0).plus(Ix.ZERO.times(5)).toString());
    assertEquals("xo", Ix.of("xo").plus(Ix.of("kh").times(0)).toString());
    assertEquals("0", Ix.of("kh").times(0).toString());
    assertTrue(Ix.of(3).plus(-3).isZero());
  }

  @Test
  void negativeConstantsAndFactorsPrintAsSubtraction() {
    assertEquals("oh * 2 - 1", Ix.of("oh").times(2).plus(-1).toString());
    assertEquals("-kh * 3", Ix.of("kh").times(-3).toString());
    assertEquals("h - 2", Ix.of("h").plus(-2).toString());
  }

  @Test
  void likeTermsCombine() {
    Ix a = Ix.of("c").times(4).plus(Ix.of("c").times(-4)).plus(7);
    assertEquals("7", a.toString());
    assertEquals("c * 3", Ix.of("c").plus(Ix.of("c").times(2)).toString());
  }

  @Test
  void aLoopOfOneIterationFoldsItsIndex() {
    CodeBlock.Builder b = CodeBlock.builder();
    Ix one = Loops.range(b, "kh", 1);
    Ix three = Loops.range(b, "kw", 3);
    b.addStatement("int i = $L", Ix.of("wi").plus(one.times(9)).plus(three.times(3)));
    Loops.close(b, one, three);
    assertEquals(
        "for (int kw = 0; kw < 3; kw++) {\n  int i = wi + kw * 3;\n}\n", b.build().toString());
  }
}

package org.pdviz.app.draw;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.pdviz.app.i18n.Fonts;

/**
 * Pictures draw Chinese with real glyphs: without a CJK family Java2D draws every character as the
 * same empty box, so two different characters that come out as different pixels prove the fallback.
 */
class ChineseTextTest {

    static int[] draw(String s) {
        BufferedImage img = new BufferedImage(80, 60, BufferedImage.TYPE_INT_ARGB);
        Java2dPainter p = Java2dPainter.on(img);
        try {
            p.color(0xFF000000);
            p.font(40, false, false);
            p.text(s, 10, 45, Painter.Anchor.LEFT);
        } finally {
            p.dispose();
        }
        return img.getRGB(0, 0, 80, 60, null, 0, 80);
    }

    static boolean inked(int[] argb) {
        return Arrays.stream(argb).anyMatch(c -> (c >>> 24) > 128);
    }

    @Test
    void differentChineseCharactersAreDifferentPictures() {
        int[] a = draw("\u84b8"), b = draw("\u998f"); // 蒸 馏
        assertTrue(inked(a) && inked(b));
        assertFalse(Arrays.equals(a, b), "two characters drawn as the same box: no CJK font (install fonts-noto-cjk)");
    }

    @Test
    void onlyChineseTextsTakeTheCjkFamily() {
        assertTrue(Fonts.needsCjk("\u6559\u5e08\u6a21\u578b x\u0302"));
        assertTrue(Fonts.needsCjk("\uff08\u5f3a\uff09"));
        assertFalse(Fonts.needsCjk("x\u0302 = \u03b1 z \u2212 \u03c3 v\u0302, t = 0.5"));
    }
}

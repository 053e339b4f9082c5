package org.pdviz.app.live;

import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.Area;
import java.awt.geom.Rectangle2D;
import java.util.Random;
import org.pdviz.core.data.DataTable;

/**
 * A word turned into points: the glyphs of a bold sans-serif font (the system's, through AWT,
 * headless), points drawn uniformly inside them, the word scaled to span [-0.9, 0.9] across (or
 * up, if taller) with its aspect ratio kept and centred. Strokes are about a tenth of the width of
 * a short word: thin structure.
 */
public final class TextPoints {

    /** What a preset name for a word starts with: {@code text:HELLO}. */
    public static final String PREFIX = "text:";

    private TextPoints() {
    }

    public static boolean isText(String spec) {
        return spec != null && spec.startsWith(PREFIX) && spec.length() > PREFIX.length();
    }

    public static DataTable of(String word, int n, long seed) {
        if (word == null || word.isBlank()) {
            throw new IllegalArgumentException("a word to turn into points is empty");
        }
        if (n < 1) {
            throw new IllegalArgumentException("need at least one point, got " + n);
        }
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 200);
        Shape outline = font.createGlyphVector(new FontRenderContext(null, true, true), word.strip()).getOutline();
        Area area = new Area(outline);
        Rectangle2D box = area.getBounds2D();
        if (area.isEmpty() || box.getWidth() <= 0 || box.getHeight() <= 0) {
            throw new IllegalArgumentException("'" + word + "' has no visible glyphs in this font");
        }
        double scale = 1.8 / Math.max(box.getWidth(), box.getHeight());
        double cx = box.getCenterX(), cy = box.getCenterY();
        Random rng = new Random(seed ^ 0x7E47L);
        float[] v = new float[2 * n];
        int found = 0;
        long tries = 0;
        while (found < n) {
            double x = box.getMinX() + rng.nextDouble() * box.getWidth();
            double y = box.getMinY() + rng.nextDouble() * box.getHeight();
            if (++tries > 1000L * n + 1_000_000L) {
                throw new IllegalArgumentException("'" + word + "' covers too little of its box to sample");
            }
            if (area.contains(x, y)) {
                v[2 * found] = (float) ((x - cx) * scale);
                v[2 * found + 1] = (float) (-(y - cy) * scale); // font y grows downwards
                found++;
            }
        }
        return DataTable.points(PREFIX + word.strip(), 2, v);
    }
}

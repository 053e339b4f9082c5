package org.pdviz.app.lesson;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/** TeX formulas as images, with JLaTeXMath (pure Java2D, its fonts inside the jar: works offline). */
public final class Formulas {

    private Formulas() {
    }

    /**
     * Renders display-style TeX at a font size in pixels, on a transparent background.
     *
     * @throws IllegalArgumentException when the TeX does not parse
     */
    public static BufferedImage render(String tex, double size, int argb) {
        return renderWithBaseline(tex, size, argb, TeXConstants.STYLE_DISPLAY).image();
    }

    /** An image and how far its baseline is from the bottom, in pixels (to sit math inside text). */
    public record Rendered(BufferedImage image, int depth) {
    }

    /** Text-style TeX for use inside a sentence. */
    public static Rendered inline(String tex, double size, int argb) {
        return renderWithBaseline(tex, size, argb, TeXConstants.STYLE_TEXT);
    }

    private static Rendered renderWithBaseline(String tex, double size, int argb, int style) {
        TeXIcon icon;
        try {
            icon = new TeXFormula(tex).createTeXIcon(style, (float) size);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad formula '" + tex + "': " + e.getMessage(), e);
        }
        int pad = style == TeXConstants.STYLE_TEXT ? 1 : (int) Math.ceil(size * 0.15);
        icon.setInsets(new Insets(pad, pad, pad, pad));
        int w = Math.max(1, icon.getIconWidth()), h = Math.max(1, icon.getIconHeight());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            icon.setForeground(new Color(argb, true));
            icon.paintIcon(null, g, 0, 0);
        } finally {
            g.dispose();
        }
        return new Rendered(img, icon.getIconDepth() + pad);
    }

    /**
     * Splits text with inline math between dollar signs: even entries are plain text, odd ones TeX.
     *
     * @throws IllegalArgumentException when a dollar sign is not closed
     */
    public static java.util.List<String> split(String paragraph) {
        java.util.List<String> parts = new java.util.ArrayList<>(java.util.Arrays.asList(paragraph.split("\\$", -1)));
        if (parts.size() % 2 == 0) {
            throw new IllegalArgumentException("unclosed $ in: " + paragraph);
        }
        return parts;
    }
}

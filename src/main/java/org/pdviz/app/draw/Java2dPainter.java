package org.pdviz.app.draw;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.pdviz.app.i18n.Fonts;

/** {@link Painter} on a Java2D graphics context (antialiased), for files. */
public final class Java2dPainter implements Painter {

    private final Graphics2D g;
    private final double width, height;
    private float lineWidth = 1f;
    private float[] dashes;

    public Java2dPainter(Graphics2D g, double width, double height) {
        this.g = g;
        this.width = width;
        this.height = height;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        font(14, false, false);
        applyStroke();
    }

    /** A new ARGB image of the given size and a painter on it; dispose the graphics with {@link #dispose()}. */
    public static Java2dPainter on(BufferedImage image) {
        return new Java2dPainter(image.createGraphics(), image.getWidth(), image.getHeight());
    }

    public void dispose() {
        g.dispose();
    }

    /** A painter on a rectangle of this one (translated and clipped); dispose it when done. */
    public Java2dPainter region(double x, double y, double w, double h) {
        Graphics2D sub = (Graphics2D) g.create((int) Math.round(x), (int) Math.round(y), (int) Math.round(w),
                (int) Math.round(h));
        return new Java2dPainter(sub, Math.round(w), Math.round(h));
    }

    @Override
    public double width() {
        return width;
    }

    @Override
    public double height() {
        return height;
    }

    @Override
    public void color(int argb) {
        g.setColor(new Color(argb, true));
    }

    @Override
    public void lineWidth(double w) {
        lineWidth = (float) w;
        applyStroke();
    }

    @Override
    public void dashes(double... lengths) {
        if (lengths == null || lengths.length == 0) {
            dashes = null;
        } else {
            dashes = new float[lengths.length];
            for (int i = 0; i < lengths.length; i++) {
                dashes[i] = (float) lengths[i];
            }
        }
        applyStroke();
    }

    private void applyStroke() {
        g.setStroke(new BasicStroke(lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, dashes, 0f));
    }

    @Override
    public void font(double size, boolean bold, boolean italic) {
        int style = (bold ? Font.BOLD : 0) | (italic ? Font.ITALIC : 0);
        g.setFont(new Font(Fonts.LATIN, style, 1).deriveFont((float) size));
    }

    /**
     * The current font, or for a text it cannot draw (Chinese), the same size and style in the
     * first installed family of {@link Fonts#CJK}: Java2D does not fall back from a named font.
     */
    private Font fontFor(String s) {
        return fontFor(g.getFont(), s);
    }

    private static Font fontFor(Font f, String s) {
        if (f.canDisplayUpTo(s) < 0) {
            return f;
        }
        return new Font(CJK_FAMILY, f.getStyle(), 1).deriveFont(f.getSize2D());
    }

    private static final String CJK_FAMILY = Fonts.first(Fonts.CJK,
            java.util.Set.of(java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()))
            .orElse(Fonts.LOGICAL);

    @Override
    public void line(double x1, double y1, double x2, double y2) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x1, y1);
        p.lineTo(x2, y2);
        g.draw(p);
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n) {
        if (n < 2) {
            return;
        }
        g.draw(path(xs, ys, n, false));
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        g.fill(path(xs, ys, n, true));
    }

    private static Path2D.Double path(double[] xs, double[] ys, int n, boolean close) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < n; i++) {
            p.lineTo(xs[i], ys[i]);
        }
        if (close) {
            p.closePath();
        }
        return p;
    }

    @Override
    public void strokeOval(double cx, double cy, double rx, double ry) {
        g.draw(new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry));
    }

    @Override
    public void fillOval(double cx, double cy, double rx, double ry) {
        g.fill(new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry));
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        g.draw(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void text(String s, double x, double y, Anchor anchor) {
        double w = anchor == Anchor.LEFT ? 0 : textWidth(s);
        double dx = anchor == Anchor.CENTER ? -w / 2 : anchor == Anchor.RIGHT ? -w : 0;
        Font current = g.getFont();
        double at = x + dx;
        // run by run: Chinese in the CJK family, symbols (with their combining accents) in the Latin one
        for (String run : Fonts.runs(s)) {
            g.setFont(fontFor(current, run));
            g.drawString(run, (float) at, (float) y);
            at += g.getFont().getStringBounds(run, g.getFontRenderContext()).getWidth();
        }
        g.setFont(current);
    }

    @Override
    public double textWidth(String s) {
        double w = 0;
        for (String run : Fonts.runs(s)) {
            w += fontFor(run).getStringBounds(run, g.getFontRenderContext()).getWidth();
        }
        return w;
    }

    @Override
    public void image(int[] argb, int imageWidth, int imageHeight, double x, double y, double w, double h) {
        BufferedImage img = new BufferedImage(imageWidth, imageHeight, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, imageWidth, imageHeight, argb, 0, imageWidth);
        Object old = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(img, (int) Math.round(x), (int) Math.round(y), (int) Math.round(w), (int) Math.round(h), null);
        if (old != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, old);
        }
    }
}

package org.pdviz.app.draw;

/**
 * A small drawing surface, so each diagram is written once and drawn both on screen (a JavaFX
 * canvas) and into files (Java2D, for PNG and GIF export). Coordinates are pixels, y down. State
 * (colour, line width, dashes, font) stays set until changed, as in both toolkits.
 */
public interface Painter {

    /** Where a text's anchor point sits relative to the text. */
    enum Anchor { LEFT, CENTER, RIGHT }

    double width();

    double height();

    /** Colour for strokes, fills and text, as ARGB. */
    void color(int argb);

    void lineWidth(double width);

    /** Dash lengths in pixels; none for a solid line. */
    void dashes(double... lengths);

    void font(double size, boolean bold, boolean italic);

    void line(double x1, double y1, double x2, double y2);

    void polyline(double[] xs, double[] ys, int n);

    void fillPolygon(double[] xs, double[] ys, int n);

    void strokeOval(double cx, double cy, double rx, double ry);

    void fillOval(double cx, double cy, double rx, double ry);

    void fillRect(double x, double y, double w, double h);

    void strokeRect(double x, double y, double w, double h);

    /** Text with its baseline at y, placed by the anchor on x. */
    void text(String s, double x, double y, Anchor anchor);

    /** Width of a text in the current font. */
    double textWidth(String s);

    /** Draws an ARGB image scaled into a rectangle, without smoothing (pixels stay crisp). */
    void image(int[] argb, int imageWidth, int imageHeight, double x, double y, double w, double h);

    /** Clears the whole surface to a colour. */
    default void clear(int argb) {
        color(argb);
        fillRect(0, 0, width(), height());
    }

    /** A line with a filled arrow head at (x2, y2). */
    default void arrow(double x1, double y1, double x2, double y2, double head) {
        double dx = x2 - x1, dy = y2 - y1, len = Math.hypot(dx, dy);
        if (len < 1e-9) {
            return;
        }
        double ux = dx / len, uy = dy / len;
        double h = Math.min(head, len * 0.6);
        double bx = x2 - ux * h, by = y2 - uy * h;
        line(x1, y1, bx, by);
        double w = h * 0.45;
        dashes();
        fillPolygon(new double[] {x2, bx - uy * w, bx + uy * w}, new double[] {y2, by + ux * w, by - ux * w}, 3);
    }

    /**
     * The n + 1 points of a circle arc of radius r around (cx, cy), from angle {@code from} to
     * {@code to} (radians, counter-clockwise on screen, whose y points down): {xs, ys}.
     */
    static double[][] arc(double cx, double cy, double r, double from, double to, int n) {
        double[] xs = new double[n + 1], ys = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            double a = from + (to - from) * i / n;
            xs[i] = cx + r * Math.cos(a);
            ys[i] = cy - r * Math.sin(a);
        }
        return new double[][] {xs, ys};
    }
}

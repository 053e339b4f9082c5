package org.pdviz.app.draw;

import java.util.List;
import java.util.Locale;

/** Line plots for the lesson (schedule curves, loss weights): axes, ticks, a legend, optional log y. */
public final class Plot {

    /** One curve: its points, colour (ARGB), width and whether it is dashed. */
    public record Series(String label, int color, double[] x, double[] y, double width, boolean dashed) {
    }

    /** The axes: ranges, labels, log scale on y (base 10), and an optional vertical cursor at x. */
    public record Axes(String title, String xLabel, double xMin, double xMax, double yMin, double yMax,
                       boolean logY, double cursor) {
    }

    private Plot() {
    }

    public static void paint(Painter p, Axes a, List<Series> series) {
        double w = p.width(), h = p.height();
        double fs = Math.max(12, Math.min(28, Math.min(w, h) * 0.05));
        p.clear(Palette.BACKGROUND);
        double left = fs * 4.2, right = w - fs * 1.2, top = fs * 2.4, bottom = h - fs * 3.0;
        double ly0 = a.logY() ? Math.log10(a.yMin()) : a.yMin(), ly1 = a.logY() ? Math.log10(a.yMax()) : a.yMax();
        java.util.function.DoubleUnaryOperator X = v -> left + (v - a.xMin()) / (a.xMax() - a.xMin()) * (right - left);
        java.util.function.DoubleUnaryOperator Y = v -> {
            double u = a.logY() ? Math.log10(Math.max(v, 1e-300)) : v;
            u = Math.max(ly0 - 0.05 * (ly1 - ly0), Math.min(ly1 + 0.05 * (ly1 - ly0), u));
            return bottom - (u - ly0) / (ly1 - ly0) * (bottom - top);
        };
        p.font(fs * 1.05, true, false);
        p.color(Palette.TEXT);
        p.text(a.title(), left, fs * 1.4, Painter.Anchor.LEFT);
        // grid and tick labels
        p.font(fs * 0.8, false, false);
        p.lineWidth(1);
        p.dashes();
        for (int i = 0; i <= 4; i++) {
            double xv = a.xMin() + (a.xMax() - a.xMin()) * i / 4, gx = X.applyAsDouble(xv);
            p.color(Palette.GRID);
            p.line(gx, top, gx, bottom);
            p.color(Palette.MUTED);
            p.text(fmt(xv), gx, bottom + fs * 1.1, Painter.Anchor.CENTER);
        }
        if (a.logY()) {
            for (int e = (int) Math.ceil(ly0); e <= Math.floor(ly1); e++) {
                double gy = Y.applyAsDouble(Math.pow(10, e));
                p.color(Palette.GRID);
                p.line(left, gy, right, gy);
                p.color(Palette.MUTED);
                p.text(e == 0 ? "1" : "10^" + e, left - 6, gy + fs * 0.3, Painter.Anchor.RIGHT);
            }
        } else {
            for (int i = 0; i <= 4; i++) {
                double yv = a.yMin() + (a.yMax() - a.yMin()) * i / 4, gy = Y.applyAsDouble(yv);
                p.color(Palette.GRID);
                p.line(left, gy, right, gy);
                p.color(Palette.MUTED);
                p.text(fmt(yv), left - 6, gy + fs * 0.3, Painter.Anchor.RIGHT);
            }
        }
        p.color(Palette.AXIS);
        p.lineWidth(1.2);
        p.strokeRect(left, top, right - left, bottom - top);
        p.color(Palette.MUTED);
        p.font(fs * 0.85, false, true);
        p.text(a.xLabel(), (left + right) / 2, bottom + fs * 2.3, Painter.Anchor.CENTER);
        for (Series s : series) {
            int n = s.x().length;
            double[] xs = new double[n], ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = X.applyAsDouble(s.x()[i]);
                ys[i] = Y.applyAsDouble(s.y()[i]);
            }
            p.color(s.color());
            p.lineWidth(s.width());
            if (s.dashed()) {
                p.dashes(8, 6);
            }
            p.polyline(xs, ys, n);
            p.dashes();
        }
        if (!Double.isNaN(a.cursor())) {
            double cx = X.applyAsDouble(a.cursor());
            p.color(Palette.Z);
            p.lineWidth(1.5);
            p.line(cx, top, cx, bottom);
        }
        // legend, top right inside the frame
        p.font(fs * 0.85, false, false);
        double lw = 0;
        for (Series s : series) {
            lw = Math.max(lw, p.textWidth(s.label()));
        }
        double lx = right - lw - fs * 3.4, ly = top + fs * 1.2;
        p.color(Palette.alpha(Palette.BACKGROUND, 225));
        p.fillRect(lx - fs * 0.4, top + fs * 0.2, lw + fs * 3.6, series.size() * fs * 1.3 + fs * 0.3);
        for (Series s : series) {
            p.color(s.color());
            p.lineWidth(Math.max(2, s.width()));
            if (s.dashed()) {
                p.dashes(6, 4);
            }
            p.line(lx, ly - fs * 0.3, lx + fs * 2.2, ly - fs * 0.3);
            p.dashes();
            p.color(Palette.TEXT);
            p.text(s.label(), lx + fs * 2.7, ly, Painter.Anchor.LEFT);
            ly += fs * 1.3;
        }
    }

    /** {@code n + 1} evenly spaced values from lo to hi. */
    public static double[] range(double lo, double hi, int n) {
        double[] out = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            out[i] = lo + (hi - lo) * i / n;
        }
        return out;
    }

    private static String fmt(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9) {
            return String.format(Locale.ROOT, "%d", (long) Math.rint(v));
        }
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "");
    }
}

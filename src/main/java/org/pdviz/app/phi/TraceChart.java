package org.pdviz.app.phi;

import java.util.Locale;
import org.pdviz.app.draw.Painter;
import org.pdviz.app.draw.Palette;
import org.pdviz.app.i18n.Texts;

/**
 * One coordinate (a pixel) against phi: the exact circle's value {@code x_j cos(phi) + eps_j sin(phi)}
 * (a sinusoid), the teacher's and the student's states on their grids, and the slider's position.
 * Sampling runs right to left, from phi = 90 degrees (noise) to 0 (data).
 */
public final class TraceChart {

    private TraceChart() {
    }

    public static void paint(Painter p, Texts t, String title, double x, double eps, CoordinateTrace teacher,
                             CoordinateTrace student, double phi) {
        double w = p.width(), h = p.height();
        double fs = Math.max(10, Math.min(w * 0.035, h * 0.075));
        p.clear(Palette.BACKGROUND);
        double left = fs * 3.4, right = w - fs * 0.8, top = fs * 1.9, bottom = h - fs * 2.2;
        double lo = Math.min(x, eps), hi = Math.max(x, eps);
        for (CoordinateTrace tr : new CoordinateTrace[] {teacher, student}) {
            if (tr != null) {
                for (double v : tr.z()) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double r = Math.hypot(x, eps);
        lo = Math.min(lo, -r * 0.1) - 0.1;
        hi = Math.max(hi, r * 0.1) + 0.1;
        final double ylo = lo, yhi = hi;
        java.util.function.DoubleUnaryOperator X = a -> left + a / (Math.PI / 2) * (right - left);
        java.util.function.DoubleUnaryOperator Y = v -> bottom - (v - ylo) / (yhi - ylo) * (bottom - top);
        p.font(fs * 0.9, true, false);
        p.color(Palette.TEXT);
        p.text(title, fs * 0.3, fs * 1.2, Painter.Anchor.LEFT);
        // axes and zero line
        p.color(Palette.GRID);
        p.lineWidth(1);
        p.dashes();
        for (int d = 0; d <= 90; d += 15) {
            double gx = X.applyAsDouble(Math.toRadians(d));
            p.line(gx, top, gx, bottom);
        }
        p.color(Palette.CIRCLE);
        p.line(left, Y.applyAsDouble(0), right, Y.applyAsDouble(0));
        p.color(Palette.AXIS);
        p.strokeRect(left, top, right - left, bottom - top);
        p.font(fs * 0.8, false, false);
        p.color(Palette.MUTED);
        for (int d = 0; d <= 90; d += 30) {
            p.text(d + "\u00b0", X.applyAsDouble(Math.toRadians(d)), bottom + fs * 1.05, Painter.Anchor.CENTER);
        }
        p.text(t.get("phi.trace.axis"), right, bottom + fs * 1.95, Painter.Anchor.RIGHT);
        p.text(fmt(yhi), left - 4, top + fs * 0.7, Painter.Anchor.RIGHT);
        p.text(fmt(ylo), left - 4, bottom, Painter.Anchor.RIGHT);
        p.text("0", left - 4, Y.applyAsDouble(0) + fs * 0.3, Painter.Anchor.RIGHT);
        // the exact circle's value of this coordinate
        int n = 90;
        double[] xs = new double[n + 1], ys = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            double a = Math.PI / 2 * i / n;
            xs[i] = X.applyAsDouble(a);
            ys[i] = Y.applyAsDouble(x * Math.cos(a) + eps * Math.sin(a));
        }
        p.color(Palette.CIRCLE);
        p.lineWidth(Math.max(2, fs * 0.2));
        p.polyline(xs, ys, n + 1);
        trace(p, teacher, X, Y, Palette.TEACHER, Math.max(1.5, fs * 0.13), false);
        trace(p, student, X, Y, Palette.STUDENT, Math.max(2, fs * 0.2), true);
        double cx = X.applyAsDouble(phi);
        p.color(Palette.Z);
        p.lineWidth(1.5);
        p.line(cx, top, cx, bottom);
        p.fillOval(cx, Y.applyAsDouble(x * Math.cos(phi) + eps * Math.sin(phi)), fs * 0.3, fs * 0.3);
        // legend on the title line, right-aligned: grey circle, blue teacher, orange few-step
        p.font(fs * 0.75, false, false);
        double lx = right;
        String[] names = {t.get("phi.trace.few_step"), t.get("phi.trace.teacher"), t.get("phi.trace.circle")};
        int[] colors = {Palette.STUDENT, Palette.TEACHER, Palette.CIRCLE};
        for (int i = 0; i < 3; i++) {
            double tw = p.textWidth(names[i]);
            p.color(Palette.TEXT);
            p.text(names[i], lx, fs * 1.2, Painter.Anchor.RIGHT);
            lx -= tw + fs * 0.3;
            p.color(colors[i]);
            p.lineWidth(3);
            p.line(lx - fs * 1.2, fs * 0.9, lx, fs * 0.9);
            lx -= fs * 1.2 + fs * 0.6;
        }
    }

    private static void trace(Painter p, CoordinateTrace tr, java.util.function.DoubleUnaryOperator X,
                              java.util.function.DoubleUnaryOperator Y, int color, double width, boolean dots) {
        if (tr == null) {
            return;
        }
        int n = tr.phi().length;
        double[] xs = new double[n], ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = X.applyAsDouble(tr.phi()[i]);
            ys[i] = Y.applyAsDouble(tr.z()[i]);
        }
        p.color(color);
        p.lineWidth(width);
        p.polyline(xs, ys, n);
        if (dots) {
            for (int i = 0; i < n; i++) {
                p.fillOval(xs[i], ys[i], width * 1.8, width * 1.8);
            }
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}

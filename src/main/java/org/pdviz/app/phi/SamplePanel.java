package org.pdviz.app.phi;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.pdviz.app.draw.Painter;
import org.pdviz.app.draw.Palette;
import org.pdviz.app.i18n.Texts;
import org.pdviz.app.render.ImageGrid;
import org.pdviz.app.render.Raster;
import org.pdviz.core.model.DataShape;

/**
 * One quantity (z_phi, x_hat, eps_hat or v_hat) of the chosen sample as a panel: a titled image
 * with the picked pixel marked, or, for 2-D points, a scatter of the whole set with the chosen
 * point marked. Drawn on screen and into exported frames by the same code.
 */
public final class SamplePanel {

    /** A rectangle in panel pixels. */
    public record Box(double x, double y, double w, double h) {
        public boolean contains(double px, double py) {
            return px >= x && px < x + w && py >= y && py < y + h;
        }
    }

    /** A line drawn over a scatter, in data coordinates. */
    public record Overlay(int color, double width, double[] xs, double[] ys, boolean line, boolean dots) {
    }

    private SamplePanel() {
    }

    static double fontSize(double w, double h) {
        return Math.max(12, Math.min(w, h) * 0.072);
    }

    /** Where the image (or the scatter's square) sits in a panel of this size. */
    public static Box content(double w, double h) {
        double fs = fontSize(w, h);
        double top = fs * 1.7, bottom = fs * 1.5;
        double side = Math.max(1, Math.min(w - 8, h - top - bottom));
        return new Box((w - side) / 2, top, side, side);
    }

    /**
     * An image panel for sample {@code sample} of {@code data}, values in [lo, hi] shown black to
     * white; {@code pixel} (an index into one channel, or -1) is outlined.
     */
    public static void image(Painter p, Texts t, String title, int color, float[] data, int sample, DataShape shape, double lo,
                             double hi, int pixel) {
        double w = p.width(), h = p.height(), fs = fontSize(w, h);
        p.clear(Palette.BACKGROUND);
        title(p, title, color, fs);
        Box box = content(w, h);
        int dim = shape.size();
        Raster r = ImageGrid.render(Arrays.copyOfRange(data, sample * dim, (sample + 1) * dim), 1, shape, lo, hi,
                new ImageGrid.Layout(1, 1, 0));
        p.image(r.argb(), r.width(), r.height(), box.x(), box.y(), box.w(), box.h());
        if (pixel >= 0) {
            int width = shape.dim(2), height = shape.dim(1);
            int plane = pixel % (width * height);
            double cw = box.w() / width, ch = box.h() / height;
            double x = box.x() + (plane % width) * cw, y = box.y() + (plane / width) * ch;
            p.dashes();
            p.lineWidth(Math.max(2, cw * 0.18));
            p.color(0xFFFFD400);
            p.strokeRect(x - 1, y - 1, cw + 2, ch + 2);
            p.color(0xFFE0245E);
            p.lineWidth(Math.max(1, cw * 0.08));
            p.strokeRect(x - 2.5, y - 2.5, cw + 5, ch + 5);
        }
        p.font(fs * 0.75, false, false);
        p.color(Palette.MUTED);
        p.text(t.format("phi.panel.grey", trim(lo), trim(hi)), w / 2, box.y() + box.h() + fs * 1.1,
                Painter.Anchor.CENTER);
    }

    /** The pixel (index into one channel) under a point of an image panel, or -1. */
    public static int pixelAt(double px, double py, double w, double h, DataShape shape) {
        Box box = content(w, h);
        if (!box.contains(px, py)) {
            return -1;
        }
        int col = (int) ((px - box.x()) / box.w() * shape.dim(2));
        int row = (int) ((py - box.y()) / box.h() * shape.dim(1));
        return Math.min(row, shape.dim(1) - 1) * shape.dim(2) + Math.min(col, shape.dim(2) - 1);
    }

    /** A scatter of all points (2-D, the first two coordinates) with the chosen one marked. */
    public static void points(Painter p, Texts t, String title, int color, float[] data, int count, int dim, int chosen,
                              double lo, double hi, List<Overlay> overlays) {
        double w = p.width(), h = p.height(), fs = fontSize(w, h);
        p.clear(Palette.BACKGROUND);
        title(p, title, color, fs);
        Box box = content(w, h);
        p.color(Palette.GRID);
        p.fillRect(box.x(), box.y(), box.w(), box.h());
        p.color(0xFFFFFFFF);
        p.lineWidth(1);
        p.dashes();
        for (int i = 1; i < 4; i++) {
            double gx = box.x() + box.w() * i / 4, gy = box.y() + box.h() * i / 4;
            p.line(gx, box.y(), gx, box.y() + box.h());
            p.line(box.x(), gy, box.x() + box.w(), gy);
        }
        double r = Math.max(1.6, box.w() / 220);
        p.color(Palette.alpha(color, 120));
        for (int i = 0; i < count; i++) {
            double x = px(box, data[i * dim], lo, hi), y = py(box, data[i * dim + 1], lo, hi);
            if (box.contains(x, y)) {
                p.fillOval(x, y, r, r);
            }
        }
        for (Overlay o : overlays) {
            double[] xs = new double[o.xs().length], ys = new double[o.ys().length];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = clamp(px(box, o.xs()[i], lo, hi), box.x(), box.x() + box.w());
                ys[i] = clamp(py(box, o.ys()[i], lo, hi), box.y(), box.y() + box.h());
            }
            p.color(o.color());
            p.lineWidth(o.width());
            if (o.line()) {
                p.polyline(xs, ys, xs.length);
            }
            if (o.dots()) {
                for (int i = 0; i < xs.length; i++) {
                    p.fillOval(xs[i], ys[i], o.width() * 1.5, o.width() * 1.5);
                }
            }
        }
        if (chosen >= 0) {
            double x = px(box, data[chosen * dim], lo, hi), y = py(box, data[chosen * dim + 1], lo, hi);
            x = clamp(x, box.x(), box.x() + box.w());
            y = clamp(y, box.y(), box.y() + box.h());
            p.color(0xFFFFD400);
            p.fillOval(x, y, r * 3.2, r * 3.2);
            p.color(0xFFE0245E);
            p.lineWidth(2);
            p.strokeOval(x, y, r * 3.2, r * 3.2);
        }
        p.font(fs * 0.75, false, false);
        p.color(Palette.MUTED);
        p.text(t.format("phi.panel.axes", trim(lo), trim(hi)), w / 2,
                box.y() + box.h() + fs * 1.1, Painter.Anchor.CENTER);
    }

    /** The point nearest to a click in a scatter panel (within a few pixels), or -1. */
    public static int nearestPoint(double px, double py, double w, double h, float[] data, int count, int dim,
                                   double lo, double hi) {
        Box box = content(w, h);
        int best = -1;
        double bestD = Math.max(10, box.w() * 0.03);
        for (int i = 0; i < count; i++) {
            double d = Math.hypot(px(box, data[i * dim], lo, hi) - px, py(box, data[i * dim + 1], lo, hi) - py);
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    private static void title(Painter p, String title, int color, double fs) {
        p.font(fs, true, false);
        p.color(color);
        p.text(title, p.width() / 2, fs * 1.25, Painter.Anchor.CENTER);
    }

    private static double px(Box b, double v, double lo, double hi) {
        return b.x() + (v - lo) / (hi - lo) * b.w();
    }

    private static double py(Box b, double v, double lo, double hi) {
        return b.y() + b.h() - (v - lo) / (hi - lo) * b.h();
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}

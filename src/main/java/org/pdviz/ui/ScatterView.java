package org.pdviz.ui;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.pdviz.core.model.DataRange;

/**
 * 2-D points on a square window, optionally with each point's path so far (earlier states, oldest
 * first) and with reference points joined to their partners (the comparison's same-noise pairs).
 * Only the first two coordinates of each sample are drawn.
 */
final class ScatterView extends Region {

    /** At most this many vertices per path: long runs are thinned evenly, the last state always kept. */
    static final int MAX_PATH_VERTICES = 48;

    /** What to draw; {@code paths} and {@code reference} may be null. */
    record Scene(float[] points, int count, int dim, DataRange window, List<float[]> paths, float[] reference,
                 String message) {
    }

    private final Canvas canvas = new Canvas();
    private Scene scene;
    private CanvasPalette palette = CanvasPalette.LIGHT;
    private double fontScale = 1;

    ScatterView() {
        getChildren().add(canvas);
        getStyleClass().add("scatter-view");
        setMinSize(60, 60);
        setPrefSize(240, 240);
    }

    void show(Scene s) {
        scene = s;
        draw();
    }

    void style(CanvasPalette p, double scale) {
        palette = p;
        fontScale = scale;
        draw();
    }

    Scene scene() {
        return scene;
    }

    Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    /** Where the plot's square lies in the view: left, top, side (room for the range labels below). */
    private double[] frame() {
        double fs = 11 * fontScale, w = canvas.getWidth(), h = canvas.getHeight();
        double side = Math.min(w, h) - 2 * fs - 8;
        return new double[] {(w - side) / 2, (h - side) / 2 - fs / 2, side};
    }

    /** The data point (x, y) drawn at pixel (px, py) of this view; null before a scene is shown. */
    double[] toData(double px, double py) {
        if (scene == null) {
            return null;
        }
        double[] f = frame();
        DataRange win = scene.window();
        double k = (win.hi() - win.lo()) / f[2];
        return new double[] {win.lo() + (px - f[0]) * k, win.lo() + (f[1] + f[2] - py) * k};
    }

    /** Pixels per data unit as drawn now (0 before a scene is shown). */
    double pixelsPerUnit() {
        return scene == null ? 0 : frame()[2] / (scene.window().hi() - scene.window().lo());
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (w < 20 || h < 20 || scene == null) {
            return;
        }
        double fs = 11 * fontScale;
        double[] frame = frame();
        double side = frame[2], x0 = frame[0], y0 = frame[1];
        g.setFill(palette.plot());
        g.fillRect(x0, y0, side, side);
        DataRange win = scene.window();
        double lo = win.lo(), span = win.hi() - win.lo();
        g.setLineWidth(1);
        for (int v = (int) Math.ceil(lo); v <= Math.floor(win.hi()); v++) {
            double p = (v - lo) / span * side;
            g.setStroke(v == 0 ? palette.axis() : palette.grid());
            g.strokeLine(x0 + p, y0, x0 + p, y0 + side);
            g.strokeLine(x0, y0 + side - p, x0 + side, y0 + side - p);
        }
        g.setStroke(palette.axis());
        g.strokeRect(x0, y0, side, side);
        g.setFill(palette.muted());
        g.setFont(Font.font(fs));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(String.format("%.1f", lo), x0, y0 + side + 3);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(String.format("%.1f", win.hi()), x0 + side, y0 + side + 3);
        g.save();
        g.beginPath();
        g.rect(x0, y0, side, side);
        g.clip();
        if (scene.points() == null) {
            g.restore();
            g.setFill(palette.muted());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(scene.message(), w / 2, h / 2);
            return;
        }
        int n = scene.count(), d = scene.dim();
        double k = side / span;
        if (scene.reference() != null) {
            float[] r = scene.reference(), p = scene.points();
            g.setStroke(palette.cursor().deriveColor(0, 1, 1, 0.55));
            g.setLineWidth(1);
            g.beginPath();
            for (int i = 0; i < n; i++) {
                g.moveTo(x0 + (r[i * d] - lo) * k, y0 + side - (r[i * d + 1] - lo) * k);
                g.lineTo(x0 + (p[i * d] - lo) * k, y0 + side - (p[i * d + 1] - lo) * k);
            }
            g.stroke();
            g.setFill(palette.reference());
            dots(g, r, n, d, x0, y0, side, lo, k, 2.0);
        }
        List<float[]> paths = scene.paths();
        if (paths != null && !paths.isEmpty()) {
            int m = paths.size();
            int stride = Math.max(1, (int) Math.ceil(m / (double) MAX_PATH_VERTICES));
            g.setStroke(palette.paths());
            g.setLineWidth(1);
            // one path for all points: a single stroke is far cheaper than one per point
            g.beginPath();
            float[] cur = scene.points();
            for (int i = 0; i < n; i++) {
                float[] a = paths.get(0);
                g.moveTo(x0 + (a[i * d] - lo) * k, y0 + side - (a[i * d + 1] - lo) * k);
                for (int j = stride; j < m; j += stride) {
                    a = paths.get(j);
                    g.lineTo(x0 + (a[i * d] - lo) * k, y0 + side - (a[i * d + 1] - lo) * k);
                }
                g.lineTo(x0 + (cur[i * d] - lo) * k, y0 + side - (cur[i * d + 1] - lo) * k);
            }
            g.stroke();
        }
        g.setFill(palette.points());
        dots(g, scene.points(), n, d, x0, y0, side, lo, k, Math.max(2.2, 2.6 * fontScale));
        g.restore();
    }

    private static void dots(GraphicsContext g, float[] p, int n, int d, double x0, double y0, double side, double lo,
                             double k, double r) {
        // one filled path of circles, like the paths above
        g.beginPath();
        for (int i = 0; i < n; i++) {
            double x = x0 + (p[i * d] - lo) * k, y = y0 + side - (p[i * d + 1] - lo) * k;
            g.moveTo(x + r, y);
            g.arc(x, y, r, r, 0, 360);
            g.closePath();
        }
        g.fill();
    }
}

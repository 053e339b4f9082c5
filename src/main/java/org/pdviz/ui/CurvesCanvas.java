package org.pdviz.ui;

import java.util.List;
import java.util.function.DoubleConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.pdviz.app.curves.ScheduleCurves;
import org.pdviz.core.distill.Weighting;

/**
 * The schedule against t in three stacked plots sharing one t axis: alpha and sigma; log-SNR
 * (ideal and clipped); SNR and the loss weights on a log scale. Under them one row of ticks per
 * active sampler's time grid, and across everything the cursor at the frame on screen. Clicking
 * or dragging moves the cursor's view to that t.
 */
final class CurvesCanvas extends Region {

    /** The log-SNR plot's range; the ideal curve leaves it at both ends. */
    static final double LOG_SNR_LIMIT = 25;
    /** The weight plot's range in decades, 10^-3 .. 10^3. */
    static final double DECADES = 3;

    private final Canvas canvas = new Canvas();
    private ScheduleCurves curves;
    private List<AppContext.GridMark> grids = List.of();
    private double cursorT = Double.NaN;
    private CanvasPalette palette = CanvasPalette.LIGHT;
    private double scale = 1;
    private DoubleConsumer seek = t -> { };
    private double left;
    private double plotWidth;

    private final Localizer i18n;

    CurvesCanvas(ScheduleCurves curves, Localizer i18n) {
        this.curves = curves;
        this.i18n = i18n;
        getChildren().add(canvas);
        canvas.setOnMousePressed(e -> seekAt(e.getX()));
        canvas.setOnMouseDragged(e -> seekAt(e.getX()));
        setMinSize(300, 300);
    }

    void setCurves(ScheduleCurves c) {
        curves = c;
        draw();
    }

    ScheduleCurves curves() {
        return curves;
    }

    void update(List<AppContext.GridMark> marks, double t, CanvasPalette p, double fontScale, DoubleConsumer onSeek) {
        grids = List.copyOf(marks);
        cursorT = t;
        palette = p;
        scale = fontScale;
        seek = onSeek;
        draw();
    }

    double cursorT() {
        return cursorT;
    }

    /** The cursor's x pixel, NaN when there is none. */
    double cursorX() {
        return Double.isNaN(cursorT) ? Double.NaN : x(cursorT);
    }

    /** The x pixel of time t. */
    double x(double t) {
        return left + t * plotWidth;
    }

    Canvas canvas() {
        return canvas;
    }

    private void seekAt(double px) {
        if (plotWidth > 0) {
            seek.accept(Math.max(0, Math.min(1, (px - left) / plotWidth)));
        }
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.setFill(palette.background());
        g.fillRect(0, 0, w, h);
        if (w < 200 || h < 200) {
            return;
        }
        double fs = 13 * scale;
        left = 5.5 * fs;
        double legend = Math.min(26 * fs, w * 0.32);
        plotWidth = w - left - legend - fs;
        double rowH = 1.6 * fs;
        double strip = Math.max(1, grids.size()) * rowH + 3.2 * fs;
        double gap = 1.2 * fs;
        double plotH = (h - strip - 4 * gap) / 3;
        double y = gap;
        // alpha, sigma
        y = plot(g, y, plotH, 0, 1, false, new double[] {0, 0.5, 1}, "\u03B1, \u03C3", List.of(
                new Line(ScheduleCurves.ALPHA, 0, false), new Line(ScheduleCurves.SIGMA, 1, false)), fs) + gap;
        y = plot(g, y, plotH, -LOG_SNR_LIMIT, LOG_SNR_LIMIT, false, new double[] {-20, -10, 0, 10, 20}, i18n.get("curves.axis.logsnr"),
                List.of(new Line(ScheduleCurves.LOG_SNR_CLIPPED, 2, false),
                        new Line(ScheduleCurves.LOG_SNR_IDEAL, 5, true)), fs) + gap;
        y = plot(g, y, plotH, -DECADES, DECADES, true, new double[] {-3, -2, -1, 0, 1, 2, 3}, i18n.get("curves.axis.weight"),
                List.of(new Line(ScheduleCurves.SNR, 5, true), new Line(Weighting.TRUNCATED_SNR.id(), 3, false),
                        new Line(Weighting.SNR_PLUS_ONE.id(), 1, false)), fs) + gap;
        // time grids of the active samplers
        g.setFont(font(FontWeight.NORMAL, fs));
        g.setTextBaseline(VPos.CENTER);
        if (grids.isEmpty()) {
            g.setFill(palette.muted());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(i18n.get("curves.no_grids"), left, y + rowH / 2);
        }
        for (int i = 0; i < grids.size(); i++) {
            AppContext.GridMark m = grids.get(i);
            double cy = y + i * rowH + rowH / 2;
            g.setStroke(palette.series(i));
            int n = m.steps();
            // few steps: bold ticks that read from the back of the room
            g.setLineWidth(n <= 64 ? 2.5 * scale : 1);
            List<org.pdviz.core.schedule.NoiseLevel> levels = m.grid().levels();
            boolean label = curves.timesteps() > 0 && n <= 12;
            g.setFont(Font.font(fs * 0.8));
            for (org.pdviz.core.schedule.NoiseLevel l : levels) {
                double px = x(l.t());
                g.strokeLine(px, cy - rowH * 0.35, px, cy + (label ? 0 : rowH * 0.35));
                if (label) {
                    // a discrete schedule's sampler: the timestep each tick stands for
                    g.setFill(palette.muted());
                    g.setTextAlign(TextAlignment.CENTER);
                    g.fillText(l.position() < 0 ? "\u03B1\u0304=1" : Long.toString((long) l.position()), px,
                            cy + rowH * 0.3);
                }
            }
            g.setFont(Font.font(fs));
            g.setFill(palette.text());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(m.label(), left + plotWidth + fs, cy);
        }
        double axisY = y + Math.max(1, grids.size()) * rowH + 0.3 * fs;
        g.setStroke(palette.axis());
        g.strokeLine(left, axisY, left + plotWidth, axisY);
        g.setFill(palette.muted());
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (int k = 0; k <= 10; k++) {
            double px = x(k / 10.0);
            g.strokeLine(px, axisY, px, axisY + 0.3 * fs);
            if (k % 2 == 0) {
                g.fillText(String.format("%.1f", k / 10.0), px, axisY + 0.4 * fs);
            }
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(curves.timesteps() > 0 ? i18n.format("curves.axis.timesteps", curves.timesteps())
                : i18n.get("curves.axis.t"), left + plotWidth + 2 * fs, axisY + 0.4 * fs);
        // the cursor
        if (!Double.isNaN(cursorT)) {
            double px = x(cursorT);
            g.setStroke(palette.cursor());
            g.setLineWidth(2);
            g.strokeLine(px, gap * 0.5, px, axisY);
            g.setLineWidth(1);
        }
    }

    private record Line(String id, int color, boolean dashed) {
    }

    /** One plot: frame, grid, y labels, curves, legend at the right. Returns its bottom. */
    private double plot(GraphicsContext g, double top, double height, double lo, double hi, boolean log,
                        double[] yTicks, String yLabel, List<Line> lines, double fs) {
        g.setFill(palette.plot());
        g.fillRect(left, top, plotWidth, height);
        g.setLineWidth(1);
        g.setFont(font(FontWeight.NORMAL, fs * 0.92));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double v : yTicks) {
            double py = top + height - (v - lo) / (hi - lo) * height;
            g.setStroke(v == 0 && !log ? palette.axis() : palette.grid());
            g.strokeLine(left, py, left + plotWidth, py);
            g.setFill(palette.muted());
            g.fillText(log ? decade(v) : tick(v), left - 0.4 * fs, py);
        }
        for (int k = 1; k < 4; k++) {
            g.setStroke(palette.grid());
            g.strokeLine(x(k / 4.0), top, x(k / 4.0), top + height);
        }
        g.setStroke(palette.axis());
        g.strokeRect(left, top, plotWidth, height);
        g.save();
        g.translate(fs * 0.9, top + height / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(palette.text());
        g.setFont(font(FontWeight.BOLD, fs));
        g.fillText(yLabel, 0, 0);
        g.restore();
        g.save();
        g.beginPath();
        g.rect(left, top, plotWidth, height);
        g.clip();
        double[] t = curves.t();
        double[] xs = new double[t.length], ys = new double[t.length];
        for (Line line : lines) {
            double[] v = curves.curve(line.id()).values();
            for (int i = 0; i < t.length; i++) {
                double value = log ? Math.log10(v[i]) : v[i];
                // infinities and far values are drawn just outside the clipped plot
                double c = Double.isNaN(value) ? lo : Math.max(lo - (hi - lo), Math.min(hi + (hi - lo), value));
                xs[i] = x(t[i]);
                ys[i] = top + height - (c - lo) / (hi - lo) * height;
            }
            Color col = palette.series(line.color());
            g.setStroke(col);
            g.setLineWidth(line.dashed() ? 1.6 * scale : 2.4 * scale);
            g.setLineDashes(line.dashed() ? new double[] {7 * scale, 5 * scale} : null);
            g.strokePolyline(xs, ys, t.length);
            if (curves.timesteps() > 0 && curves.timesteps() <= 100 && !line.dashed()) {
                // few timesteps: each one a dot, so the schedule reads as discrete
                g.setFill(col);
                double r = 2.6 * scale;
                for (int i = 0; i < t.length; i++) {
                    g.fillOval(xs[i] - r, ys[i] - r, 2 * r, 2 * r);
                }
            }
        }
        g.setLineDashes(null);
        g.restore();
        // legend
        g.setFont(font(FontWeight.NORMAL, fs));
        g.setTextAlign(TextAlignment.LEFT);
        double ly = top + 0.8 * fs;
        for (Line line : lines) {
            Color col = palette.series(line.color());
            g.setStroke(col);
            g.setLineWidth(line.dashed() ? 1.6 * scale : 2.4 * scale);
            g.setLineDashes(line.dashed() ? new double[] {7 * scale, 5 * scale} : null);
            g.strokeLine(left + plotWidth + fs, ly, left + plotWidth + 2.8 * fs, ly);
            g.setLineDashes(null);
            g.setFill(palette.text());
            g.fillText(curves.curve(line.id()).label(i18n.texts()), left + plotWidth + 3.3 * fs, ly);
            ly += 1.5 * fs;
        }
        g.setLineWidth(1);
        return top + height;
    }

    private Font font(FontWeight weight, double size) {
        return Styles.canvasFont(i18n.language(), weight, size);
    }

    private static String tick(double v) {
        return v == Math.rint(v) ? String.format("%.0f", v) : String.format("%.1f", v);
    }

    private static String decade(double v) {
        return switch ((int) v) {
            case -3 -> "0.001";
            case -2 -> "0.01";
            case -1 -> "0.1";
            case 0 -> "1";
            case 1 -> "10";
            case 2 -> "100";
            case 3 -> "1000";
            default -> "1e" + (int) v;
        };
    }
}

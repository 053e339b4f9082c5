package org.pdviz.app.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.pdviz.core.metrics.Estimate;

/**
 * The paper's central figure from a report, drawn with Java2D: left, the primary metric (FID or
 * SWD) against the number of steps (log2 axis) for the teacher with plain DDIM and for the
 * students, with confidence intervals, a line for the exact teacher where there is one and one for
 * real data against real data; right, same-noise RMSE to the teacher's largest-step samples.
 */
public final class ReportPlot {

    static final Color TEACHER = new Color(0x2060C0), STUDENT = new Color(0xE07020), EXACT = new Color(0x208040),
            FLOOR = new Color(0x808080), GRID = new Color(0xE4E4E4), TEXT = new Color(0x303030);
    private static final int PANEL_W = 640, PANEL_H = 460, HEADER = 56;

    private ReportPlot() {
    }

    /** One point of a series: steps, value and interval. */
    record Point(int steps, double value, double lo, double hi) {
        static Point of(EvalReport.Run run, String metric) {
            Estimate e = run.metrics().get(metric);
            return new Point(run.steps(), e.value(), e.lo(), e.hi());
        }
    }

    record Series(String label, Color color, boolean connect, List<Point> points) {
    }

    record Line(String label, Color color, double value, boolean dotted) {
    }

    public static BufferedImage render(EvalReport report) {
        BufferedImage img = new BufferedImage(2 * PANEL_W, PANEL_H + HEADER, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setColor(TEXT);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString("Quality against sampling steps: " + report.teacher().name() + " (" + report.data() + ", "
                    + report.settings().samples() + " samples, seed " + report.settings().seed() + ")", 16, 24);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString("reference: " + report.reference().description()
                    + (report.features() == null ? "" : "; features: " + report.features().id()), 16, 44);

            String metric = report.primaryMetric();
            List<Series> quality = series(report, r -> Point.of(r, metric));
            List<Line> lines = new ArrayList<>();
            if (report.exact() != null) {
                lines.add(new Line("exact teacher, " + report.exact().steps() + " steps", EXACT,
                        report.exact().metrics().get(metric).value(), false));
            }
            if (report.floor() != null && report.floor().containsKey(metric)) {
                lines.add(new Line("real data vs real data", FLOOR, report.floor().get(metric).value(), true));
            }
            panel(g, 0, HEADER, metric.toUpperCase(Locale.ROOT) + " (lower is better)", quality, lines);

            List<Series> rmse = series(report, r -> Point.of(r, Scorer.RMSE));
            List<Line> rmseLines = new ArrayList<>();
            if (report.exact() != null) {
                rmseLines.add(new Line("exact teacher, " + report.exact().steps() + " steps", EXACT,
                        report.exact().metrics().get(Scorer.RMSE).value(), false));
            }
            panel(g, PANEL_W, HEADER, "same-noise RMSE to the teacher at " + report.rmseReference().steps()
                    + " steps", rmse, rmseLines);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static List<Series> series(EvalReport report, Function<EvalReport.Run, Point> f) {
        List<Series> s = new ArrayList<>();
        s.add(new Series("teacher, plain DDIM", TEACHER, true, report.teacherRuns().stream().map(f).toList()));
        List<Point> students = report.students().stream().filter(EvalReport.Run::ok).map(f).toList();
        if (!students.isEmpty()) {
            s.add(new Series("distilled students", STUDENT, true, students));
        }
        return s;
    }

    private static void panel(Graphics2D g, int x0, int y0, String title, List<Series> series, List<Line> lines) {
        int left = x0 + 70, right = x0 + PANEL_W - 20, top = y0 + 30, bottom = y0 + PANEL_H - 50;
        int minSteps = Integer.MAX_VALUE, maxSteps = 1;
        List<Double> ys = new ArrayList<>();
        for (Series s : series) {
            for (Point p : s.points()) {
                minSteps = Math.min(minSteps, p.steps());
                maxSteps = Math.max(maxSteps, p.steps());
                ys.add(p.value());
                ys.add(p.lo());
                ys.add(p.hi());
            }
        }
        lines.forEach(l -> ys.add(l.value()));
        double xLo = log2(minSteps) - 0.4, xHi = log2(maxSteps) + 0.4;
        Axis y = Axis.fit(ys, series);
        Function<Double, Double> px = v -> left + (log2(v) - xLo) / (xHi - xLo) * (right - left);

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(TEXT);
        g.drawString(title, left, top - 10);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        for (double tick : y.ticks()) {
            int py = (int) Math.round(y.toPixel(tick, top, bottom));
            g.setColor(GRID);
            g.drawLine(left, py, right, py);
            g.setColor(TEXT);
            String label = Axis.format(tick);
            g.drawString(label, left - 6 - fm.stringWidth(label), py + fm.getAscent() / 2 - 1);
        }
        for (int k = (int) Math.ceil(xLo); k <= (int) Math.floor(xHi); k++) {
            int p = (int) Math.round(px.apply(Math.pow(2, k)));
            g.setColor(GRID);
            g.drawLine(p, top, p, bottom);
            g.setColor(TEXT);
            String label = Integer.toString(1 << k);
            g.drawString(label, p - fm.stringWidth(label) / 2, bottom + fm.getAscent() + 4);
        }
        g.drawString("sampling steps (network evaluations per sample, log2 axis)", left, bottom + 32);
        g.setColor(new Color(0x909090));
        g.drawRect(left, top, right - left, bottom - top);
        if (y.log()) {
            g.setColor(TEXT);
            g.drawString("log scale", right - fm.stringWidth("log scale") - 4, top + fm.getAscent() + 2);
        }

        Stroke solid = new BasicStroke(2f);
        for (Line l : lines) {
            if (!y.drawable(l.value())) {
                continue;
            }
            int py = (int) Math.round(y.toPixel(l.value(), top, bottom));
            g.setColor(l.color());
            g.setStroke(l.dotted() ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                    new float[] {3, 4}, 0) : new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                    new float[] {9, 5}, 0));
            g.drawLine(left, py, right, py);
        }
        // students first, so a teacher point that coincides shows as a circle inside the square
        List<Series> drawOrder = new ArrayList<>(series);
        java.util.Collections.reverse(drawOrder);
        for (Series s : drawOrder) {
            g.setColor(s.color());
            g.setStroke(solid);
            Path2D path = new Path2D.Double();
            boolean started = false;
            for (Point p : s.points()) {
                if (!y.drawable(p.value())) {
                    // zero on a log axis (the RMSE reference itself): a hollow marker on the bottom edge
                    double x = px.apply((double) p.steps());
                    g.setStroke(new BasicStroke(1.2f));
                    g.draw(new Ellipse2D.Double(x - 4, bottom - 4, 8, 8));
                    g.drawString("0", (int) x + 6, bottom - 6);
                    continue;
                }
                double x = px.apply((double) p.steps()), py = y.toPixel(p.value(), top, bottom);
                if (s.connect()) {
                    if (started) {
                        path.lineTo(x, py);
                    } else {
                        path.moveTo(x, py);
                        started = true;
                    }
                }
                double lo = y.toPixel(y.clamp(p.lo()), top, bottom), hi = y.toPixel(y.clamp(p.hi()), top, bottom);
                g.setStroke(new BasicStroke(1.2f));
                g.drawLine((int) x, (int) lo, (int) x, (int) hi);
                g.drawLine((int) x - 4, (int) lo, (int) x + 4, (int) lo);
                g.drawLine((int) x - 4, (int) hi, (int) x + 4, (int) hi);
                // students as squares, so a student on its teacher's point stays visible
                g.fill(s.color() == STUDENT ? new java.awt.geom.Rectangle2D.Double(x - 5, py - 5, 10, 10)
                        : new Ellipse2D.Double(x - 4, py - 4, 8, 8));
            }
            g.setStroke(solid);
            if (s.connect()) {
                g.draw(path);
            }
        }
        // legend
        int ly = top + 18;
        int lx = right - 200;
        for (Series s : series) {
            g.setColor(s.color());
            g.fill(s.color() == STUDENT ? new java.awt.geom.Rectangle2D.Double(lx, ly - 9, 9, 9)
                    : new Ellipse2D.Double(lx, ly - 8, 8, 8));
            g.setColor(TEXT);
            g.drawString(s.label(), lx + 14, ly);
            ly += 16;
        }
        for (Line l : lines) {
            g.setColor(l.color());
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                    l.dotted() ? new float[] {3, 4} : new float[] {9, 5}, 0));
            g.drawLine(lx - 4, ly - 4, lx + 10, ly - 4);
            g.setColor(TEXT);
            g.drawString(l.label(), lx + 14, ly);
            ly += 16;
        }
        g.setStroke(new BasicStroke(1f));
    }

    static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    /** A y axis: log10 when no value is negative and the positive ones span more than a factor of 10, else linear. */
    record Axis(boolean log, double lo, double hi) {

        static Axis fit(List<Double> values, List<Series> series) {
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, minPositive = min;
            // a zero (the RMSE of the reference run to itself) is left off a log axis, a negative value is not
            boolean pointsPositive = true;
            for (Series s : series) {
                for (Point p : s.points()) {
                    pointsPositive &= p.value() >= 0;
                }
            }
            for (double v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                if (v > 0) {
                    minPositive = Math.min(minPositive, v);
                }
            }
            if (!Double.isFinite(min)) {
                return new Axis(false, 0, 1);
            }
            if (pointsPositive && max > 0 && minPositive < Double.POSITIVE_INFINITY && max / minPositive > 10) {
                return new Axis(true, Math.log10(minPositive) - 0.1, Math.log10(max) + 0.1);
            }
            double lo = Math.min(0, min), hi = max > lo ? max : lo + 1;
            double pad = 0.05 * (hi - lo);
            return new Axis(false, lo == 0 ? 0 : lo - pad, hi + pad);
        }

        boolean drawable(double v) {
            return !log || v > 0;
        }

        double clamp(double v) {
            if (log) {
                return Math.max(v, Math.pow(10, lo));
            }
            return Math.max(lo, Math.min(hi, v));
        }

        double toPixel(double v, int top, int bottom) {
            double t = log ? Math.log10(v) : v;
            return bottom - (t - lo) / (hi - lo) * (bottom - top);
        }

        List<Double> ticks() {
            List<Double> t = new ArrayList<>();
            if (log) {
                for (int e = (int) Math.floor(lo); e <= (int) Math.ceil(hi); e++) {
                    for (int m : hi - lo > 3 ? new int[] {1} : new int[] {1, 2, 5}) {
                        double v = m * Math.pow(10, e);
                        double lv = Math.log10(v);
                        if (lv >= lo && lv <= hi) {
                            t.add(v);
                        }
                    }
                }
                return t;
            }
            double step = niceStep((hi - lo) / 6);
            for (double v = Math.ceil(lo / step) * step; v <= hi + 1e-12; v += step) {
                t.add(Math.abs(v) < step * 1e-9 ? 0 : v);
            }
            return t;
        }

        static double niceStep(double raw) {
            double e = Math.pow(10, Math.floor(Math.log10(raw)));
            double f = raw / e;
            return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * e;
        }

        static String format(double v) {
            if (v == 0) {
                return "0";
            }
            double a = Math.abs(v);
            if (a >= 1000 || a < 1e-3) {
                return String.format(Locale.ROOT, "%.0e", v);
            }
            String s = String.format(Locale.ROOT, a >= 10 ? "%.0f" : a >= 1 ? "%.1f" : "%.3g", v);
            return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        }
    }
}

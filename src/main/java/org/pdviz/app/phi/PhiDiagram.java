package org.pdviz.app.phi;

import java.util.List;
import java.util.Locale;
import org.pdviz.app.draw.Painter;
import org.pdviz.app.draw.Palette;
import org.pdviz.app.i18n.Texts;
import org.pdviz.core.schedule.Schedule;

/**
 * The picture of the paper's Figure 2, live: the plane of x (right) and eps (up), the unit quarter
 * circle z_phi moves on, its tangent v_phi, the model's x_hat, eps_hat and v_hat, and the two
 * samplers' steps as rotations: the teacher's many small angles as a comb on the circle, the
 * student's few big ones as labelled wedges, and both real paths of the chosen sample.
 */
public final class PhiDiagram {

    /** The plane's visible range: v drawn at full length from z needs room on the left. */
    static final double A_MIN = -1.12, A_MAX = 1.38, B_MIN = -0.22, B_MAX = 1.50;

    /** What to draw; any of point and the paths may be null (not computed yet). */
    public record Content(Schedule schedule, double phi, PhiPoint point, RotationPath teacher,
                          RotationPath student, int teacherSteps, int studentSteps, boolean distilled) {
    }

    /** Plane coordinates (a, b) to pixels and back. */
    public record Mapping(double ox, double oy, double scale) {
        public double px(double a) {
            return ox + a * scale;
        }

        public double py(double b) {
            return oy - b * scale;
        }

        public double a(double px) {
            return (px - ox) / scale;
        }

        public double b(double py) {
            return (oy - py) / scale;
        }
    }

    private PhiDiagram() {
    }

    /** The largest mapping that fits the visible range in a surface, centred. */
    public static Mapping mapping(double width, double height) {
        double margin = Math.max(8, Math.min(width, height) * 0.03);
        double scale = Math.min((width - 2 * margin) / (A_MAX - A_MIN), (height - 2 * margin) / (B_MAX - B_MIN));
        double usedW = scale * (A_MAX - A_MIN), usedH = scale * (B_MAX - B_MIN);
        double ox = (width - usedW) / 2 - A_MIN * scale;
        double oy = (height - usedH) / 2 + B_MAX * scale;
        return new Mapping(ox, oy, scale);
    }

    public static void paint(Painter p, Texts t, Content c) {
        Mapping m = mapping(p.width(), p.height());
        double u = m.scale();
        double fs = Math.max(11, u * 0.062);
        p.clear(Palette.BACKGROUND);
        grid(p, m);
        axes(p, m, fs);
        circle(p, m);
        teacherComb(p, t, m, c, fs);
        studentWedges(p, m, c, fs);
        if (c.teacher() != null) {
            path(p, m, c.teacher(), Palette.TEACHER, Math.max(1.5, u * 0.006), false);
        }
        if (c.student() != null) {
            path(p, m, c.student(), Palette.STUDENT, Math.max(2.5, u * 0.011), true);
        }
        current(p, m, c, fs);
        legend(p, t, m, c, fs);
    }

    private static void grid(Painter p, Mapping m) {
        p.color(Palette.GRID);
        p.lineWidth(1);
        p.dashes();
        for (double a = -1.0; a <= A_MAX; a += 0.25) {
            p.line(m.px(a), m.py(B_MIN), m.px(a), m.py(B_MAX));
        }
        for (double b = 0; b <= B_MAX; b += 0.25) {
            p.line(m.px(A_MIN), m.py(b), m.px(A_MAX), m.py(b));
        }
    }

    private static void axes(Painter p, Mapping m, double fs) {
        p.color(Palette.AXIS);
        p.lineWidth(Math.max(1.2, m.scale() * 0.004));
        p.arrow(m.px(A_MIN + 0.02), m.py(0), m.px(A_MAX - 0.02), m.py(0), fs * 0.8);
        p.arrow(m.px(0), m.py(B_MIN + 0.02), m.px(0), m.py(B_MAX - 0.03), fs * 0.8);
        p.font(fs * 1.25, true, true);
        p.text("x", m.px(A_MAX - 0.05), m.py(0) + fs * 1.5, Painter.Anchor.CENTER);
        p.text("\u03b5", m.px(0) - fs * 0.9, m.py(B_MAX - 0.08), Painter.Anchor.CENTER);
        p.font(fs * 0.8, false, false);
        p.color(Palette.MUTED);
        p.text("1", m.px(1), m.py(0) + fs * 1.2, Painter.Anchor.CENTER);
        p.text("1", m.px(0) - fs * 0.5, m.py(1) + fs * 0.3, Painter.Anchor.RIGHT);
        p.text("0", m.px(0) - fs * 0.5, m.py(0) + fs * 1.2, Painter.Anchor.RIGHT);
    }

    private static void circle(Painter p, Mapping m) {
        p.color(Palette.alpha(Palette.CIRCLE, 110));
        p.lineWidth(1);
        p.dashes(3, 5);
        p.polyline(xs(m, -Math.PI / 2, 0, 60), ys(m, -Math.PI / 2, 0, 60), 61);
        p.polyline(xs(m, Math.PI / 2, Math.PI, 60), ys(m, Math.PI / 2, Math.PI, 60), 61);
        p.dashes();
        p.color(Palette.CIRCLE);
        p.lineWidth(Math.max(1.5, m.scale() * 0.006));
        p.polyline(xs(m, 0, Math.PI / 2, 120), ys(m, 0, Math.PI / 2, 120), 121);
    }

    private static double[] xs(Mapping m, double from, double to, int n) {
        double[] out = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            out[i] = m.px(Math.cos(from + (to - from) * i / n));
        }
        return out;
    }

    private static double[] ys(Mapping m, double from, double to, int n) {
        double[] out = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            out[i] = m.py(Math.sin(from + (to - from) * i / n));
        }
        return out;
    }

    /** The teacher's grid angles: one short tick outside the circle per step. */
    private static void teacherComb(Painter p, Texts t, Mapping m, Content c, double fs) {
        int n = c.teacherSteps();
        p.color(Palette.alpha(Palette.TEACHER, n > 128 ? 130 : 220));
        p.lineWidth(n > 128 ? 0.5 : 1.2);
        p.dashes();
        double[] angles = gridAngles(c.schedule(), n);
        for (double phi : angles) {
            double cos = Math.cos(phi), sin = Math.sin(phi);
            p.line(m.px(1.02 * cos), m.py(1.02 * sin), m.px(1.045 * cos), m.py(1.045 * sin));
        }
        double step = (angles[n] - angles[0]) / n;
        double mid = Math.toRadians(62);
        p.font(fs * 0.85, false, false);
        p.color(Palette.TEACHER);
        p.text(t.format("phi.diagram.comb", t.steps(n), degrees(step, 3)), m.px(1.10 * Math.cos(mid)), m.py(1.10 * Math.sin(mid)),
                Painter.Anchor.LEFT);
    }

    /** The angles of the N-step grid, index i at t = i / N (from the data side up). */
    static double[] gridAngles(Schedule s, int n) {
        java.util.List<org.pdviz.core.schedule.NoiseLevel> levels = s.grid(n).levels();
        double[] out = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            out[i] = levels.get(n - i).phi();
        }
        return out;
    }

    /** The student's grid angles: rays from the origin and each wedge's angle. */
    private static void studentWedges(Painter p, Mapping m, Content c, double fs) {
        int n = c.studentSteps();
        p.color(Palette.alpha(Palette.STUDENT, 170));
        p.lineWidth(Math.max(1, m.scale() * 0.003));
        p.dashes(6, 5);
        double[] angles = gridAngles(c.schedule(), n);
        for (double phi : angles) {
            p.line(m.px(0), m.py(0), m.px(Math.cos(phi)), m.py(Math.sin(phi)));
        }
        p.dashes();
        if (n > 16) {
            return;
        }
        p.font(fs * 0.9, true, false);
        double r = 0.84;
        for (int i = 0; i < n; i++) {
            double hi = angles[i + 1], lo = angles[i];
            double midPhi = (hi + lo) / 2;
            String label = degrees(hi - lo, 1);
            double x = m.px(r * Math.cos(midPhi)), y = m.py(r * Math.sin(midPhi));
            double tw = p.textWidth(label);
            p.color(Palette.alpha(Palette.BACKGROUND, 230));
            p.fillRect(x - tw / 2 - 3, y - fs * 0.55, tw + 6, fs * 1.1);
            p.color(Palette.STUDENT);
            p.text(label, x, y + fs * 0.33, Painter.Anchor.CENTER);
        }
    }

    /** Shrinks unit-circle pixel coordinates to radius r about the origin. */
    private static double[] scaled(double[] pixels, Mapping m, double r, boolean isX) {
        double[] out = new double[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = isX ? m.ox() + (pixels[i] - m.ox()) * r : m.oy() + (pixels[i] - m.oy()) * r;
        }
        return out;
    }

    /** A sampling run: each step drawn as its rotation arc (the student's with a dot per state). */
    private static void path(Painter p, Mapping m, RotationPath path, int color, double width, boolean dots) {
        List<RotationStep> steps = path.rotations();
        int per = steps.size() > 64 ? 1 : 24;
        int n = steps.size() * per + 1;
        double[] xs = new double[n], ys = new double[n];
        int k = 0;
        for (RotationStep r : steps) {
            PlanePoint[] arc = r.arc(per);
            for (int i = 0; i < per; i++) {
                xs[k] = m.px(clampA(arc[i].a()));
                ys[k] = m.py(clampB(arc[i].b()));
                k++;
            }
        }
        PlanePoint end = steps.get(steps.size() - 1).end();
        xs[k] = m.px(clampA(end.a()));
        ys[k] = m.py(clampB(end.b()));
        p.color(color);
        p.lineWidth(width);
        p.dashes();
        p.polyline(xs, ys, n);
        if (dots) {
            double r = width * 1.6;
            for (PlanePoint s : path.states()) {
                p.color(Palette.BACKGROUND);
                p.fillOval(m.px(clampA(s.a())), m.py(clampB(s.b())), r + 1.5, r + 1.5);
                p.color(color);
                p.fillOval(m.px(clampA(s.a())), m.py(clampB(s.b())), r, r);
            }
        }
    }

    private static double clampA(double a) {
        return Double.isNaN(a) ? 0 : Math.max(A_MIN, Math.min(A_MAX, a));
    }

    private static double clampB(double b) {
        return Double.isNaN(b) ? 0 : Math.max(B_MIN, Math.min(B_MAX, b));
    }

    private static void current(Painter p, Mapping m, Content c, double fs) {
        double phi = c.phi(), cos = Math.cos(phi), sin = Math.sin(phi);
        double zx = m.px(cos), zy = m.py(sin);
        // alpha and sigma: where z drops onto the axes
        p.color(Palette.MUTED);
        p.lineWidth(1);
        p.dashes(4, 4);
        p.line(zx, zy, zx, m.py(0));
        p.line(zx, zy, m.px(0), zy);
        p.dashes();
        p.font(fs * 0.85, false, true);
        p.text("\u03b1 = cos \u03c6", zx, m.py(0) + fs * 2.4, Painter.Anchor.CENTER);
        p.text("\u03c3 = sin \u03c6", m.px(0) - fs * 0.4, zy - fs * 0.35, Painter.Anchor.RIGHT);
        // the radius and the angle phi
        p.color(Palette.Z);
        p.lineWidth(Math.max(1.5, m.scale() * 0.005));
        p.line(m.px(0), m.py(0), zx, zy);
        double ra = 0.2;
        p.polyline(scaled(xs(m, 0, phi, 24), m, ra, true), scaled(ys(m, 0, phi, 24), m, ra, false), 25);
        p.font(fs, true, false);
        p.text("\u03c6", m.px(0.27 * Math.cos(phi / 2)), m.py(0.27 * Math.sin(phi / 2)) + fs * 0.35,
                Painter.Anchor.CENTER);
        // the true tangent v = dz/dphi, full length
        PlanePoint v = c.point() != null ? c.point().v() : PlanePoint.of(-sin, cos);
        p.color(Palette.V);
        p.lineWidth(Math.max(2, m.scale() * 0.008));
        p.arrow(zx, zy, m.px(cos + v.a()), m.py(sin + v.b()), fs * 0.9);
        p.font(fs, true, true);
        labelBeyond(p, m, cos + v.a(), sin + v.b(), v, "v", fs);
        if (c.point() != null && c.point().hasPredictions()) {
            predictions(p, m, c.point(), fs);
        }
        p.color(Palette.BACKGROUND);
        p.fillOval(zx, zy, fs * 0.55, fs * 0.55);
        p.color(Palette.Z);
        p.fillOval(zx, zy, fs * 0.42, fs * 0.42);
        p.font(fs * 1.05, true, true);
        p.text("z", zx + fs * 0.6 * cos + fs * 0.45, zy - fs * 0.6 * sin - fs * 0.1, Painter.Anchor.LEFT);
    }

    private static void predictions(Painter p, Mapping m, PhiPoint pt, double fs) {
        PlanePoint z = pt.z(), vHat = pt.vHat();
        p.color(Palette.V_HAT);
        p.lineWidth(Math.max(1.5, m.scale() * 0.006));
        p.dashes(7, 5);
        p.arrow(m.px(z.a()), m.py(z.b()), m.px(clampA(z.a() + vHat.a())), m.py(clampB(z.b() + vHat.b())), fs * 0.8);
        p.dashes();
        p.font(fs * 0.95, true, true);
        labelBeyond(p, m, clampA(z.a() + vHat.a()), clampB(z.b() + vHat.b()), vHat, "v\u0302", fs * 0.9);
        dot(p, m, pt.xHat(), Palette.X_HAT, "x\u0302", fs, 1);
        dot(p, m, pt.epsHat(), Palette.EPS_HAT, "\u03b5\u0302", fs, -1);
    }

    private static void dot(Painter p, Mapping m, PlanePoint q, int color, String label, double fs, int side) {
        double x = m.px(clampA(q.a())), y = m.py(clampB(q.b()));
        p.color(Palette.BACKGROUND);
        p.fillOval(x, y, fs * 0.5, fs * 0.5);
        p.color(color);
        p.fillOval(x, y, fs * 0.38, fs * 0.38);
        p.font(fs, true, true);
        p.text(label, x + side * fs * 0.55, y - fs * 0.45, side > 0 ? Painter.Anchor.LEFT : Painter.Anchor.RIGHT);
    }

    /** A label just past the tip of an arrow, in the arrow's direction. */
    private static void labelBeyond(Painter p, Mapping m, double a, double b, PlanePoint dir, String label,
                                    double fs) {
        double n = Math.max(1e-9, dir.norm());
        double x = m.px(a) + dir.a() / n * fs * 0.9, y = m.py(b) - dir.b() / n * fs * 0.9;
        p.text(label, x, y + fs * 0.35, Painter.Anchor.CENTER);
    }

    private static void legend(Painter p, Texts t, Mapping m, Content c, double fs) {
        // bottom left: the one quadrant the arrows never reach
        double x = m.px(A_MIN + 0.04), y = m.py(0.5);
        double dy = fs * 1.35, len = fs * 2.2;
        p.font(fs * 0.85, false, false);
        int row = 0;
        row = legendLine(p, x, y + row * dy, len, Palette.TEACHER, 2, false,
                t.format("phi.diagram.teacher", c.teacherSteps()), row);
        row = legendLine(p, x, y + row * dy, len, Palette.STUDENT, 4, false,
                t.format(c.distilled() ? "phi.diagram.student" : "phi.diagram.plain", c.studentSteps()), row);
        row = legendLine(p, x, y + row * dy, len, Palette.V, 3, false, t.get("phi.diagram.tangent"), row);
        if (c.point() != null && c.point().hasPredictions()) {
            row = legendLine(p, x, y + row * dy, len, Palette.V_HAT, 2.5, true, t.get("phi.diagram.model"), row);
        }
    }

    private static int legendLine(Painter p, double x, double y, double len, int color, double width, boolean dashed,
                                  String text, int row) {
        p.color(color);
        p.lineWidth(width);
        if (dashed) {
            p.dashes(6, 4);
        }
        p.line(x, y - 4, x + len, y - 4);
        p.dashes();
        p.color(Palette.TEXT);
        p.text(text, x + len + 8, y, Painter.Anchor.LEFT);
        return row + 1;
    }

    /** An angle in degrees with the given decimals, e.g. "22.5°". */
    public static String degrees(double radians, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f\u00b0", Math.toDegrees(radians));
    }
}

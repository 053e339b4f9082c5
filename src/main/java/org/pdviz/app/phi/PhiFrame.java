package org.pdviz.app.phi;

import java.util.ArrayList;
import java.util.List;
import org.pdviz.app.draw.Painter;
import org.pdviz.app.draw.Palette;
import org.pdviz.app.i18n.Texts;
import org.pdviz.core.ddim.Frame;
import org.pdviz.core.ddim.Trajectory;
import org.pdviz.core.model.DataShape;

/**
 * What the phi view shows besides the circle, drawn from a session: the four panels z_phi, x_hat,
 * eps_hat, v_hat of the chosen sample and the chosen coordinate's trace. Shared by the view and
 * the exported frames.
 */
public final class PhiFrame {

    /** The four quantities, in the order drawn. */
    public enum Quantity {
        Z("z\u03c6", "phi.quantity.z", Palette.Z),
        X_HAT("x\u0302", "phi.quantity.x_hat", Palette.X_HAT),
        EPS_HAT("\u03b5\u0302", "phi.quantity.eps_hat", Palette.EPS_HAT),
        V_HAT("v\u0302", "phi.quantity.v_hat", Palette.V_HAT);

        private final String symbol;
        private final String titleKey;
        private final int color;

        Quantity(String symbol, String titleKey, int color) {
            this.symbol = symbol;
            this.titleKey = titleKey;
            this.color = color;
        }

        /** Its symbol ("x̂"), the same in every language. */
        public String symbol() {
            return symbol;
        }

        /** Its panel title: the symbol and what it is or how it is made. */
        public String title(Texts t) {
            return t.get(titleKey);
        }

        public int color() {
            return color;
        }
    }

    /** Value range shown black to white: data for z and x_hat, about +-2.5 for the noise-like ones. */
    public static double[] range(Quantity q, double lo, double hi) {
        return switch (q) {
            case Z, X_HAT -> new double[] {lo, hi};
            case EPS_HAT, V_HAT -> new double[] {-2.5, 2.5};
        };
    }

    private PhiFrame() {
    }

    /** The array of a quantity: z from the samples, the others from predictions (null if none). */
    public static float[] values(Quantity q, PhiSamples set, PhiPredictions pred, org.pdviz.core.schedule.NoiseLevel level) {
        return switch (q) {
            case Z -> pred != null ? pred.z() : set.z(level);
            case X_HAT -> pred == null ? null : pred.xHat();
            case EPS_HAT -> pred == null ? null : pred.epsHat();
            case V_HAT -> pred == null ? null : pred.vHat();
        };
    }

    /** One panel; a quantity without predictions yet shows a note instead. */
    public static void panel(Painter p, Texts t, Quantity q, PhiSession session, int index, int sample, int coordinate,
                             PhiPredictions pred) {
        PhiSamples set = session.samples();
        DataShape shape = set.shape();
        float[] data = values(q, set, pred, session.grid().level(index));
        if (data == null) {
            p.clear(Palette.BACKGROUND);
            p.font(Math.max(11, p.height() * 0.06), false, true);
            p.color(Palette.MUTED);
            p.text(t.format("phi.computing", q.symbol()), p.width() / 2, p.height() / 2,
                    Painter.Anchor.CENTER);
            return;
        }
        double lo = session.models().range().lo(), hi = session.models().range().hi();
        double[] r = range(q, lo, hi);
        if (shape.isImage()) {
            SamplePanel.image(p, t, q.title(t), q.color(), data, sample, shape, r[0], r[1], coordinate);
        } else {
            double lim = pointLimit(session);
            List<SamplePanel.Overlay> overlays = q == Quantity.Z ? paths(session, sample) : List.of();
            SamplePanel.points(p, t, q.title(t), q.color(), data, set.count(), set.dim(), sample, -lim, lim, overlays);
        }
    }

    /** The scatter range for 2-D data: wide enough for the noise. */
    public static double pointLimit(PhiSession session) {
        return Math.max(2.5, Math.max(Math.abs(session.models().range().lo()), Math.abs(session.models().range().hi()))
                + 1);
    }

    /** The chosen point's two sampling paths in data space, each step drawn as its rotation arc. */
    static List<SamplePanel.Overlay> paths(PhiSession session, int sample) {
        List<SamplePanel.Overlay> out = new ArrayList<>();
        Trajectory student = session.data().studentRun();
        out.add(arcs(student, sample, Palette.STUDENT, 3.2));
        out.add(arcs(session.data().teacherRun(), sample, Palette.TEACHER, 1.6));
        int dim = student.shape().size(), n = student.frames().size();
        double[] xs = new double[n + 1], ys = new double[n + 1];
        for (int k = 0; k < n; k++) {
            xs[k] = student.frames().get(k).z()[sample * dim];
            ys[k] = student.frames().get(k).z()[sample * dim + 1];
        }
        xs[n] = student.finalSample()[sample * dim];
        ys[n] = student.finalSample()[sample * dim + 1];
        out.add(new SamplePanel.Overlay(Palette.STUDENT, 2.6, xs, ys, false, true));
        return out;
    }

    private static SamplePanel.Overlay arcs(Trajectory run, int sample, int color, double width) {
        int dim = run.shape().size(), off = sample * dim;
        List<Frame> frames = run.frames();
        int per = frames.size() > 64 ? 1 : 16;
        double[] xs = new double[frames.size() * per + 1], ys = new double[xs.length];
        int k = 0;
        for (Frame f : frames) {
            double angle = f.at().phi() - f.to().phi();
            for (int i = 0; i < per; i++) {
                double tau = angle * i / per, c = Math.cos(tau), s = Math.sin(tau);
                xs[k] = c * f.z()[off] - s * f.vHat()[off];
                ys[k] = c * f.z()[off + 1] - s * f.vHat()[off + 1];
                k++;
            }
        }
        xs[k] = run.finalSample()[off];
        ys[k] = run.finalSample()[off + 1];
        return new SamplePanel.Overlay(color, width, xs, ys, true, false);
    }

    /** The chosen coordinate's trace chart. */
    public static void trace(Painter p, Texts t, PhiSession session, int sample, int coordinate, double phi) {
        PhiSamples set = session.samples();
        int j = sample * set.dim() + coordinate;
        DataShape shape = set.shape();
        String where = shape.isImage()
                ? t.format("phi.pixel", (coordinate % (shape.dim(1) * shape.dim(2))) / shape.dim(2),
                        coordinate % shape.dim(2))
                : "x" + (coordinate + 1);
        TraceChart.paint(p, t, where, set.x()[j], set.eps()[j],
                session.teacherTrace(sample, coordinate), session.studentTrace(sample, coordinate), phi);
    }
}

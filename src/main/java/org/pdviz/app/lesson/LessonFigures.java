package org.pdviz.app.lesson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.pdviz.app.draw.Painter;
import org.pdviz.app.draw.Palette;
import org.pdviz.app.draw.Plot;
import org.pdviz.app.i18n.Texts;
import org.pdviz.app.phi.PhiDiagram;
import org.pdviz.app.render.ImageGrid;
import org.pdviz.app.render.Raster;
import org.pdviz.core.ddim.Ddim;
import org.pdviz.core.ddim.DdimSampler;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.ddim.SamplingMonitor;
import org.pdviz.core.ddim.Trajectory;
import org.pdviz.core.distill.DistillTarget;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.model.Denoiser;
import org.pdviz.core.model.DenoiserException;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.param.Predictions;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.core.schedule.NoiseLevel;
import org.pdviz.core.schedule.SamplingGrid;
import org.pdviz.core.schedule.Schedule;
import org.pdviz.core.schedule.TimeGrid;

/**
 * The computed pictures of the lesson: every curve and image comes from core (the schedule, the
 * parameterisations, DDIM, the distillation target, the weights) and real models, none is drawn
 * by hand. Computations return immutable values; painting is separate so it can run on any
 * surface.
 */
public final class LessonFigures {

    private LessonFigures() {
    }

    // ---- intro: the halving ladder -------------------------------------------------------------

    /** The time grids t = i/N of each distillation round, N = 512 down to 1, as rows of ticks. */
    public static void halving(Painter p, Texts tx, int teacherSteps) {
        double w = p.width(), h = p.height(), fs = Math.max(12, Math.min(w, h) * 0.045);
        p.clear(Palette.BACKGROUND);
        List<Integer> ns = new ArrayList<>();
        for (int n = teacherSteps; n >= 1; n /= 2) {
            ns.add(n);
        }
        double left = fs * 6.5, right = w - fs * 1.5, top = fs * 2.2, rowH = (h - top - fs * 2.5) / ns.size();
        p.font(fs, true, false);
        p.color(Palette.TEXT);
        p.text(tx.get("figure.halving.title"), left, fs * 1.3, Painter.Anchor.LEFT);
        for (int r = 0; r < ns.size(); r++) {
            int n = ns.get(r);
            TimeGrid grid = new TimeGrid(n);
            double y = top + (r + 0.5) * rowH;
            boolean teacher = r == 0, student = n == 4;
            int color = teacher ? Palette.TEACHER : student ? Palette.STUDENT : Palette.AXIS;
            p.color(Palette.GRID);
            p.lineWidth(2);
            p.line(left, y, right, y);
            p.color(color);
            p.lineWidth(n > 100 ? 0.6 : n > 20 ? 1.2 : 2.5);
            double tick = rowH * (n > 100 ? 0.28 : 0.36);
            for (double t : grid.times()) {
                double x = left + t * (right - left);
                p.line(x, y - tick, x, y + tick);
            }
            p.font(fs * 0.95, teacher || student, false);
            p.text(String.format(Locale.ROOT, "N = %d", n), left - fs * 0.8, y + fs * 0.35, Painter.Anchor.RIGHT);
        }
        p.font(fs * 0.85, false, false);
        p.color(Palette.MUTED);
        p.text(tx.get("figure.axis.data"), left, h - fs * 0.9, Painter.Anchor.LEFT);
        p.text(tx.get("figure.axis.noise"), right, h - fs * 0.9, Painter.Anchor.RIGHT);
    }

    // ---- 1. the schedule -----------------------------------------------------------------------

    public static void scheduleAlphaSigma(Painter p, Texts tx, CosineSchedule s) {
        double[] t = Plot.range(0, 1, 200);
        double[] a = new double[t.length], sg = new double[t.length], phi = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            NoiseLevel l = s.at(t[i]);
            a[i] = l.alpha();
            sg[i] = l.sigma();
            phi[i] = l.phi() / (Math.PI / 2);
        }
        Plot.paint(p, new Plot.Axes(tx.get("figure.schedule.title"), "t", 0, 1, 0, 1, false, Double.NaN), List.of(
                new Plot.Series("\u03b1 = cos \u03c6", Palette.X_HAT, t, a, 3, false),
                new Plot.Series("\u03c3 = sin \u03c6", Palette.EPS_HAT, t, sg, 3, false),
                new Plot.Series("\u03c6 / 90\u00b0", Palette.MUTED, t, phi, 2, true)));
    }

    public static void scheduleLogSnr(Painter p, Texts tx, CosineSchedule clipped) {
        double[] t = Plot.range(0, 1, 400);
        double[] ideal = new double[t.length], clip = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            ideal[i] = CosineSchedule.IDEAL.logSnr(t[i]);
            clip[i] = clipped.logSnr(t[i]);
        }
        Plot.paint(p, new Plot.Axes(tx.get("curves.axis.logsnr"), "t", 0, 1, -24, 24, false, Double.NaN), List.of(
                new Plot.Series(tx.get("figure.logsnr.ideal"), Palette.MUTED, t, ideal, 2, true),
                new Plot.Series(tx.format("figure.logsnr.clipped", String.format(Locale.ROOT, "[%.0f, %.0f]",
                        clipped.logSnrMin(), clipped.logSnrMax())), Palette.TEACHER, t, clip, 3, false)));
    }

    // ---- 2. z_t --------------------------------------------------------------------------------

    /** z_t = alpha_t x + sigma_t eps at each time, for one sample. */
    public record NoisyRow(DataShape shape, double[] times, List<float[]> z, CosineSchedule schedule) {
        public static NoisyRow of(float[] x, float[] eps, DataShape shape, CosineSchedule s, double... times) {
            List<float[]> zs = new ArrayList<>();
            for (double t : times) {
                NoiseLevel l = s.at(t);
                float[] z = new float[x.length];
                for (int j = 0; j < z.length; j++) {
                    z[j] = (float) Predictions.z(l, x[j], eps[j]);
                }
                zs.add(z);
            }
            return new NoisyRow(shape, times.clone(), zs, s);
        }
    }

    public static void noisyRow(Painter p, NoisyRow row) {
        p.clear(Palette.BACKGROUND);
        int n = row.times().length;
        double w = p.width(), h = p.height(), gap = w * 0.015;
        double cell = Math.min((w - gap * (n + 1)) / n, h * 0.62);
        double fs = Math.max(11, cell * 0.11);
        double y0 = (h - cell - fs * 4.4) / 2;
        for (int i = 0; i < n; i++) {
            double x0 = gap + i * (cell + gap) + (w - n * cell - (n + 1) * gap) / 2;
            NoiseLevel l = row.schedule().at(row.times()[i]);
            image(p, row.z().get(i), row.shape(), -1, 1, x0, y0, cell);
            p.font(fs, true, false);
            p.color(Palette.TEXT);
            p.text(String.format(Locale.ROOT, "t = %.2f", l.t()), x0 + cell / 2, y0 + cell + fs * 1.4,
                    Painter.Anchor.CENTER);
            p.font(fs * 0.9, false, false);
            p.color(Palette.MUTED);
            p.text("\u03c6 = " + PhiDiagram.degrees(l.phi(), 0), x0 + cell / 2, y0 + cell + fs * 2.7, Painter.Anchor.CENTER);
            p.text(String.format(Locale.ROOT, "\u03b1 = %.2f  \u03c3 = %.2f", l.alpha(), l.sigma()), x0 + cell / 2,
                    y0 + cell + fs * 3.9, Painter.Anchor.CENTER);
        }
    }

    static void image(Painter p, float[] data, DataShape shape, double lo, double hi, double x, double y, double side) {
        Raster r = ImageGrid.render(data, 1, shape, lo, hi, new ImageGrid.Layout(1, 1, 0));
        p.image(r.argb(), r.width(), r.height(), x, y, side, side);
    }

    // ---- 3. parameterisations ------------------------------------------------------------------

    /**
     * The same exact prediction written as each parameterisation's output, plus the same small
     * output error, read back into x_hat: {@code xHat[param][time]}.
     */
    public record ParamDemo(DataShape shape, double[] times, double errorScale, List<Parameterization> params,
                            float[][][] xHat, double[][] rmsError) {

        public static ParamDemo compute(Denoiser exact, CosineSchedule s, float[] x, float[] eps, float[] error,
                                        double errorScale, double... times) throws DenoiserException {
            if (exact.parameterization() != Parameterization.X) {
                throw new IllegalArgumentException("the demonstration needs an x-predicting exact model");
            }
            List<Parameterization> params = List.of(Parameterization.X, Parameterization.EPS, Parameterization.V);
            int dim = x.length;
            float[][][] out = new float[params.size()][times.length][];
            double[][] rms = new double[params.size()][times.length];
            for (int k = 0; k < times.length; k++) {
                NoiseLevel l = s.at(times[k]);
                float[] z = new float[dim];
                for (int j = 0; j < dim; j++) {
                    z[j] = (float) Predictions.z(l, x[j], eps[j]);
                }
                float[] xExact = new float[dim];
                exact.predict(z, new float[] {(float) l.position()}, 0, 1, xExact);
                float[] epsExact = new float[dim];
                for (int j = 0; j < dim; j++) {
                    epsExact[j] = (float) ((z[j] - l.alpha() * xExact[j]) / l.sigma());
                }
                for (int q = 0; q < params.size(); q++) {
                    Parameterization param = params.get(q);
                    float[] raw = new float[dim];
                    param.encode(l, xExact, epsExact, raw, dim, 1);
                    Parameterization.Readout r = param.xHat(l);
                    float[] xh = new float[dim];
                    double se = 0;
                    for (int j = 0; j < dim; j++) {
                        double o = raw[j] + errorScale * error[j];
                        xh[j] = (float) r.apply(z[j], o, 0);
                        se += (xh[j] - xExact[j]) * (double) (xh[j] - xExact[j]);
                    }
                    out[q][k] = xh;
                    rms[q][k] = Math.sqrt(se / dim);
                }
            }
            return new ParamDemo(exact.shape(), times.clone(), errorScale, params, out, rms);
        }
    }

    public static void paramGrid(Painter p, Texts tx, ParamDemo d) {
        p.clear(Palette.BACKGROUND);
        int rows = d.params().size(), cols = d.times().length;
        double w = p.width(), h = p.height();
        double fs = Math.max(12, Math.min(w, h) * 0.042);
        p.font(fs * 1.05, true, false);
        double labelW = maxWidth(p, tx, d) + fs;
        double top = fs * 1.9, rowH = (h - top) / rows;
        double cell = Math.max(10, Math.min((w - labelW) / cols * 0.82, rowH - fs * 1.9));
        double gapX = ((w - labelW) - cols * cell) / (cols + 1);
        p.font(fs, true, false);
        p.color(Palette.TEXT);
        for (int c = 0; c < cols; c++) {
            NoiseLevel l = CosineSchedule.CLIPPED.at(d.times()[c]);
            p.text(String.format(Locale.ROOT, "\u03b1 = %s", alphaText(l.alpha())), labelW + gapX + c * (cell + gapX)
                    + cell / 2, fs * 1.2, Painter.Anchor.CENTER);
        }
        for (int r = 0; r < rows; r++) {
            double y = top + r * rowH;
            p.font(fs * 1.05, true, false);
            p.color(r == 1 ? Palette.V : Palette.TEXT);
            p.text(tx.format("figure.param.prediction", d.params().get(r).id()), labelW - fs * 0.4, y + cell / 2,
                    Painter.Anchor.RIGHT);
            p.font(fs * 0.8, false, false);
            p.color(Palette.MUTED);
            p.text(tx.get("figure.param.read_out"), labelW - fs * 0.4, y + cell / 2 + fs * 1.2, Painter.Anchor.RIGHT);
            for (int c = 0; c < cols; c++) {
                double x = labelW + gapX + c * (cell + gapX);
                image(p, d.xHat()[r][c], d.shape(), -1, 1, x, y, cell);
                p.font(fs * 0.8, false, false);
                p.color(d.rmsError()[r][c] > 0.5 ? Palette.V : Palette.MUTED);
                p.text(tx.format("figure.param.error", rms(d.rmsError()[r][c])), x + cell / 2, y + cell + fs * 1.05,
                        Painter.Anchor.CENTER);
            }
        }
    }

    private static String alphaText(double a) {
        return a >= 0.01 ? String.format(Locale.ROOT, "%.2f", a) : String.format(Locale.ROOT, "%.0e", a);
    }

    private static String rms(double v) {
        return v < 100 ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.1e", v);
    }

    /** How much an output error is scaled on its way into x_hat: |d x_hat / d output|, per parameterisation. */
    /** The widest row label of the parameterisation grid. */
    private static double maxWidth(Painter p, Texts tx, ParamDemo d) {
        double w = p.textWidth(tx.get("figure.param.read_out"));
        for (Parameterization q : d.params()) {
            w = Math.max(w, p.textWidth(tx.format("figure.param.prediction", q.id())));
        }
        return w;
    }

    public static void amplification(Painter p, Texts tx, CosineSchedule s) {
        double[] t = Plot.range(0.0, 1.0, 400);
        List<Plot.Series> series = new ArrayList<>();
        int[] colors = {Palette.X_HAT, Palette.V, Palette.TEACHER};
        Parameterization[] ps = {Parameterization.X, Parameterization.EPS, Parameterization.V};
        for (int q = 0; q < 3; q++) {
            double[] y = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                y[i] = Math.abs(ps[q].xHat(s.at(t[i])).first());
            }
            String label = switch (ps[q]) {
                case X -> "x: 1";
                case EPS -> "\u03b5: \u03c3/\u03b1";
                default -> "v: \u03c3";
            };
            series.add(new Plot.Series(label, colors[q], t, y, 3, false));
        }
        Plot.paint(p, new Plot.Axes(tx.get("figure.amplification.title"), "t", 0, 1, 1e-3, 1e5, true,
                Double.NaN), series);
    }

    // ---- 5. few steps --------------------------------------------------------------------------

    /** The same teacher from the same noise with several step counts. */
    public record StepsDemo(DataShape shape, int count, int[] steps, List<float[]> samples, long[] nanos) {

        public static StepsDemo compute(Denoiser teacher, String name, Schedule s, long seed, int count,
                                        SamplingMonitor monitor, int... steps) throws DenoiserException {
            List<float[]> out = new ArrayList<>();
            long[] nanos = new long[steps.length];
            DdimSampler sampler = new DdimSampler(s);
            sampler.warmUp(teacher, count, 3); // so the first timed run does not pay for the engine's first calls
            for (int i = 0; i < steps.length; i++) {
                Trajectory tr = sampler.sample(name, teacher, new SamplerSettings(steps[i], seed, count, null,
                        SamplerSettings.Recording.FINAL), monitor);
                out.add(tr.finalSample());
                nanos[i] = tr.nanos();
            }
            return new StepsDemo(teacher.shape(), count, steps.clone(), out, nanos);
        }
    }

    /** One grid per run, side by side, each titled with its steps and network evaluations. */
    public static void stepsGrids(Painter p, Texts tx, StepsDemo d, String[] titles, int[] colors) {
        p.clear(Palette.BACKGROUND);
        int n = d.steps().length;
        double w = p.width(), h = p.height(), gap = w * 0.03;
        double fs = Math.max(12, Math.min(w, h) * 0.034);
        double side = Math.min((w - gap * (n + 1)) / n, h - fs * 6);
        double y0 = (h - side - fs * 4) / 2 + fs * 2;
        ImageGrid.Layout layout = ImageGrid.Layout.square(d.count(), 1, 1);
        for (int i = 0; i < n; i++) {
            double x0 = gap + i * (side + gap) + (w - n * side - (n + 1) * gap) / 2;
            fitted(p, titles[i], fs * 1.1, true, side);
            p.color(colors[i]);
            p.text(titles[i], x0 + side / 2, y0 - fs * 0.7, Painter.Anchor.CENTER);
            if (d.shape().isImage()) {
                Raster r = ImageGrid.render(d.samples().get(i), d.count(), d.shape(), -1, 1, layout);
                p.image(r.argb(), r.width(), r.height(), x0, y0, side, side * r.height() / r.width());
            }
            String sub = tx.format("figure.steps.sub", d.steps()[i], String.format(Locale.ROOT, "%.2f", d.nanos()[i] / 1e9));
            fitted(p, sub, fs * 0.85, false, side);
            p.color(Palette.MUTED);
            p.text(sub, x0 + side / 2, y0 + side + fs * 1.3, Painter.Anchor.CENTER);
        }
    }

    /** Sets a font no larger than {@code size} at which the text fits in {@code width}. */
    static void fitted(Painter p, String text, double size, boolean bold, double width) {
        p.font(size, bold, false);
        double tw = p.textWidth(text);
        if (tw > width) {
            p.font(Math.max(8, size * width / tw), bold, false);
        }
    }

    // ---- 6. the distillation target ------------------------------------------------------------

    /**
     * One training example of Algorithm 2: z_t, the teacher's two DDIM steps to z_t' and z_t'', the
     * target x_tilde, and the student's single step from z_t with x_tilde.
     */
    public record TargetDemo(DataShape shape, DistillTarget.Times times, int studentSteps, float[] zT, float[] xHat1,
                             float[] zPrime, float[] zDoublePrime, float[] xTilde, float[] studentStep,
                             double maxDifference) {

        /**
         * Student step i of n: t = i/n to t'' = (i-1)/n, the teacher's two steps on its 2n-step grid
         * (which holds the n-step grid, for the cosine schedule and for trailing timesteps alike).
         */
        public static TargetDemo compute(Denoiser teacher, Schedule s, float[] x, float[] eps, int i, int n)
                throws DenoiserException {
            DistillTarget.Times times = DistillTarget.Times.of(i, n);
            SamplingGrid fine = s.grid(2 * n);
            int p = 2 * (n - i);
            NoiseLevel lt = fine.from(p), ltp = fine.from(p + 1), ltpp = times.isFinal() ? fine.last() : fine.from(p + 2);
            int dim = x.length;
            float[] zT = new float[dim];
            for (int j = 0; j < dim; j++) {
                zT[j] = (float) Predictions.z(lt, x[j], eps[j]);
            }
            float[] xHat1 = xHat(teacher, zT, lt);
            float[] zPrime = new float[dim];
            Ddim.step(lt, ltp, zT, xHat1, zPrime, 0, dim);
            float[] xHat2 = xHat(teacher, zPrime, ltp);
            float[] zpp = new float[dim];
            if (times.isFinal()) {
                System.arraycopy(xHat2, 0, zpp, 0, dim);
            } else {
                Ddim.step(ltp, ltpp, zPrime, xHat2, zpp, 0, dim);
            }
            float[] xTilde = new float[dim];
            DistillTarget.Coefficients c = DistillTarget.coefficients(lt, ltpp);
            for (int j = 0; j < dim; j++) {
                xTilde[j] = times.isFinal() ? xHat2[j] : (float) c.apply(zpp[j], zT[j]);
            }
            float[] student = new float[dim];
            if (times.isFinal()) {
                System.arraycopy(xTilde, 0, student, 0, dim);
            } else {
                Ddim.step(lt, ltpp, zT, xTilde, student, 0, dim);
            }
            double max = 0;
            for (int j = 0; j < dim; j++) {
                max = Math.max(max, Math.abs(student[j] - zpp[j]));
            }
            return new TargetDemo(teacher.shape(), times, n, zT, xHat1, zPrime, zpp, xTilde, student, max);
        }

        private static float[] xHat(Denoiser teacher, float[] z, NoiseLevel l) throws DenoiserException {
            Parameterization p = teacher.parameterization();
            int dim = z.length;
            float[] out = new float[dim * p.outputFactor()];
            teacher.predict(z, new float[] {(float) l.position()}, 0, 1, out);
            float[] xh = new float[dim], eh = new float[dim], vh = new float[dim];
            Predictions.readOut(p, l, z, 0, out, 0, dim, null, xh, eh, vh, 0);
            return xh;
        }
    }

    public static void target(Painter p, Texts tx, TargetDemo d) {
        p.clear(Palette.BACKGROUND);
        double w = p.width(), h = p.height();
        String[] titles = {"z\u209c", tx.get("figure.target.teacher_x"), "z\u209c\u2032", "z\u209c\u2033",
            tx.get("figure.target.target"), tx.get("figure.target.student")};
        String[] subs = {
            String.format(Locale.ROOT, "t = %.3f", d.times().t()),
            tx.get("figure.target.first_step"),
            String.format(Locale.ROOT, "t\u2032 = %.3f", d.times().tPrime()),
            String.format(Locale.ROOT, "t\u2033 = %.3f", d.times().tDoublePrime()),
            tx.get("figure.target.learns"),
            tx.get("figure.target.from")};
        float[][] imgs = {d.zT(), d.xHat1(), d.zPrime(), d.zDoublePrime(), d.xTilde(), d.studentStep()};
        int[] colors = {Palette.Z, Palette.TEACHER, Palette.TEACHER, Palette.TEACHER, Palette.STUDENT, Palette.STUDENT};
        int cols = 3;
        double gap = w * 0.03;
        double fs = Math.max(12, Math.min(w, h) * 0.03);
        double side = Math.min((w - gap * (cols + 1)) / cols, (h - fs * 9.5) / 2);
        double rowH = side + fs * 3.6;
        double top = (h - 2 * rowH - fs * 2.4) / 2 + fs * 1.4;
        for (int k = 0; k < 6; k++) {
            int r = k / cols, c = k % cols;
            double x0 = (w - cols * side - (cols - 1) * gap) / 2 + c * (side + gap);
            double y0 = top + r * rowH + fs * 1.3;
            p.font(fs * 1.05, true, false);
            p.color(colors[k]);
            p.text(titles[k], x0 + side / 2, y0 - fs * 0.5, Painter.Anchor.CENTER);
            image(p, imgs[k], d.shape(), -1, 1, x0, y0, side);
            p.font(fs * 0.85, false, false);
            p.color(Palette.MUTED);
            p.text(subs[k], x0 + side / 2, y0 + side + fs * 1.2, Painter.Anchor.CENTER);
        }
        p.font(fs, true, false);
        p.color(d.maxDifference() < 1e-3 ? Palette.X_HAT : Palette.V);
        p.text(tx.format("figure.target.difference", String.format(Locale.ROOT, "%.1e", d.maxDifference())), w / 2, h - fs * 0.8, Painter.Anchor.CENTER);
    }

    // ---- 7. loss weights -----------------------------------------------------------------------

    public static void weights(Painter p, Texts tx, CosineSchedule s) {
        double[] t = Plot.range(0.0, 1.0, 400);
        List<Plot.Series> series = new ArrayList<>();
        int[] colors = {Palette.V, Palette.TEACHER, Palette.STUDENT};
        String[] labels = {tx.get("figure.weights.snr"), tx.get("figure.weights.truncated"), tx.get("figure.weights.plus_one")};
        Weighting[] ws = {Weighting.SNR, Weighting.TRUNCATED_SNR, Weighting.SNR_PLUS_ONE};
        for (int q = 0; q < 3; q++) {
            double[] y = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                y[i] = ws[q].weight(s.at(t[i]));
            }
            series.add(new Plot.Series(labels[q], colors[q], t, y, q == 0 ? 3 : 2.5, q == 2));
        }
        Plot.paint(p, new Plot.Axes(tx.get("figure.weights.title"), "t", 0, 1, 1e-3, 1e4,
                true, Double.NaN), series);
    }

    /** A copy of one sample's values. */
    public static float[] sample(float[] batch, int i, int dim) {
        return Arrays.copyOfRange(batch, i * dim, (i + 1) * dim);
    }
}

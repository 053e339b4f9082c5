package org.pdviz.app.curves;

import java.util.List;
import org.pdviz.app.i18n.Texts;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.core.schedule.DiscreteSchedule;
import org.pdviz.core.schedule.NoiseLevel;
import org.pdviz.core.schedule.Schedule;

/**
 * A schedule's curves against t, every value from {@code core.schedule} and {@link Weighting}:
 * alpha_t and sigma_t; the schedule's log-SNR ({@link #LOG_SNR_CLIPPED}: the cosine schedule
 * clipped to its bounds, or a discrete schedule's timesteps) beside the ideal cosine form (infinite
 * at both ends); the SNR and the loss weights on the x-error (SNR, truncated SNR, SNR+1). A discrete
 * schedule's curves have one point per timestep k, at {@code t = (k + 1) / T} (and its data end at
 * t = 0); {@code timesteps} is then T, else 0.
 */
public record ScheduleCurves(double[] t, List<Curve> curves, int timesteps) {

    /**
     * One curve; {@code values} may hold infinities where the ideal schedule diverges. Its name is a
     * text ({@code labelKey}; {0} is the clipped log-SNR range, e.g. [-20, 20], or a discrete
     * schedule's T).
     */
    public record Curve(String id, String labelKey, String range, double[] values) {
        public String label(Texts t) {
            return t.format(labelKey, range);
        }
    }

    public static final String ALPHA = "alpha";
    public static final String SIGMA = "sigma";
    public static final String LOG_SNR_IDEAL = "logSnr-ideal";
    public static final String LOG_SNR_CLIPPED = "logSnr-clipped";
    public static final String SNR = "snr";

    /** The cosine schedule at {@code points} equally spaced times, a discrete one at its timesteps. */
    public static ScheduleCurves of(Schedule schedule, int points) {
        if (schedule instanceof DiscreteSchedule d) {
            double[] t = new double[d.timesteps() + 1];
            for (int i = 0; i < t.length; i++) {
                t[i] = (double) i / d.timesteps();
            }
            return build(t, i -> d.level(i - 1), "curves.logsnr.discrete", Integer.toString(d.timesteps()),
                    d.timesteps());
        }
        CosineSchedule c = (CosineSchedule) schedule;
        if (points < 2) {
            throw new IllegalArgumentException("need at least 2 points, got " + points);
        }
        double[] t = new double[points];
        for (int i = 0; i < points; i++) {
            t[i] = (double) i / (points - 1);
        }
        return build(t, i -> c.at(t[i]), "curves.logsnr.clipped", String.format("[%.0f, %.0f]", c.logSnrMin(),
                c.logSnrMax()), 0);
    }

    /** @param arg the labels' {0}: the clipped range, or T */
    private static ScheduleCurves build(double[] t, java.util.function.IntFunction<NoiseLevel> level, String logSnrKey,
                                        String arg, int timesteps) {
        int n = t.length;
        double[] alpha = new double[n], sigma = new double[n], ideal = new double[n], logSnr = new double[n],
                snr = new double[n], truncated = new double[n], plusOne = new double[n];
        for (int i = 0; i < n; i++) {
            NoiseLevel l = level.apply(i);
            alpha[i] = l.alpha();
            sigma[i] = l.sigma();
            logSnr[i] = l.logSnr();
            ideal[i] = CosineSchedule.IDEAL.logSnr(t[i]);
            snr[i] = l.snr();
            truncated[i] = Weighting.TRUNCATED_SNR.weight(l);
            plusOne[i] = Weighting.SNR_PLUS_ONE.weight(l);
        }
        return new ScheduleCurves(t, List.of(
                new Curve(ALPHA, "curves.alpha", arg, alpha),
                new Curve(SIGMA, "curves.sigma", arg, sigma),
                new Curve(LOG_SNR_IDEAL, "curves.logsnr.ideal", arg, ideal),
                new Curve(LOG_SNR_CLIPPED, logSnrKey, arg, logSnr),
                new Curve(SNR, "curves.snr", arg, snr),
                new Curve(Weighting.TRUNCATED_SNR.id(), "curves.truncated", arg, truncated),
                new Curve(Weighting.SNR_PLUS_ONE.id(), "curves.plus_one", arg, plusOne)), timesteps);
    }

    public Curve curve(String id) {
        return curves.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no curve '" + id + "'"));
    }
}

package org.pdviz.app.curves;

import java.util.List;
import org.pdviz.app.i18n.Texts;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.core.schedule.NoiseLevel;

/**
 * The schedule's curves against t, every value from {@link CosineSchedule} and {@link Weighting}:
 * alpha_t and sigma_t; log-SNR in the ideal (infinite at both ends) and the clipped form; the SNR
 * and the loss weights on the x-error (SNR, truncated SNR, SNR+1).
 */
public record ScheduleCurves(double[] t, List<Curve> curves) {

    /**
     * One curve; {@code values} may hold infinities where the ideal schedule diverges. Its name is a
     * text ({@code labelKey}; {0} is the clipped log-SNR range, e.g. [-20, 20]).
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

    /** {@code points} equally spaced times from 0 to 1, the clipped schedule {@code clipped}. */
    public static ScheduleCurves of(CosineSchedule clipped, int points) {
        if (points < 2) {
            throw new IllegalArgumentException("need at least 2 points, got " + points);
        }
        double[] t = new double[points];
        double[] alpha = new double[points], sigma = new double[points], ideal = new double[points],
                logSnr = new double[points], snr = new double[points], truncated = new double[points],
                plusOne = new double[points];
        for (int i = 0; i < points; i++) {
            t[i] = (double) i / (points - 1);
            NoiseLevel l = clipped.at(t[i]);
            alpha[i] = l.alpha();
            sigma[i] = l.sigma();
            logSnr[i] = l.logSnr();
            ideal[i] = CosineSchedule.IDEAL.logSnr(t[i]);
            snr[i] = l.snr();
            truncated[i] = Weighting.TRUNCATED_SNR.weight(l);
            plusOne[i] = Weighting.SNR_PLUS_ONE.weight(l);
        }
        String range = String.format("[%.0f, %.0f]", clipped.logSnrMin(), clipped.logSnrMax());
        return new ScheduleCurves(t, List.of(
                new Curve(ALPHA, "curves.alpha", range, alpha),
                new Curve(SIGMA, "curves.sigma", range, sigma),
                new Curve(LOG_SNR_IDEAL, "curves.logsnr.ideal", range, ideal),
                new Curve(LOG_SNR_CLIPPED, "curves.logsnr.clipped", range, logSnr),
                new Curve(SNR, "curves.snr", range, snr),
                new Curve(Weighting.TRUNCATED_SNR.id(), "curves.truncated", range, truncated),
                new Curve(Weighting.SNR_PLUS_ONE.id(), "curves.plus_one", range, plusOne)));
    }

    public Curve curve(String id) {
        return curves.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no curve '" + id + "'"));
    }
}

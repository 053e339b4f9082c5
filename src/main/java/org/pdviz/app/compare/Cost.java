package org.pdviz.app.compare;

import java.util.Locale;
import org.pdviz.app.sampling.SampledRun;

/**
 * What a sampler costs, to set beside the reference's: network evaluations per sample and the
 * steady-state wall time of the run. The lesson is in the two ratios side by side ("4 evaluations
 * instead of 512: 128x fewer; and 120x faster on this machine").
 */
public record Cost(int evaluations, long nanos) {

    public static Cost of(SampledRun run) {
        return new Cost(run.trajectory().evaluationsPerSample(), run.wall().nanos());
    }

    /** How many times fewer network evaluations than the reference needs. */
    public double fewerEvaluations(Cost reference) {
        return reference.evaluations / (double) evaluations;
    }

    /** How many times less wall time than the reference takes. */
    public double faster(Cost reference) {
        return reference.nanos / (double) Math.max(1, nanos);
    }

    /** A ratio as "128x", "12x", "1.5x", "0.97x". */
    public static String times(double ratio) {
        return number(ratio) + "x";
    }

    /** The number of {@link #times}: "128", "12", "1.5", "0.97" (a language may say "times" in words). */
    public static String number(double ratio) {
        return String.format(Locale.ROOT, ratio >= 9.95 ? "%.0f" : ratio >= 0.995 ? "%.1f" : "%.2f", ratio);
    }
}

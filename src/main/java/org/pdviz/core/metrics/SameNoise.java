package org.pdviz.core.metrics;

/**
 * Same-noise closeness: for samples a_i and b_i generated from the same starting noise z_1 (by
 * two models, or one model with two step counts), the per-sample root mean square difference
 * {@code rmse_i = sqrt(mean_j (a_ij - b_ij)^2)}. This is what distillation optimises: a student
 * should land where its teacher lands from the same noise, not merely on the same distribution.
 */
public final class SameNoise {

    private SameNoise() {
    }

    /** rmse_i for each sample pair. */
    public static double[] perSample(SampleSet a, SampleSet b) {
        SampleSet.sameDim(a, b);
        if (a.count() != b.count()) {
            throw new IllegalArgumentException("same-noise comparison needs paired sets, got " + a.count() + " and "
                    + b.count() + " samples");
        }
        int n = a.count(), d = a.dim();
        float[] x = a.values(), y = b.values();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double diff = x[i * d + j] - y[i * d + j];
                s += diff * diff;
            }
            out[i] = Math.sqrt(s / d);
        }
        return out;
    }

    /** Mean over samples of the per-sample RMSE (the number the comparison and the trainer show). */
    public static double mean(SampleSet a, SampleSet b) {
        double s = 0;
        double[] rmse = perSample(a, b);
        for (double r : rmse) {
            s += r;
        }
        return s / rmse.length;
    }

    /** Mean per-sample RMSE with a bootstrap interval over the pairs. */
    public static Estimate estimate(SampleSet a, SampleSet b, Bootstrap bootstrap) {
        double[] rmse = perSample(a, b);
        return bootstrap.oneSample(rmse.length, idx -> {
            double s = 0;
            for (int i : idx) {
                s += rmse[i];
            }
            return s / idx.length;
        });
    }
}

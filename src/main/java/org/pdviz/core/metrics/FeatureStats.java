package org.pdviz.core.metrics;

/**
 * Mean and covariance of a set of feature vectors, the Gaussian that FID fits. The covariance is
 * the unbiased one (divided by n - 1), as in the reference FID code (numpy.cov).
 */
public record FeatureStats(double[] mean, double[][] covariance, int count) {

    public static FeatureStats of(SampleSet s) {
        return of(s, Bootstrap.identity(s.count()));
    }

    /** Statistics of the rows {@code indices} of {@code s} (repeats allowed: a bootstrap resample). */
    public static FeatureStats of(SampleSet s, int[] indices) {
        int d = s.dim(), n = indices.length;
        if (n < 2) {
            throw new IllegalArgumentException("a covariance needs at least 2 samples, got " + n);
        }
        float[] x = s.values();
        double[] mean = new double[d];
        for (int i : indices) {
            int o = i * d;
            for (int j = 0; j < d; j++) {
                mean[j] += x[o + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] cov = new double[d][d];
        double[] c = new double[d];
        for (int i : indices) {
            int o = i * d;
            for (int j = 0; j < d; j++) {
                c[j] = x[o + j] - mean[j];
            }
            for (int j = 0; j < d; j++) {
                double cj = c[j];
                double[] row = cov[j];
                for (int k = j; k < d; k++) {
                    row[k] += cj * c[k];
                }
            }
        }
        for (int j = 0; j < d; j++) {
            for (int k = j; k < d; k++) {
                cov[j][k] /= n - 1;
                cov[k][j] = cov[j][k];
            }
        }
        return new FeatureStats(mean, cov, n);
    }

    public int dim() {
        return mean.length;
    }
}

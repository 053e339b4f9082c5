package org.pdviz.core.metrics;

/**
 * The Fréchet distance between two Gaussians fitted to feature sets (FID when the features are a
 * classifier's): {@code |mu1 - mu2|^2 + Tr(C1 + C2 - 2 (C1^1/2 C2 C1^1/2)^1/2)}. The trace of the
 * square root is the sum of the square roots of the eigenvalues of {@code C1^1/2 C2 C1^1/2}
 * (symmetric positive semi-definite), both from {@link SymmetricEigen}.
 */
public final class FrechetDistance {

    private FrechetDistance() {
    }

    public static double between(FeatureStats a, FeatureStats b) {
        return of(a.mean(), a.covariance(), b.mean(), b.covariance());
    }

    /** The distance between N(mu1, c1) and N(mu2, c2), clamped at 0 against rounding. */
    public static double of(double[] mu1, double[][] c1, double[] mu2, double[][] c2) {
        int d = mu1.length;
        if (mu2.length != d || c1.length != d || c2.length != d) {
            throw new IllegalArgumentException("Gaussians of different dimension: " + d + " and " + mu2.length);
        }
        double meanTerm = 0, trace = 0;
        for (int i = 0; i < d; i++) {
            double diff = mu1[i] - mu2[i];
            meanTerm += diff * diff;
            trace += c1[i][i] + c2[i][i];
        }
        double[][] s = SymmetricEigen.sqrtPsd(c1);
        double[][] m = multiply(multiply(s, c2), s);
        double traceSqrt = 0;
        for (double l : SymmetricEigen.valuesOf(m)) {
            traceSqrt += Math.sqrt(Math.max(l, 0));
        }
        return Math.max(0, meanTerm + trace - 2 * traceSqrt);
    }

    /** FID of two feature sets with a bootstrap interval (both sets resampled). */
    public static Estimate estimate(SampleSet a, SampleSet b, Bootstrap bootstrap) {
        SampleSet.sameDim(a, b);
        double value = between(FeatureStats.of(a), FeatureStats.of(b));
        return bootstrap.twoSample(value, a.count(), b.count(),
                (ia, ib) -> between(FeatureStats.of(a, ia), FeatureStats.of(b, ib)));
    }

    static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length, m = y[0].length, k = y.length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] row = out[i];
            for (int l = 0; l < k; l++) {
                double xil = x[i][l];
                if (xil == 0) {
                    continue;
                }
                double[] yl = y[l];
                for (int j = 0; j < m; j++) {
                    row[j] += xil * yl[j];
                }
            }
        }
        return out;
    }
}

package org.pdviz.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KernelDistanceTest {

    static SampleSet gaussian(Random rng, int n, int d, double shift, double scale) {
        float[] v = new float[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (shift + scale * rng.nextGaussian());
        }
        return new SampleSet(v, d);
    }

    /** The unbiased MMD^2 written out with explicit loops, and its biased (V-statistic) twin. */
    static double[] bruteForce(SampleSet x, SampleSet y) {
        int m = x.count(), n = y.count(), d = x.dim();
        double kxx = 0, kxxDiag = 0, kyy = 0, kyyDiag = 0, kxy = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double k = Math.pow(dot(x, i, x, j, d) / d + 1, 3);
                kxx += i == j ? 0 : k;
                kxxDiag += k;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double k = Math.pow(dot(y, i, y, j, d) / d + 1, 3);
                kyy += i == j ? 0 : k;
                kyyDiag += k;
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                kxy += Math.pow(dot(x, i, y, j, d) / d + 1, 3);
            }
        }
        double unbiased = kxx / (m * (m - 1.0)) + kyy / (n * (n - 1.0)) - 2 * kxy / ((double) m * n);
        double biased = kxxDiag / ((double) m * m) + kyyDiag / ((double) n * n) - 2 * kxy / ((double) m * n);
        return new double[] {unbiased, biased};
    }

    private static double dot(SampleSet a, int i, SampleSet b, int j, int d) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            s += (double) a.value(i, k) * b.value(j, k);
        }
        return s;
    }

    @Test
    void matchesTheUnbiasedEstimatorWrittenOut() {
        Random rng = new Random(1);
        SampleSet x = gaussian(rng, 30, 5, 0, 1), y = gaussian(rng, 30, 5, 0.3, 1.2);
        assertEquals(bruteForce(x, y)[0], new KernelDistance(10, 1000, 0).value(x, y), 1e-5);
    }

    @Test
    void isUnbiasedForTwoSamplesOfOneDistribution() {
        // the biased V-statistic is positive on average; the unbiased one averages to 0
        Random rng = new Random(2);
        int reps = 60;
        double[] u = new double[reps], v = new double[reps];
        KernelDistance kid = new KernelDistance(1, 1000, 0);
        for (int r = 0; r < reps; r++) {
            SampleSet x = gaussian(rng, 40, 6, 0, 1), y = gaussian(rng, 40, 6, 0, 1);
            u[r] = kid.value(x, y);
            v[r] = bruteForce(x, y)[1];
        }
        double meanU = mean(u), seU = Math.sqrt(variance(u) / reps);
        double meanV = mean(v), seV = Math.sqrt(variance(v) / reps);
        assertTrue(Math.abs(meanU) < 3 * seU, "unbiased mean " + meanU + " +- " + seU);
        assertTrue(meanV > 6 * seV, "biased mean " + meanV + " +- " + seV);
    }

    @Test
    void growsWithShiftAndScaleAndIntervalsSeparate() {
        Random rng = new Random(3);
        SampleSet base = gaussian(rng, 400, 8, 0, 1);
        KernelDistance kid = new KernelDistance(5, 200, 0);
        double prev = Double.NEGATIVE_INFINITY;
        for (double shift : new double[] {0, 0.1, 0.3, 0.6}) {
            double k = kid.value(base, gaussian(new Random(4), 400, 8, shift, 1));
            assertTrue(k > prev, "shift " + shift + ": " + k);
            prev = k;
        }
        Bootstrap boot = new Bootstrap(40, 0.95, 1);
        Estimate same = kid.estimate(base, gaussian(new Random(5), 400, 8, 0, 1), boot);
        Estimate far = kid.estimate(base, gaussian(new Random(5), 400, 8, 0, 1.5), boot);
        assertTrue(same.contains(0) || Math.abs(same.value()) < same.width(), same.toString());
        assertTrue(same.hi() < far.lo(), same + " vs " + far);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double variance(double[] v) {
        double m = mean(v), s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }
}

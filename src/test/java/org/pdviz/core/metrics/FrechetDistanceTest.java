package org.pdviz.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {

    @Test
    void diagonalCovariancesMatchTheClosedForm() {
        // commuting covariances: |mu1 - mu2|^2 + sum (sqrt(a_i) - sqrt(b_i))^2
        double[] mu1 = {0, 1, 2}, mu2 = {0.5, 1, 0};
        double[] a = {1, 4, 0.25}, b = {9, 1, 0.25};
        double expected = 0.25 + 4 + Math.pow(1 - 3, 2) + Math.pow(2 - 1, 2);
        assertEquals(expected, FrechetDistance.of(mu1, diag(a), mu2, diag(b)), 1e-12);
    }

    @Test
    void nonCommutingTwoByTwoMatchesTheClosedForm() {
        // for 2x2 PSD M, Tr sqrt(M) = sqrt(Tr M + 2 sqrt(det M)); with M = C1^1/2 C2 C1^1/2,
        // Tr M = Tr(C1 C2) and det M = det C1 det C2
        double[][] c1 = {{2, 0.8}, {0.8, 1}}, c2 = {{0.5, -0.3}, {-0.3, 1.5}};
        double[] mu1 = {1, -1}, mu2 = {0, 0.5};
        double trC1C2 = c1[0][0] * c2[0][0] + c1[0][1] * c2[1][0] + c1[1][0] * c2[0][1] + c1[1][1] * c2[1][1];
        double det = (c1[0][0] * c1[1][1] - c1[0][1] * c1[1][0]) * (c2[0][0] * c2[1][1] - c2[0][1] * c2[1][0]);
        double expected = 1 + 2.25 + (2 + 1) + (0.5 + 1.5) - 2 * Math.sqrt(trC1C2 + 2 * Math.sqrt(det));
        assertEquals(expected, FrechetDistance.of(mu1, c1, mu2, c2), 1e-12);
        assertEquals(expected, FrechetDistance.of(mu2, c2, mu1, c1), 1e-12);
    }

    @Test
    void isSymmetricAndZeroForTheSameGaussianInManyDimensions() {
        Random rng = new Random(4);
        int d = 40;
        double[][] c1 = randomSpd(rng, d), c2 = randomSpd(rng, d);
        double[] mu1 = new double[d], mu2 = new double[d];
        double ab = FrechetDistance.of(mu1, c1, mu2, c2), ba = FrechetDistance.of(mu2, c2, mu1, c1);
        assertTrue(ab > 1);
        assertEquals(ab, ba, 1e-9 * ab);
        assertEquals(0, FrechetDistance.of(mu1, c1, mu1, c1), 1e-9);
    }

    @Test
    void sampleEstimateConvergesToTheGaussiansDistance() {
        // features drawn from N(mu, L L^T): FID of large samples approaches the closed form
        Random rng = new Random(5);
        double[][] l1 = {{1, 0, 0}, {0.5, 0.8, 0}, {0, -0.3, 0.4}};
        double[][] l2 = {{0.7, 0, 0}, {0, 1.2, 0}, {0.6, 0, 0.5}};
        double[] mu1 = {0, 0, 0}, mu2 = {0.3, 0, -0.2};
        SampleSet a = gaussian(rng, 40_000, mu1, l1), b = gaussian(rng, 40_000, mu2, l2);
        double expected = FrechetDistance.of(mu1, FrechetDistance.multiply(l1, transpose(l1)), mu2,
                FrechetDistance.multiply(l2, transpose(l2)));
        double actual = FrechetDistance.between(FeatureStats.of(a), FeatureStats.of(b));
        assertEquals(expected, actual, 0.02 * expected + 1e-3);
    }

    @Test
    void moreShiftMeansMoreDistanceAndTheIntervalIsReproducible() {
        Random rng = new Random(6);
        double[][] l = {{1, 0}, {0.3, 0.6}};
        SampleSet a = gaussian(rng, 800, new double[] {0, 0}, l);
        double prev = -1;
        for (double shift : new double[] {0, 0.1, 0.3, 1}) {
            SampleSet b = gaussian(new Random(7), 800, new double[] {shift, 0}, l);
            double fd = FrechetDistance.between(FeatureStats.of(a), FeatureStats.of(b));
            assertTrue(fd > prev, "shift " + shift + ": " + fd + " after " + prev);
            prev = fd;
        }
        Bootstrap boot = new Bootstrap(50, 0.9, 3);
        SampleSet b = gaussian(new Random(7), 800, new double[] {1, 0}, l);
        Estimate e = FrechetDistance.estimate(a, b, boot);
        assertEquals(e, FrechetDistance.estimate(a, b, boot));
        assertTrue(e.lo() < e.hi() && e.width() < 0.5 * e.value(), e.toString());
    }

    static double[][] diag(double[] v) {
        double[][] m = new double[v.length][v.length];
        for (int i = 0; i < v.length; i++) {
            m[i][i] = v[i];
        }
        return m;
    }

    static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    static double[][] randomSpd(Random rng, int d) {
        double[][] x = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = rng.nextGaussian() / Math.sqrt(d);
            }
        }
        return FrechetDistance.multiply(x, transpose(x));
    }

    static SampleSet gaussian(Random rng, int n, double[] mu, double[][] l) {
        int d = mu.length;
        float[] v = new float[n * d];
        double[] g = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                g[j] = rng.nextGaussian();
            }
            for (int r = 0; r < d; r++) {
                double s = mu[r];
                for (int c = 0; c < d; c++) {
                    s += l[r][c] * g[c];
                }
                v[i * d + r] = (float) s;
            }
        }
        return new SampleSet(v, d);
    }
}

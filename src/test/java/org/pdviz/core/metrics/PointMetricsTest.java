package org.pdviz.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pdviz.core.data.PointSets;

/** Sliced Wasserstein and energy distance on 2-D point sets. */
class PointMetricsTest {

    private static final SlicedWasserstein SWD = new SlicedWasserstein(64, 1);
    private static final EnergyDistance ENERGY = new EnergyDistance(0);

    static SampleSet gaussians8(long seed, int n) {
        return new SampleSet(PointSets.GAUSSIANS8.sample(new Random(seed), n), 2);
    }

    static SampleSet shifted(SampleSet s, double dx, double dy) {
        float[] v = s.values().clone();
        for (int i = 0; i < v.length; i += 2) {
            v[i] += (float) dx;
            v[i + 1] += (float) dy;
        }
        return new SampleSet(v, 2);
    }

    static SampleSet noisy(SampleSet s, double sigma, long seed) {
        Random rng = new Random(seed);
        float[] v = s.values().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += (float) (sigma * rng.nextGaussian());
        }
        return new SampleSet(v, 2);
    }

    @Test
    void identicalSetsScoreZero() {
        SampleSet a = gaussians8(1, 500);
        assertEquals(0, SWD.distance(a, a), 0);
        assertEquals(0, ENERGY.distance(a, a), 1e-12);
    }

    @Test
    void aShiftedCopyIsAtShiftOverRootTwo() {
        // every projection of a shifted copy is shifted by delta . theta, and the mean of cos^2 over
        // evenly spaced angles is exactly 1/2
        SampleSet a = gaussians8(2, 300);
        for (double[] d : new double[][] {{0.1, 0}, {0.3, -0.4}, {0, 1}}) {
            double norm = Math.hypot(d[0], d[1]);
            assertEquals(norm / Math.sqrt(2), SWD.distance(a, shifted(a, d[0], d[1])), 1e-5);
        }
    }

    @Test
    void oneDimensionalW2OfUnequalSetsByHand() {
        // quantiles of {0, 1} and {0, 0.5, 1} differ by 0.5 on (1/3, 2/3): 0.25 * 1/3
        assertEquals(1.0 / 12, SlicedWasserstein.squaredW2Sorted(new double[] {0, 1}, new double[] {0, 0.5, 1}),
                1e-15);
        // equal sizes pair the order statistics
        assertEquals((1 + 4 + 0) / 3.0, SlicedWasserstein.squaredW2Sorted(new double[] {0, 1, 5},
                new double[] {1, 3, 5}), 1e-15);
        // a set against two copies of itself: same distribution
        double[] x = {-1, 0.2, 0.7};
        assertEquals(0, SlicedWasserstein.squaredW2Sorted(x, new double[] {-1, -1, 0.2, 0.2, 0.7, 0.7}), 1e-15);
    }

    @Test
    void repeatCountsActAsRepeatedValues() {
        // the bootstrap's counts: {a0, a1 x3, a3 x2} against {b0 x2, b2}
        double[] a = {-1, 0.5, 0.7, 2}, b = {0, 0.1, 0.9};
        int[] wa = {1, 3, 0, 2}, wb = {2, 0, 1};
        double[] ea = {-1, 0.5, 0.5, 0.5, 2, 2}, eb = {0, 0, 0.9};
        assertEquals(SlicedWasserstein.squaredW2Sorted(ea, eb), SlicedWasserstein.squaredW2Sorted(a, wa, b, wb),
                1e-15);
    }

    @Test
    void energyDistanceMatchesCramersIntegralInOneDimension() {
        // in 1-D, 2 E|X-Y| - E|X-X'| - E|Y-Y'| = 2 * integral (F(x) - G(x))^2 dx
        Random rng = new Random(3);
        float[] a = new float[40], b = new float[55];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) (0.5 + 2 * rng.nextGaussian());
        }
        float[] all = new float[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        Arrays.sort(all);
        double integral = 0;
        for (int k = 0; k + 1 < all.length; k++) {
            double x = all[k];
            double f = count(a, x) / (double) a.length, g = count(b, x) / (double) b.length;
            integral += (f - g) * (f - g) * ((double) all[k + 1] - all[k]);
        }
        assertEquals(2 * integral, ENERGY.distance(new SampleSet(a, 1), new SampleSet(b, 1)), 1e-5);
        // two single points: 2 |x - y|
        assertEquals(2 * 5, ENERGY.distance(new SampleSet(new float[] {0, 0}, 2),
                new SampleSet(new float[] {3, 4}, 2)), 1e-6);
    }

    private static int count(float[] v, double x) {
        int c = 0;
        for (float f : v) {
            if (f <= x) {
                c++;
            }
        }
        return c;
    }

    @Test
    void moreShiftOrMoreNoiseScoresWorse() {
        SampleSet truth = gaussians8(10, 800), fresh = gaussians8(11, 800);
        double swdPrev = -1, energyPrev = -1;
        for (double shift : new double[] {0, 0.05, 0.1, 0.2, 0.4}) {
            SampleSet s = shifted(fresh, shift, 0);
            double swd = SWD.distance(truth, s), energy = ENERGY.distance(truth, s);
            assertTrue(swd > swdPrev && energy > energyPrev, "shift " + shift + ": " + swd + ", " + energy);
            swdPrev = swd;
            energyPrev = energy;
        }
        swdPrev = -1;
        energyPrev = -1;
        for (double sigma : new double[] {0, 0.1, 0.2, 0.4}) {
            SampleSet s = noisy(fresh, sigma, 12);
            double swd = SWD.distance(truth, s), energy = ENERGY.distance(truth, s);
            assertTrue(swd > swdPrev && energy > energyPrev, "noise " + sigma + ": " + swd + ", " + energy);
            swdPrev = swd;
            energyPrev = energy;
        }
    }

    @Test
    void intervalsAreSeededAndSeparateNearFromFar() {
        SampleSet truth = gaussians8(20, 600), near = gaussians8(21, 600), far = noisy(gaussians8(22, 600), 0.4, 1);
        Bootstrap boot = new Bootstrap(60, 0.95, 9);
        Estimate n1 = SWD.estimate(truth, near, boot), f1 = SWD.estimate(truth, far, boot);
        assertEquals(n1, SWD.estimate(truth, near, boot), "same seed, same interval");
        assertNotEquals(n1, SWD.estimate(truth, near, boot.withSeed(10)));
        assertEquals(SWD.distance(truth, near), n1.value(), 0);
        assertTrue(n1.hi() < f1.lo(), n1 + " vs " + f1);
        Estimate n2 = ENERGY.estimate(truth, near, boot), f2 = ENERGY.estimate(truth, far, boot);
        assertTrue(n2.hi() < f2.lo(), n2 + " vs " + f2);
        assertEquals(ENERGY.distance(truth, near), n2.value(), 1e-12);
    }

    @Test
    void mismatchedDimensionsAreRejected() {
        SampleSet a = new SampleSet(new float[4], 2), b = new SampleSet(new float[3], 3);
        assertThrows(IllegalArgumentException.class, () -> SWD.distance(a, b));
        assertThrows(IllegalArgumentException.class, () -> new SampleSet(new float[5], 2));
    }
}

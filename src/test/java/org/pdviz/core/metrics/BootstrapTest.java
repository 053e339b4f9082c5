package org.pdviz.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void intervalOfAMeanMatchesTheNormalTheory() {
        Random rng = new Random(1);
        int n = 400;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextGaussian();
        }
        Estimate e = new Bootstrap(2000, 0.95, 7).oneSample(n, idx -> {
            double s = 0;
            for (int i : idx) {
                s += x[i];
            }
            return s / idx.length;
        });
        double mean = KernelDistanceTest.mean(x), se = Math.sqrt(KernelDistanceTest.variance(x) / n);
        assertEquals(mean, e.value(), 1e-12);
        assertEquals(mean - 1.96 * se, e.lo(), 0.15 * se);
        assertEquals(mean + 1.96 * se, e.hi(), 0.15 * se);
    }

    @Test
    void theSeedFixesTheResamples() {
        Bootstrap.OneSample first = idx -> idx[0];
        Bootstrap b = new Bootstrap(10, 0.8, 3);
        assertEquals(b.oneSample(1000, first), b.oneSample(1000, first));
        assertNotEquals(b.oneSample(1000, first), b.withSeed(4).oneSample(1000, first));
    }

    @Test
    void quantilesInterpolateAsNumpy() {
        double[] sorted = {1, 2, 3, 4};
        assertEquals(1, Bootstrap.quantile(sorted, 0), 0);
        assertEquals(4, Bootstrap.quantile(sorted, 1), 0);
        assertEquals(2.5, Bootstrap.quantile(sorted, 0.5), 1e-15);
        assertEquals(1.075, Bootstrap.quantile(sorted, 0.025), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(1, 0.9, 0));
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(10, 1, 0));
    }

    @Test
    void sameNoiseRmseIsPerSampleThenAveraged() {
        SampleSet a = new SampleSet(new float[] {0, 0, 1, 1, 2, -2}, 2);
        SampleSet b = new SampleSet(new float[] {0, 0, 1, 3, 2, -2.5f}, 2);
        // sample 1 differs by 2 in one of two coordinates: sqrt(4 / 2); sample 2 by 0.5: sqrt(0.25 / 2)
        assertArrayEquals(new double[] {0, Math.sqrt(2), Math.sqrt(0.125)}, SameNoise.perSample(a, b), 1e-7);
        Estimate e = SameNoise.estimate(a, b, new Bootstrap(100, 0.9, 1));
        assertEquals((Math.sqrt(2) + Math.sqrt(0.125)) / 3, e.value(), 1e-7);
        assertEquals(e.value(), SameNoise.mean(a, b), 1e-15);
        assertEquals(0, SameNoise.estimate(a, a, new Bootstrap(10, 0.9, 1)).hi(), 0);
        // a constant offset c on every value gives c for every sample
        SampleSet c = PointMetricsTest.shifted(a, 0.25, 0.25);
        for (double r : SameNoise.perSample(a, c)) {
            assertEquals(0.25, r, 1e-6);
        }
        assertThrows(IllegalArgumentException.class, () -> SameNoise.perSample(a, new SampleSet(new float[4], 2)));
    }
}

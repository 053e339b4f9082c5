package org.pdviz.core.metrics;

import java.util.Random;

/**
 * Energy distance (Székely and Rizzo) between two sample sets:
 * {@code 2 E|X - Y| - E|X - X'| - E|Y - Y'|} with Euclidean norms, each expectation the plain mean
 * over all pairs (V-statistic). It needs no kernel or bandwidth, is zero for identical sets and
 * positive otherwise (it is the squared distance between the two empirical distributions'
 * characteristic functions under a fixed weight). Pairwise distances are computed once
 * (sets larger than {@link #MAX_SAMPLES} are subsampled to that size, seeded), so bootstrap
 * replicates only re-index them.
 */
public record EnergyDistance(long seed) {

    public static final int MAX_SAMPLES = 4096;

    public double distance(SampleSet a, SampleSet b) {
        Pairwise p = new Pairwise(cap(a, 1), cap(b, 2));
        return p.energy(Bootstrap.identity(p.na), Bootstrap.identity(p.nb));
    }

    public Estimate estimate(SampleSet a, SampleSet b, Bootstrap bootstrap) {
        Pairwise p = new Pairwise(cap(a, 1), cap(b, 2));
        return bootstrap.twoSample(p.na, p.nb, p::energy);
    }

    private SampleSet cap(SampleSet s, long salt) {
        if (s.count() <= MAX_SAMPLES) {
            return s;
        }
        return s.rows(Subsets.withoutReplacement(new Random(seed ^ salt), s.count(), MAX_SAMPLES));
    }

    /** The three distance matrices, as floats (3 x 4096^2 floats at most). */
    private static final class Pairwise {
        final int na, nb;
        final float[] aa, bb, ab;

        Pairwise(SampleSet a, SampleSet b) {
            SampleSet.sameDim(a, b);
            na = a.count();
            nb = b.count();
            aa = distances(a, a);
            bb = distances(b, b);
            ab = distances(a, b);
        }

        private static float[] distances(SampleSet x, SampleSet y) {
            int n = x.count(), m = y.count(), d = x.dim();
            float[] xs = x.values(), ys = y.values();
            float[] out = new float[n * m];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double s = 0;
                    for (int k = 0; k < d; k++) {
                        double diff = xs[i * d + k] - ys[j * d + k];
                        s += diff * diff;
                    }
                    out[i * m + j] = (float) Math.sqrt(s);
                }
            }
            return out;
        }

        double energy(int[] ia, int[] ib) {
            return 2 * mean(ab, nb, ia, ib) - mean(aa, na, ia, ia) - mean(bb, nb, ib, ib);
        }

        private static double mean(float[] dist, int cols, int[] rows, int[] colsIdx) {
            double s = 0;
            for (int i : rows) {
                int o = i * cols;
                double r = 0;
                for (int j : colsIdx) {
                    r += dist[o + j];
                }
                s += r;
            }
            return s / ((double) rows.length * colsIdx.length);
        }
    }
}

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
        return p.energy(Bootstrap.ones(p.na), Bootstrap.ones(p.nb));
    }

    public Estimate estimate(SampleSet a, SampleSet b, Bootstrap bootstrap) {
        Pairwise p = new Pairwise(cap(a, 1), cap(b, 2));
        return bootstrap.twoSample(p.na, p.nb, (ia, ib) -> p.energy(Bootstrap.counts(ia, p.na),
                Bootstrap.counts(ib, p.nb)));
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

        /** The energy distance of the resample that holds sample i ca[i] (cb[i]) times. */
        double energy(int[] ca, int[] cb) {
            return 2 * mean(ab, ca, cb) - mean(aa, ca, ca) - mean(bb, cb, cb);
        }

        private static double mean(float[] dist, int[] rows, int[] cols) {
            int m = cols.length;
            double s = 0;
            long totalRows = 0, totalCols = 0;
            for (int c : cols) {
                totalCols += c;
            }
            for (int i = 0; i < rows.length; i++) {
                if (rows[i] == 0) {
                    continue;
                }
                totalRows += rows[i];
                int o = i * m;
                double r = 0;
                for (int j = 0; j < m; j++) {
                    r += cols[j] * dist[o + j];
                }
                s += rows[i] * r;
            }
            return s / ((double) totalRows * totalCols);
        }
    }
}

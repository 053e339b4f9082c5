package org.pdviz.core.metrics;

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
        PairMatrices m = distances(a, b);
        return energy(m, Bootstrap.ones(m.na()), Bootstrap.ones(m.nb()));
    }

    public Estimate estimate(SampleSet a, SampleSet b, Bootstrap bootstrap) {
        PairMatrices m = distances(a, b);
        return bootstrap.twoSample(m.na(), m.nb(), (ia, ib) -> energy(m, Bootstrap.counts(ia, m.na()),
                Bootstrap.counts(ib, m.nb())));
    }

    /** The three distance matrices, as floats (3 x 4096^2 floats at most). */
    private PairMatrices distances(SampleSet a, SampleSet b) {
        return PairMatrices.of(a.atMost(MAX_SAMPLES, seed ^ 1), b.atMost(MAX_SAMPLES, seed ^ 2),
                EnergyDistance::euclidean);
    }

    static double euclidean(float[] x, int xo, float[] y, int yo, int d) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            double diff = x[xo + k] - y[yo + k];
            s += diff * diff;
        }
        return Math.sqrt(s);
    }

    /** The energy distance of the resample that holds sample i ca[i] (cb[i]) times. */
    private static double energy(PairMatrices m, int[] ca, int[] cb) {
        return 2 * mean(m.ab(), ca, cb) - mean(m.aa(), ca, ca) - mean(m.bb(), cb, cb);
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

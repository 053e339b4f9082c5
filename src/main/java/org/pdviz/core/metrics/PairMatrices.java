package org.pdviz.core.metrics;

/**
 * A function of two samples over sets A and B, computed once for every pair: {@code aa} (A x A),
 * {@code bb} (B x B) and {@code ab} (A x B), row-major, as floats. Two-sample statistics then
 * re-index these for every bootstrap replicate or subset.
 */
record PairMatrices(int na, int nb, float[] aa, float[] bb, float[] ab) {

    /** f(x row at xo, y row at yo), both of length d. */
    interface Pair {
        double of(float[] x, int xo, float[] y, int yo, int d);
    }

    static PairMatrices of(SampleSet a, SampleSet b, Pair f) {
        SampleSet.sameDim(a, b);
        return new PairMatrices(a.count(), b.count(), matrix(a, a, f), matrix(b, b, f), matrix(a, b, f));
    }

    private static float[] matrix(SampleSet x, SampleSet y, Pair f) {
        int n = x.count(), m = y.count(), d = x.dim();
        float[] xs = x.values(), ys = y.values();
        float[] out = new float[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                out[i * m + j] = (float) f.of(xs, i * d, ys, j * d, d);
            }
        }
        return out;
    }
}

package org.pdviz.core.metrics;

import java.util.Random;

/**
 * KID (Bińkowski et al. 2018): the unbiased estimate of the squared maximum mean discrepancy with
 * the cubic polynomial kernel {@code k(x, y) = (x . y / d + 1)^3}, averaged over {@code subsets}
 * random subsets of {@code min(subsetSize, nA, nB)} samples of each set (drawn without
 * replacement, seeded). Unbiased: its expectation is 0 when both sets come from one distribution,
 * so small negative values happen.
 *
 * <p>Sets larger than {@link #MAX_SAMPLES} are subsampled to that size (seeded) and the kernel
 * matrices computed once. Bootstrap replicates resample both sets with replacement and average
 * {@code ceil(n / subset size)} subsets, leaving out pairs of copies of the same sample from the
 * within-set sums (they would bias the U-statistic up).
 */
public record KernelDistance(int subsets, int subsetSize, long seed) {

    public static final int MAX_SAMPLES = 2048;
    public static final KernelDistance DEFAULT = new KernelDistance(100, 1000, 0);

    public KernelDistance {
        if (subsets < 1 || subsetSize < 2) {
            throw new IllegalArgumentException("KID needs at least 1 subset of at least 2 samples, got " + subsets
                    + " of " + subsetSize);
        }
    }

    public double value(SampleSet a, SampleSet b) {
        return grams(a, b).value();
    }

    public Estimate estimate(SampleSet a, SampleSet b, Bootstrap bootstrap) {
        Grams g = grams(a, b);
        double value = g.value();
        int s = g.subsetSize(), rounds = (Math.max(g.na, g.nb) + s - 1) / s;
        Random rng = new Random(bootstrap.seed());
        double[] reps = new double[bootstrap.replicates()];
        for (int r = 0; r < reps.length; r++) {
            double sum = 0;
            for (int k = 0; k < rounds; k++) {
                sum += g.mmd2(Bootstrap.resampleOf(rng, g.na, s), Bootstrap.resampleOf(rng, g.nb, s));
            }
            reps[r] = sum / rounds;
        }
        return bootstrap.interval(value, reps);
    }

    /** The cubic polynomial kernel. */
    public static double kernel(float[] x, int xo, float[] y, int yo, int d) {
        double dot = 0;
        for (int k = 0; k < d; k++) {
            dot += (double) x[xo + k] * y[yo + k];
        }
        double base = dot / d + 1;
        return base * base * base;
    }

    private Grams grams(SampleSet a, SampleSet b) {
        return new Grams(PairMatrices.of(a.atMost(MAX_SAMPLES, seed ^ 1), b.atMost(MAX_SAMPLES, seed ^ 2),
                KernelDistance::kernel));
    }

    /** The kernel matrices, computed once; subsets and bootstrap replicates re-index them. */
    private final class Grams {
        final PairMatrices m;
        final int na, nb;

        Grams(PairMatrices m) {
            this.m = m;
            na = m.na();
            nb = m.nb();
        }

        int subsetSize() {
            return Math.min(subsetSize, Math.min(na, nb));
        }

        double value() {
            int s = subsetSize();
            if (s == na && s == nb) {
                // every subset would be the whole of both sets
                return mmd2(Bootstrap.identity(na), Bootstrap.identity(nb));
            }
            Random rng = new Random(seed);
            double sum = 0;
            for (int k = 0; k < subsets; k++) {
                sum += mmd2(Subsets.withoutReplacement(rng, na, s), Subsets.withoutReplacement(rng, nb, s));
            }
            return sum / subsets;
        }

        /** Unbiased MMD^2 over the given rows; within a set, pairs of the same original row are skipped. */
        double mmd2(int[] ia, int[] ib) {
            return within(m.aa(), na, ia) + within(m.bb(), nb, ib) - 2 * across(ia, ib);
        }

        private double within(float[] k, int n, int[] idx) {
            double s = 0;
            long pairs = 0;
            for (int i = 0; i < idx.length; i++) {
                int o = idx[i] * n;
                for (int j = 0; j < idx.length; j++) {
                    if (idx[j] != idx[i]) {
                        s += k[o + idx[j]];
                        pairs++;
                    }
                }
            }
            return pairs == 0 ? 0 : s / pairs;
        }

        private double across(int[] ia, int[] ib) {
            float[] ab = m.ab();
            double s = 0;
            for (int i : ia) {
                int o = i * nb;
                for (int j : ib) {
                    s += ab[o + j];
                }
            }
            return s / ((double) ia.length * ib.length);
        }
    }
}

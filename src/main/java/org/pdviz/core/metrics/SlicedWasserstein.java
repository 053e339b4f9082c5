package org.pdviz.core.metrics;

import java.util.Random;

/**
 * Sliced Wasserstein distance SW_2 between two sample sets: the root mean over {@code projections}
 * unit directions theta of the squared 2-Wasserstein distance between the 1-D projections
 * {@code theta . x}. Each 1-D distance is exact for the two empirical distributions (quantile
 * functions compared over [0, 1], so the sets may differ in size).
 *
 * <p>Directions are seeded: in 2-D, the angles {@code pi (k + u) / P}, k = 0..P-1, with one uniform
 * offset {@code u} from {@code java.util.Random(seed)} (stratified, so few projections suffice; a
 * shift delta gives exactly |delta| / sqrt 2 as P grows); in more dimensions, normalised Gaussian
 * vectors from the same generator.
 */
public record SlicedWasserstein(int projections, long seed) {

    public static final SlicedWasserstein DEFAULT = new SlicedWasserstein(128, 0);

    public SlicedWasserstein {
        if (projections < 1) {
            throw new IllegalArgumentException("projections must be at least 1, got " + projections);
        }
    }

    /** The unit directions, {@code projections x dim}. */
    public double[][] directions(int dim) {
        Random rng = new Random(seed);
        double[][] dirs = new double[projections][dim];
        if (dim == 2) {
            double u = rng.nextDouble();
            for (int k = 0; k < projections; k++) {
                double angle = Math.PI * (k + u) / projections;
                dirs[k][0] = Math.cos(angle);
                dirs[k][1] = Math.sin(angle);
            }
            return dirs;
        }
        for (int k = 0; k < projections; k++) {
            double norm = 0;
            for (int j = 0; j < dim; j++) {
                dirs[k][j] = rng.nextGaussian();
                norm += dirs[k][j] * dirs[k][j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < dim; j++) {
                dirs[k][j] /= norm;
            }
        }
        return dirs;
    }

    public double distance(SampleSet a, SampleSet b) {
        SampleSet.sameDim(a, b);
        double[][] dirs = directions(a.dim());
        Sorted pa = new Sorted(a, dirs), pb = new Sorted(b, dirs);
        return fromProjections(pa, pb, Bootstrap.ones(a.count()), Bootstrap.ones(b.count()));
    }

    /**
     * With a bootstrap interval. The projections are sorted once; a resample is a count per
     * original sample, and its sorted projection is the sorted original with each value repeated
     * that many times, so a replicate costs O(projections x n) instead of a sort.
     */
    public Estimate estimate(SampleSet a, SampleSet b, Bootstrap bootstrap) {
        SampleSet.sameDim(a, b);
        double[][] dirs = directions(a.dim());
        Sorted pa = new Sorted(a, dirs), pb = new Sorted(b, dirs);
        return bootstrap.twoSample(a.count(), b.count(), (ia, ib) -> fromProjections(pa, pb,
                Bootstrap.counts(ia, a.count()), Bootstrap.counts(ib, b.count())));
    }

    /** The projections of a set on every direction, each sorted, with the sample each value came from. */
    private static final class Sorted {
        final double[][] values;
        final int[][] order;

        Sorted(SampleSet s, double[][] dirs) {
            int n = s.count(), d = s.dim();
            float[] x = s.values();
            values = new double[dirs.length][n];
            order = new int[dirs.length][n];
            Integer[] idx = new Integer[n];
            double[] proj = new double[n];
            for (int k = 0; k < dirs.length; k++) {
                double[] theta = dirs[k];
                for (int i = 0; i < n; i++) {
                    double dot = 0;
                    for (int j = 0; j < d; j++) {
                        dot += theta[j] * x[i * d + j];
                    }
                    proj[i] = dot;
                    idx[i] = i;
                }
                java.util.Arrays.sort(idx, (p, q) -> Double.compare(proj[p], proj[q]));
                for (int r = 0; r < n; r++) {
                    order[k][r] = idx[r];
                    values[k][r] = proj[idx[r]];
                }
            }
        }
    }

    private static double fromProjections(Sorted pa, Sorted pb, int[] countsA, int[] countsB) {
        int na = pa.values[0].length, nb = pb.values[0].length;
        int[] wa = new int[na], wb = new int[nb];
        double sum = 0;
        for (int k = 0; k < pa.values.length; k++) {
            for (int r = 0; r < na; r++) {
                wa[r] = countsA[pa.order[k][r]];
            }
            for (int r = 0; r < nb; r++) {
                wb[r] = countsB[pb.order[k][r]];
            }
            sum += squaredW2Sorted(pa.values[k], wa, pb.values[k], wb);
        }
        return Math.sqrt(sum / pa.values.length);
    }

    /**
     * W_2^2 between the empirical distributions of two sorted samples: the integral over u in [0, 1]
     * of (F_a^-1(u) - F_b^-1(u))^2, with both quantile functions piecewise constant. Breakpoints are
     * compared as integers (i/n against j/m), so equal sizes pair the order statistics exactly.
     */
    public static double squaredW2Sorted(double[] a, double[] b) {
        return squaredW2Sorted(a, Bootstrap.ones(a.length), b, Bootstrap.ones(b.length));
    }

    /** As {@link #squaredW2Sorted(double[], double[])} with integer weights (repeat counts; zeros allowed). */
    static double squaredW2Sorted(double[] a, int[] wa, double[] b, int[] wb) {
        long totalA = 0, totalB = 0;
        for (int w : wa) {
            totalA += w;
        }
        for (int w : wb) {
            totalB += w;
        }
        int i = next(wa, 0), j = next(wb, 0);
        long cumA = wa[i], cumB = wb[j], u = 0;
        double total = 0;
        while (i < a.length && j < b.length) {
            long nextA = cumA * totalB, nextB = cumB * totalA;
            long end = Math.min(nextA, nextB);
            double diff = a[i] - b[j];
            total += (end - u) * diff * diff;
            u = end;
            if (nextA == end) {
                i = next(wa, i + 1);
                cumA += i < a.length ? wa[i] : 0;
            }
            if (nextB == end) {
                j = next(wb, j + 1);
                cumB += j < b.length ? wb[j] : 0;
            }
        }
        return total / ((double) totalA * totalB);
    }

    /** The first index from {@code from} with a non-zero weight (or the length). */
    private static int next(int[] w, int from) {
        int i = from;
        while (i < w.length && w[i] == 0) {
            i++;
        }
        return i;
    }
}

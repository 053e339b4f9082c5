package org.pdviz.core.metrics;

import java.util.Arrays;
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
        double[][] pa = project(a, dirs), pb = project(b, dirs);
        return fromProjections(pa, pb, Bootstrap.identity(a.count()), Bootstrap.identity(b.count()));
    }

    public Estimate estimate(SampleSet a, SampleSet b, Bootstrap bootstrap) {
        SampleSet.sameDim(a, b);
        double[][] dirs = directions(a.dim());
        double[][] pa = project(a, dirs), pb = project(b, dirs);
        return bootstrap.twoSample(a.count(), b.count(), (ia, ib) -> fromProjections(pa, pb, ia, ib));
    }

    private static double[][] project(SampleSet s, double[][] dirs) {
        int n = s.count(), d = s.dim();
        float[] x = s.values();
        double[][] out = new double[dirs.length][n];
        for (int k = 0; k < dirs.length; k++) {
            double[] theta = dirs[k];
            double[] row = out[k];
            for (int i = 0; i < n; i++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += theta[j] * x[i * d + j];
                }
                row[i] = dot;
            }
        }
        return out;
    }

    private static double fromProjections(double[][] pa, double[][] pb, int[] ia, int[] ib) {
        double sum = 0;
        double[] a = new double[ia.length], b = new double[ib.length];
        for (int k = 0; k < pa.length; k++) {
            for (int i = 0; i < ia.length; i++) {
                a[i] = pa[k][ia[i]];
            }
            for (int i = 0; i < ib.length; i++) {
                b[i] = pb[k][ib[i]];
            }
            Arrays.sort(a);
            Arrays.sort(b);
            sum += squaredW2Sorted(a, b);
        }
        return Math.sqrt(sum / pa.length);
    }

    /**
     * W_2^2 between the empirical distributions of two sorted samples: the integral over u in [0, 1]
     * of (F_a^-1(u) - F_b^-1(u))^2, with both quantile functions piecewise constant. Breakpoints are
     * compared as integers (i/n against j/m), so equal sizes pair the order statistics exactly.
     */
    public static double squaredW2Sorted(double[] a, double[] b) {
        int n = a.length, m = b.length;
        long denom = (long) n * m, u = 0;
        int i = 0, j = 0;
        double total = 0;
        while (i < n && j < m) {
            long nextA = (long) (i + 1) * m, nextB = (long) (j + 1) * n;
            long next = Math.min(nextA, nextB);
            double diff = a[i] - b[j];
            total += (next - u) * diff * diff;
            u = next;
            if (nextA == next) {
                i++;
            }
            if (nextB == next) {
                j++;
            }
        }
        return total / denom;
    }
}

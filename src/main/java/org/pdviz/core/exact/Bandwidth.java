package org.pdviz.core.exact;

import java.util.Arrays;
import java.util.Random;

/**
 * The default std S of the Gaussian put on every point of a data set (the exact teacher from
 * points): {@code S = median_j d_3(x_j) / (2 sqrt(D))}, where {@code d_3(x)} is the distance from a
 * point to its third-nearest other point (repeats of the same point skipped) and D the number of
 * coordinates. A component's typical reach is {@code S sqrt(D)}, half the distance to its nearby
 * points: neighbouring components overlap, so a curve of points becomes a smooth ridge as thin as
 * the points allow, instead of a string of beads (too small) or a blur (Scott's rule, which assumes
 * one blob, smears rings and letters). The median runs over at most 2,000 seeded points, so the cost
 * is at most 2,000 N distances.
 */
public final class Bandwidth {

    public static final int NEIGHBOUR = 3;
    static final int MAX_QUERIES = 2000;

    private Bandwidth() {
    }

    public static double of(float[] points, int dim) {
        int n = points.length / dim;
        if (n < 2) {
            throw new IllegalArgumentException("the bandwidth rule needs at least 2 points, got " + n
                    + "; give --std S");
        }
        int[] queries = queries(n);
        double[] dk = new double[queries.length];
        int found = 0;
        double[] nearest = new double[NEIGHBOUR];
        for (int q : queries) {
            Arrays.fill(nearest, Double.POSITIVE_INFINITY);
            for (int j = 0; j < n; j++) {
                double d2 = 0;
                for (int c = 0; c < dim; c++) {
                    double diff = points[q * dim + c] - points[j * dim + c];
                    d2 += diff * diff;
                }
                if (d2 > 0 && d2 < nearest[NEIGHBOUR - 1]) {
                    int i = NEIGHBOUR - 1;
                    while (i > 0 && nearest[i - 1] > d2) {
                        nearest[i] = nearest[i - 1];
                        i--;
                    }
                    nearest[i] = d2;
                }
            }
            // with fewer distinct neighbours than k, the farthest one found
            for (int i = NEIGHBOUR - 1; i >= 0; i--) {
                if (Double.isFinite(nearest[i])) {
                    dk[found++] = Math.sqrt(nearest[i]);
                    break;
                }
            }
        }
        if (found == 0) {
            throw new IllegalArgumentException("all points are equal: the bandwidth rule has no distances; give --std S");
        }
        double[] d = Arrays.copyOf(dk, found);
        Arrays.sort(d);
        double median = found % 2 == 1 ? d[found / 2] : (d[found / 2 - 1] + d[found / 2]) / 2;
        return median / (2 * Math.sqrt(dim));
    }

    private static int[] queries(int n) {
        if (n <= MAX_QUERIES) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        Random rng = new Random(0xBA4D_317L);
        int[] q = new int[MAX_QUERIES];
        for (int i = 0; i < q.length; i++) {
            q[i] = rng.nextInt(n);
        }
        return q;
    }
}

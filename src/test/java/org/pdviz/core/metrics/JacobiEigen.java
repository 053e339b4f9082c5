package org.pdviz.core.metrics;

/**
 * An independent eigendecomposition for the tests: the cyclic Jacobi method (plane rotations zero
 * one off-diagonal entry at a time until the off-diagonal part vanishes). A different algorithm
 * from {@link SymmetricEigen}'s Householder + QL, and about ten times slower at n = 128.
 *
 * @param values  eigenvalues, descending
 * @param vectors {@code vectors[k]} is the unit eigenvector of {@code values[k]}
 */
record JacobiEigen(double[] values, double[][] vectors) {

    private static final int MAX_SWEEPS = 60;

    /** Decomposes {@code a} (not modified); only its upper triangle is read. */
    static JacobiEigen of(double[][] a) {
        return run(a, true);
    }

    /** The eigenvalues only (descending): a third cheaper, no eigenvectors accumulated. */
    static double[] valuesOf(double[][] a) {
        return run(a, false).values;
    }

    private static JacobiEigen run(double[][] input, boolean wantVectors) {
        int n = input.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (input[i].length != n) {
                throw new IllegalArgumentException("not a square matrix: row " + i + " has " + input[i].length
                        + " entries, expected " + n);
            }
            for (int j = i; j < n; j++) {
                double v = input[i][j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("matrix entry (" + i + ", " + j + ") is " + v);
                }
                a[i][j] = v;
                a[j][i] = v;
            }
        }
        // rows of vt are the eigenvectors, so that each rotation updates two contiguous rows
        double[][] vt = wantVectors ? identity(n) : null;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0, diag = 0;
            for (int p = 0; p < n; p++) {
                diag += a[p][p] * a[p][p];
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off == 0 || off <= 1e-32 * (diag + 2 * off)) {
                break;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p][q];
                    if (apq == 0) {
                        continue;
                    }
                    double app = a[p][p], aqq = a[q][q];
                    // after a few sweeps, entries below the diagonals' rounding are simply dropped
                    double g = 100 * Math.abs(apq);
                    if (sweep > 3 && Math.abs(app) + g == Math.abs(app) && Math.abs(aqq) + g == Math.abs(aqq)) {
                        a[p][q] = 0;
                        a[q][p] = 0;
                        continue;
                    }
                    double theta = (aqq - app) / (2 * apq);
                    double t = 1 / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta < 0) {
                        t = -t;
                    }
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    double[] rowP = a[p], rowQ = a[q];
                    for (int k = 0; k < n; k++) {
                        if (k == p || k == q) {
                            continue;
                        }
                        double akp = rowP[k], akq = rowQ[k];
                        double np = c * akp - s * akq, nq = s * akp + c * akq;
                        rowP[k] = np;
                        rowQ[k] = nq;
                        a[k][p] = np;
                        a[k][q] = nq;
                    }
                    a[p][p] = app - t * apq;
                    a[q][q] = aqq + t * apq;
                    a[p][q] = 0;
                    a[q][p] = 0;
                    if (vt != null) {
                        double[] vp = vt[p], vq = vt[q];
                        for (int k = 0; k < n; k++) {
                            double x = vp[k], y = vq[k];
                            vp[k] = c * x - s * y;
                            vq[k] = s * x + c * y;
                        }
                    }
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (i, j) -> Double.compare(a[j][j], a[i][i]));
        double[] values = new double[n];
        double[][] vectors = wantVectors ? new double[n][] : null;
        for (int k = 0; k < n; k++) {
            values[k] = a[order[k]][order[k]];
            if (wantVectors) {
                vectors[k] = vt[order[k]];
            }
        }
        return new JacobiEigen(values, vectors);
    }

    static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }
}

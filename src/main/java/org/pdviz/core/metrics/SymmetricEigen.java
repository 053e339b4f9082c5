package org.pdviz.core.metrics;

import java.util.function.DoubleUnaryOperator;

/**
 * Eigendecomposition of a real symmetric matrix: Householder reduction to tridiagonal form, then
 * the implicit QL method with Wilkinson-style shifts (the EISPACK routines tred2 and tql2, as in
 * the public-domain JAMA library). O(n^3) with a small constant: the FID bootstrap needs two
 * decompositions of a feature-sized matrix per replicate.
 *
 * @param values  eigenvalues, descending
 * @param vectors {@code vectors[k]} is the unit eigenvector of {@code values[k]} (null from
 *                {@link #valuesOf})
 */
public record SymmetricEigen(double[] values, double[][] vectors) {

    private static final double EPS = Math.ulp(1.0);

    /** Decomposes {@code a} (not modified); only its lower triangle is read. */
    public static SymmetricEigen of(double[][] a) {
        return run(a, true);
    }

    /** The eigenvalues only (descending), without accumulating the eigenvectors. */
    public static double[] valuesOf(double[][] a) {
        return run(a, false).values;
    }

    private static SymmetricEigen run(double[][] a, boolean wantVectors) {
        int n = a.length;
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("not a square matrix: row " + i + " has " + a[i].length
                        + " entries, expected " + n);
            }
            for (int j = 0; j <= i; j++) {
                double x = a[i][j];
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("matrix entry (" + i + ", " + j + ") is " + x);
                }
                v[i][j] = x;
                v[j][i] = x;
            }
        }
        double[] d = new double[n], e = new double[n];
        if (n > 0) {
            tridiagonalize(v, d, e, wantVectors);
            diagonalize(v, d, e, wantVectors);
        }
        // eigenvectors are the columns of v; sort descending
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (i, j) -> Double.compare(d[j], d[i]));
        double[] values = new double[n];
        double[][] vectors = wantVectors ? new double[n][n] : null;
        for (int k = 0; k < n; k++) {
            values[k] = d[order[k]];
            if (wantVectors) {
                for (int i = 0; i < n; i++) {
                    vectors[k][i] = v[i][order[k]];
                }
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /**
     * Householder reduction (tred2): on return {@code d} holds the diagonal and {@code e[1..]} the
     * subdiagonal of the tridiagonal matrix, and {@code v} the orthogonal transformation when
     * {@code accumulate}.
     */
    private static void tridiagonalize(double[][] v, double[] d, double[] e, boolean accumulate) {
        int n = d.length;
        for (int j = 0; j < n; j++) {
            d[j] = v[n - 1][j];
        }
        for (int i = n - 1; i > 0; i--) {
            double scale = 0, h = 0;
            for (int k = 0; k < i; k++) {
                scale += Math.abs(d[k]);
            }
            if (scale == 0) {
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++) {
                    d[j] = v[i - 1][j];
                    v[i][j] = 0;
                    v[j][i] = 0;
                }
            } else {
                for (int k = 0; k < i; k++) {
                    d[k] /= scale;
                    h += d[k] * d[k];
                }
                double f = d[i - 1];
                double g = Math.sqrt(h);
                if (f > 0) {
                    g = -g;
                }
                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                for (int j = 0; j < i; j++) {
                    e[j] = 0;
                }
                for (int j = 0; j < i; j++) {
                    f = d[j];
                    v[j][i] = f;
                    g = e[j] + v[j][j] * f;
                    for (int k = j + 1; k <= i - 1; k++) {
                        g += v[k][j] * d[k];
                        e[k] += v[k][j] * f;
                    }
                    e[j] = g;
                }
                f = 0;
                for (int j = 0; j < i; j++) {
                    e[j] /= h;
                    f += e[j] * d[j];
                }
                double hh = f / (h + h);
                for (int j = 0; j < i; j++) {
                    e[j] -= hh * d[j];
                }
                for (int j = 0; j < i; j++) {
                    f = d[j];
                    g = e[j];
                    for (int k = j; k <= i - 1; k++) {
                        v[k][j] -= f * e[k] + g * d[k];
                    }
                    d[j] = v[i - 1][j];
                    v[i][j] = 0;
                }
            }
            d[i] = h;
        }
        if (!accumulate) {
            // the tridiagonal matrix's diagonal is left on v's diagonal
            for (int j = 0; j < n; j++) {
                d[j] = v[j][j];
            }
            e[0] = 0;
            return;
        }
        for (int i = 0; i < n - 1; i++) {
            v[n - 1][i] = v[i][i];
            v[i][i] = 1;
            double h = d[i + 1];
            if (h != 0) {
                for (int k = 0; k <= i; k++) {
                    d[k] = v[k][i + 1] / h;
                }
                for (int j = 0; j <= i; j++) {
                    double g = 0;
                    for (int k = 0; k <= i; k++) {
                        g += v[k][i + 1] * v[k][j];
                    }
                    for (int k = 0; k <= i; k++) {
                        v[k][j] -= g * d[k];
                    }
                }
            }
            for (int k = 0; k <= i; k++) {
                v[k][i + 1] = 0;
            }
        }
        for (int j = 0; j < n; j++) {
            d[j] = v[n - 1][j];
            v[n - 1][j] = 0;
        }
        v[n - 1][n - 1] = 1;
        e[0] = 0;
    }

    /** Implicit QL iterations on the tridiagonal matrix (tql2); eigenvalues end in {@code d}. */
    private static void diagonalize(double[][] v, double[] d, double[] e, boolean accumulate) {
        int n = d.length;
        for (int i = 1; i < n; i++) {
            e[i - 1] = e[i];
        }
        e[n - 1] = 0;
        double f = 0, tst1 = 0;
        for (int l = 0; l < n; l++) {
            tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < n && Math.abs(e[m]) > EPS * tst1) {
                m++;
            }
            if (m > l) {
                int iterations = 0;
                do {
                    if (++iterations > 200) {
                        throw new ArithmeticException("symmetric eigendecomposition did not converge");
                    }
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2 * e[l]);
                    double r = Math.hypot(p, 1);
                    if (p < 0) {
                        r = -r;
                    }
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) {
                        d[i] -= h;
                    }
                    f += h;
                    p = d[m];
                    double c = 1, c2 = 1, c3 = 1, el1 = e[l + 1], s = 0, s2 = 0;
                    for (int i = m - 1; i >= l; i--) {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Math.hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        if (accumulate) {
                            for (int k = 0; k < n; k++) {
                                double vk = v[k][i + 1];
                                v[k][i + 1] = s * v[k][i] + c * vk;
                                v[k][i] = c * v[k][i] - s * vk;
                            }
                        }
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.abs(e[l]) > EPS * tst1);
            }
            d[l] += f;
            e[l] = 0;
        }
    }

    /** V diag(f(lambda)) V^T: a function of the matrix. */
    public double[][] reconstruct(DoubleUnaryOperator f) {
        if (vectors == null) {
            throw new IllegalStateException("no eigenvectors: use SymmetricEigen.of");
        }
        int n = values.length;
        double[][] out = new double[n][n];
        for (int k = 0; k < n; k++) {
            double w = f.applyAsDouble(values[k]);
            if (w == 0) {
                continue;
            }
            double[] vk = vectors[k];
            for (int i = 0; i < n; i++) {
                double wi = w * vk[i];
                double[] row = out[i];
                for (int j = 0; j < n; j++) {
                    row[j] += wi * vk[j];
                }
            }
        }
        return out;
    }

    /**
     * The symmetric square root of a positive semi-definite matrix; eigenvalues that rounding made
     * slightly negative count as zero.
     */
    public static double[][] sqrtPsd(double[][] a) {
        return of(a).reconstruct(l -> Math.sqrt(Math.max(l, 0)));
    }
}

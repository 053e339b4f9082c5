package org.pdviz.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    static double[][] randomSymmetric(Random rng, int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                a[i][j] = rng.nextGaussian();
                a[j][i] = a[i][j];
            }
        }
        return a;
    }

    /** A random orthogonal matrix (Gram-Schmidt on Gaussian columns), rows orthonormal. */
    static double[][] randomOrthogonal(Random rng, int n) {
        double[][] q = new double[n][n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                q[k][j] = rng.nextGaussian();
            }
            for (int p = 0; p < k; p++) {
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    dot += q[k][j] * q[p][j];
                }
                for (int j = 0; j < n; j++) {
                    q[k][j] -= dot * q[p][j];
                }
            }
            double norm = 0;
            for (int j = 0; j < n; j++) {
                norm += q[k][j] * q[k][j];
            }
            for (int j = 0; j < n; j++) {
                q[k][j] /= Math.sqrt(norm);
            }
        }
        return q;
    }

    /** sum_k lambda_k q_k q_k^T. */
    static double[][] withEigenvalues(double[][] q, double[] lambda) {
        int n = lambda.length;
        double[][] a = new double[n][n];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] += lambda[k] * q[k][i] * q[k][j];
                }
            }
        }
        return a;
    }

    static double maxAbsDiff(double[][] a, double[][] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                m = Math.max(m, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return m;
    }

    @Test
    void reconstructsRandomSymmetricMatricesWithOrthonormalVectors() {
        Random rng = new Random(1);
        for (int n : new int[] {1, 2, 5, 17, 64, 150}) {
            double[][] a = randomSymmetric(rng, n);
            SymmetricEigen e = SymmetricEigen.of(a);
            assertTrue(maxAbsDiff(a, e.reconstruct(l -> l)) < 1e-11 * n, "A = V diag V^T for n = " + n);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    assertTrue(e.values()[i] <= e.values()[i - 1], "descending");
                }
                for (int j = 0; j < n; j++) {
                    double dot = 0;
                    for (int k = 0; k < n; k++) {
                        dot += e.vectors()[i][k] * e.vectors()[j][k];
                    }
                    assertEquals(i == j ? 1 : 0, dot, 1e-12);
                }
                // A v = lambda v
                for (int r = 0; r < n; r++) {
                    double av = 0;
                    for (int k = 0; k < n; k++) {
                        av += a[r][k] * e.vectors()[i][k];
                    }
                    assertEquals(e.values()[i] * e.vectors()[i][r], av, 1e-11 * n);
                }
            }
            assertArrayEquals(e.values(), SymmetricEigen.valuesOf(a), 1e-11 * n);
        }
    }

    @Test
    void findsKnownAndRepeatedEigenvalues() {
        Random rng = new Random(2);
        double[] lambda = {5, 3, 3, 1, 1, 1, 0, 0, -2};
        double[][] a = withEigenvalues(randomOrthogonal(rng, lambda.length), lambda);
        assertArrayEquals(lambda, SymmetricEigen.valuesOf(a), 1e-12);
        // 2x2 closed form: (a + c) / 2 +- sqrt(((a - c) / 2)^2 + b^2)
        double p = 0.7, b = -1.3, c = 2.2;
        double mid = (p + c) / 2, rad = Math.sqrt((p - c) * (p - c) / 4 + b * b);
        assertArrayEquals(new double[] {mid + rad, mid - rad},
                SymmetricEigen.valuesOf(new double[][] {{p, b}, {b, c}}), 1e-14);
        double[][] diag = {{2, 0, 0}, {0, -1, 0}, {0, 0, 7}};
        assertArrayEquals(new double[] {7, 2, -1}, SymmetricEigen.valuesOf(diag), 0);
    }

    @Test
    void squareRootOfAPositiveSemiDefiniteMatrixSquaresBack() {
        Random rng = new Random(3);
        double[] lambda = {4, 2.5, 1e-3, 0, 0};
        double[][] a = withEigenvalues(randomOrthogonal(rng, 5), lambda);
        double[][] s = SymmetricEigen.sqrtPsd(a);
        assertTrue(maxAbsDiff(a, FrechetDistance.multiply(s, s)) < 1e-12);
        assertTrue(maxAbsDiff(s, SymmetricEigen.sqrtPsd(FrechetDistance.multiply(s, s))) < 1e-6);
        assertArrayEquals(new double[] {2, Math.sqrt(2.5), Math.sqrt(1e-3), 0, 0}, SymmetricEigen.valuesOf(s), 1e-7);
    }

    @Test
    void agreesWithAnIndependentJacobiDecomposition() {
        Random rng = new Random(8);
        for (int n : new int[] {3, 30, 90}) {
            double[][] a = randomSymmetric(rng, n);
            assertArrayEquals(JacobiEigen.valuesOf(a), SymmetricEigen.valuesOf(a), 1e-11 * n);
            // eigenvectors agree up to sign (the eigenvalues of a random matrix are distinct)
            SymmetricEigen e = SymmetricEigen.of(a);
            JacobiEigen j = JacobiEigen.of(a);
            for (int k = 0; k < n; k++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += e.vectors()[k][i] * j.vectors()[k][i];
                }
                assertEquals(1, Math.abs(dot), 1e-8, "vector " + k + " of " + n);
            }
        }
    }

    @Test
    void rejectsNonSquareAndNonFiniteInput() {
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{Double.NaN}}));
    }
}

package org.pdviz.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pdviz.core.exact.GaussianMixture;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.core.schedule.NoiseLevel;

class GaussianMixtureTest {

    private final GaussianMixture ring = GaussianMixture.ring("ring", 8, 0.8, 0.08);

    /** The marginal density of z_t: a mixture of N(alpha mu_k, (alpha^2 s_k^2 + sigma^2) I). */
    private static double logMarginal(GaussianMixture m, NoiseLevel lvl, double[] z) {
        double total = 0;
        for (int k = 0; k < m.components(); k++) {
            double var = lvl.alpha() * lvl.alpha() * m.stds()[k] * m.stds()[k] + lvl.sigma() * lvl.sigma();
            double d2 = 0;
            for (int j = 0; j < z.length; j++) {
                double d = z[j] - lvl.alpha() * m.means()[k][j];
                d2 += d * d;
            }
            total += m.weights()[k] * Math.exp(-d2 / (2 * var)) / Math.pow(2 * Math.PI * var, z.length / 2.0);
        }
        return Math.log(total);
    }

    @Test
    void closedFormAgreesWithTweediesFormula() {
        // E[x | z_t] = (z + sigma^2 grad log p_t(z)) / alpha, the gradient by central differences
        Random rng = new Random(11);
        for (double t : new double[] {0.2, 0.45, 0.7, 0.9}) {
            NoiseLevel lvl = CosineSchedule.CLIPPED.at(t);
            for (int trial = 0; trial < 10; trial++) {
                float[] z = {(float) (0.8 * rng.nextGaussian()), (float) (0.8 * rng.nextGaussian())};
                float[] xHat = new float[2];
                ring.xHat(lvl, z, 0, xHat, 0);
                for (int j = 0; j < 2; j++) {
                    double h = 1e-5;
                    double[] plus = {z[0], z[1]}, minus = {z[0], z[1]};
                    plus[j] += h;
                    minus[j] -= h;
                    double grad = (logMarginal(ring, lvl, plus) - logMarginal(ring, lvl, minus)) / (2 * h);
                    double tweedie = (z[j] + lvl.sigma() * lvl.sigma() * grad) / lvl.alpha();
                    assertEquals(tweedie, xHat[j], 2e-4 * (1 + Math.abs(tweedie)), "t=" + t);
                }
            }
        }
    }

    @Test
    void closedFormAgreesWithImportanceSampling() {
        // E[x | z] = E_p[x N(z; alpha x, sigma^2)] / E_p[N(z; alpha x, sigma^2)], estimated from samples of p
        GaussianMixture m = GaussianMixture.single("g", DataShape.of(2), new double[] {0.3, -0.2}, 0.35);
        NoiseLevel lvl = CosineSchedule.CLIPPED.at(0.6);
        float[] z = {0.5f, 0.1f};
        float[] exact = new float[2];
        m.xHat(lvl, z, 0, exact, 0);
        Random rng = new Random(2);
        double num0 = 0, num1 = 0, den = 0;
        float[] x = new float[2];
        for (int i = 0; i < 400_000; i++) {
            m.sample(rng, x, 0);
            double d0 = z[0] - lvl.alpha() * x[0], d1 = z[1] - lvl.alpha() * x[1];
            double w = Math.exp(-(d0 * d0 + d1 * d1) / (2 * lvl.sigma() * lvl.sigma()));
            num0 += w * x[0];
            num1 += w * x[1];
            den += w;
        }
        assertEquals(num0 / den, exact[0], 3e-3);
        assertEquals(num1 / den, exact[1], 3e-3);
    }

    @Test
    void aSingleGaussianHasALinearDenoiser() {
        GaussianMixture m = GaussianMixture.single("g", DataShape.of(3), new double[] {0.1, 0.2, -0.3}, 0.5);
        NoiseLevel lvl = CosineSchedule.IDEAL.at(0.4);
        float[] z = {1f, -1f, 0.5f};
        float[] xHat = new float[3];
        m.xHat(lvl, z, 0, xHat, 0);
        double gain = lvl.alpha() * 0.25 / (lvl.alpha() * lvl.alpha() * 0.25 + lvl.sigma() * lvl.sigma());
        double[] mu = {0.1, 0.2, -0.3};
        for (int j = 0; j < 3; j++) {
            assertEquals(mu[j] + gain * (z[j] - lvl.alpha() * mu[j]), xHat[j], 1e-6);
        }
    }

    @Test
    void samplesHaveTheMixturesMoments() {
        float[] s = ring.sample(new Random(4), 100_000);
        double mx = 0, my = 0, r2 = 0;
        for (int i = 0; i < s.length; i += 2) {
            mx += s[i];
            my += s[i + 1];
            r2 += s[i] * s[i] + s[i + 1] * s[i + 1];
        }
        int n = s.length / 2;
        assertEquals(0, mx / n, 0.01);
        assertEquals(0, my / n, 0.01);
        assertEquals(0.64 + 2 * 0.0064, r2 / n, 0.01);
    }
}

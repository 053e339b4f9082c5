package org.pdviz.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.param.Predictions;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.core.schedule.NoiseLevel;

class ParameterizationTest {

    private final Random rng = new Random(1);

    private float[] gauss(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rng.nextGaussian();
        }
        return a;
    }

    @Test
    void everyParameterizationRoundTrips() {
        int dim = 6, batch = 3;
        for (Parameterization p : Parameterization.values()) {
            for (double t : new double[] {0.02, 0.3, 0.5, 0.8, 0.98}) {
                NoiseLevel lvl = CosineSchedule.CLIPPED.at(t);
                float[] x = gauss(dim * batch), eps = gauss(dim * batch), z = new float[dim * batch];
                for (int j = 0; j < z.length; j++) {
                    z[j] = (float) Predictions.z(lvl, x[j], eps[j]);
                }
                float[] out = new float[dim * batch * p.outputFactor()];
                p.encode(lvl, x, eps, out, dim, batch);
                float[] xh = new float[dim * batch], eh = new float[dim * batch], vh = new float[dim * batch];
                for (int b = 0; b < batch; b++) {
                    assertTrue(Predictions.readOut(p, lvl, z, b * dim, out, b * dim * p.outputFactor(), dim, null,
                            xh, eh, vh, b * dim));
                }
                // float inputs: the read-out is exact up to float rounding amplified by 1/alpha or 1/sigma
                double tol = 2e-5 / Math.min(lvl.alpha(), lvl.sigma());
                for (int j = 0; j < z.length; j++) {
                    assertEquals(x[j], xh[j], tol, p + " x at t=" + t);
                    assertEquals(eps[j], eh[j], tol, p + " eps at t=" + t);
                    assertEquals(lvl.alpha() * eps[j] - lvl.sigma() * x[j], vh[j], tol, p + " v at t=" + t);
                }
            }
        }
    }

    @Test
    void vIdentitiesHold() {
        NoiseLevel lvl = CosineSchedule.IDEAL.at(0.37);
        double x = 0.7, eps = -1.3;
        double z = Predictions.z(lvl, x, eps);
        double v = Predictions.v(lvl, x, eps);
        assertEquals(x, Predictions.xFromV(lvl, z, v), 1e-14);
        assertEquals(eps, Predictions.epsFromV(lvl, z, v), 1e-14);
        // v is dz/dphi: a finite difference along phi at fixed (x, eps)
        double h = 1e-6;
        double zPlus = Math.cos(lvl.phi() + h) * x + Math.sin(lvl.phi() + h) * eps;
        double zMinus = Math.cos(lvl.phi() - h) * x + Math.sin(lvl.phi() - h) * eps;
        assertEquals(v, (zPlus - zMinus) / (2 * h), 1e-8);
    }

    @Test
    void bothFollowsTheOfficialCombination() {
        NoiseLevel lvl = CosineSchedule.CLIPPED.at(0.6);
        double a = lvl.alpha(), s = lvl.sigma();
        float[] z = {0.4f}, out = {0.9f, -0.2f};
        float[] xh = new float[1], eh = new float[1], vh = new float[1];
        Predictions.readOut(Parameterization.BOTH, lvl, z, 0, out, 0, 1, null, xh, eh, vh, 0);
        // official dpm.py: wx = sigmoid(-logsnr); x = wx * x_out + (1 - wx) * (z - sigma eps_out) / alpha
        double wx = 1 / (1 + Math.exp(lvl.logSnr()));
        double expected = wx * 0.9 + (1 - wx) * (0.4 - s * -0.2) / a;
        assertEquals(expected, xh[0], 1e-6);
        assertEquals((0.4 - a * xh[0]) / s, eh[0], 1e-5);
    }

    @Test
    void clippingKeepsXInRangeAndZConsistent() {
        NoiseLevel lvl = CosineSchedule.CLIPPED.at(0.5);
        float[] z = {2.5f, -0.1f}, out = {1.7f, -0.3f};
        float[] xh = new float[2], eh = new float[2], vh = new float[2];
        Predictions.readOut(Parameterization.X, lvl, z, 0, out, 0, 2, new double[] {-1, 1}, xh, eh, vh, 0);
        assertEquals(1.0f, xh[0]);
        assertEquals(-0.3f, xh[1], 1e-7);
        for (int j = 0; j < 2; j++) {
            assertEquals(z[j], lvl.alpha() * xh[j] + lvl.sigma() * eh[j], 1e-6);
        }
    }

    @Test
    void nonFiniteOutputIsReported() {
        NoiseLevel lvl = CosineSchedule.CLIPPED.at(0.5);
        float[] z = {0f}, out = {Float.NaN};
        assertTrue(!Predictions.readOut(Parameterization.V, lvl, z, 0, out, 0, 1, null, new float[1], new float[1],
                new float[1], 0));
    }

    @Test
    void parseAcceptsTheCardNames() {
        assertEquals(Parameterization.BOTH, Parameterization.parse(" Both "));
        assertEquals(Parameterization.EPS, Parameterization.parse("eps"));
        assertThrows(IllegalArgumentException.class, () -> Parameterization.parse("score"));
    }

    @Test
    void perSampleXHatRecoversEachSamplesOwnXAndNamesTheFirstNonFiniteSample() {
        int dim = 4;
        double[] times = {0.05, 0.4, 0.7, 0.95};
        for (Parameterization p : Parameterization.values()) {
            int outDim = dim * p.outputFactor();
            NoiseLevel[] levels = new NoiseLevel[times.length];
            float[] x = gauss(dim * times.length), z = new float[x.length], out = new float[times.length * outDim];
            for (int b = 0; b < times.length; b++) {
                levels[b] = CosineSchedule.CLIPPED.at(times[b]);
                float[] xb = java.util.Arrays.copyOfRange(x, b * dim, (b + 1) * dim), eb = gauss(dim);
                float[] ob = new float[outDim];
                p.encode(levels[b], xb, eb, ob, dim, 1);
                System.arraycopy(ob, 0, out, b * outDim, outDim);
                for (int j = 0; j < dim; j++) {
                    z[b * dim + j] = (float) Predictions.z(levels[b], xb[j], eb[j]);
                }
            }
            float[] xHat = new float[x.length];
            assertEquals(-1, Predictions.xHat(p, levels, z, out, dim, xHat), p.id());
            for (int j = 0; j < x.length; j++) {
                assertEquals(x[j], xHat[j], 2e-3, p.id() + " value " + j);
            }
            out[2 * outDim + 1] = Float.NaN;
            out[3 * outDim] = Float.POSITIVE_INFINITY;
            assertEquals(2, Predictions.xHat(p, levels, z, out, dim, xHat), p.id());
        }
    }
}

package org.pdviz.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pdviz.core.ddim.Ddim;
import org.pdviz.core.param.Predictions;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.core.schedule.NoiseLevel;

class DdimTest {

    @Test
    void rotationFormEqualsXEpsForm() {
        Random rng = new Random(3);
        CosineSchedule s = CosineSchedule.CLIPPED;
        for (int trial = 0; trial < 50; trial++) {
            double t = 0.05 + 0.95 * rng.nextDouble();
            double u = t * rng.nextDouble();
            NoiseLevel from = s.at(t), to = s.at(u);
            int n = 16;
            float[] z = new float[n], xHat = new float[n], vHat = new float[n];
            for (int j = 0; j < n; j++) {
                z[j] = (float) rng.nextGaussian();
                xHat[j] = (float) rng.nextGaussian();
                double epsHat = (z[j] - from.alpha() * xHat[j]) / from.sigma();
                vHat[j] = (float) Predictions.v(from, xHat[j], epsHat);
            }
            float[] a = new float[n], b = new float[n];
            Ddim.step(from, to, z, xHat, a, 0, n);
            Ddim.rotate(from, to, z, vHat, b, 0, n);
            for (int j = 0; j < n; j++) {
                assertEquals(a[j], b[j], 2e-5 * (1 + Math.abs(a[j])), "t=" + t + " s=" + u);
            }
        }
    }

    @Test
    void withTheTrueXTheStepLandsOnTheTrueNoisyPoint() {
        CosineSchedule s = CosineSchedule.IDEAL;
        NoiseLevel from = s.at(0.8), to = s.at(0.3);
        double x = 0.42, eps = -0.77;
        double zT = from.alpha() * x + from.sigma() * eps;
        double zS = Ddim.step(from, to).apply(zT, x);
        assertEquals(to.alpha() * x + to.sigma() * eps, zS, 1e-15);
    }

    @Test
    void theStepTurnsZByThePhiDifference() {
        CosineSchedule s = CosineSchedule.CLIPPED;
        NoiseLevel from = s.at(0.9), to = s.at(0.4);
        assertEquals(from.phi() - to.phi(), Ddim.rotationAngle(from, to), 1e-15);
        assertEquals(0.5 * s.phiSpan(), Ddim.rotationAngle(from, to), 1e-15);
        // with exact predictions, (x, eps) coordinates of z rotate by exactly that angle
        double x = 0.6, eps = 0.8;
        double zT = from.alpha() * x + from.sigma() * eps;
        double zS = Ddim.step(from, to).apply(zT, x);
        double angleFrom = Math.atan2(from.sigma(), from.alpha()), angleTo = Math.atan2(to.sigma(), to.alpha());
        assertEquals(Math.cos(angleTo) * x + Math.sin(angleTo) * eps, zS, 1e-15);
        assertEquals(from.phi(), angleFrom, 1e-15);
    }
}

package org.pdviz.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pdviz.core.ddim.Ddim;
import org.pdviz.core.distill.DistillTarget;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.exact.ExactDenoiser;
import org.pdviz.core.exact.GaussianMixture;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.core.schedule.NoiseLevel;

class DistillTargetTest {

    private static final CosineSchedule S = CosineSchedule.CLIPPED;
    private final ExactDenoiser teacher = new ExactDenoiser(GaussianMixture.ring("ring", 5, 0.7, 0.1), S);

    private float[] teacherX(float[] z, double t) {
        float[] out = new float[z.length];
        teacher.predict(z, new float[] {(float) t}, 0, 1, out);
        return out;
    }

    @Test
    void timesAreHalfAndWholeStudentStepsBack() throws Exception {
        DistillTarget.Times times = DistillTarget.Times.of(3, 8);
        assertEquals(3 / 8.0, times.t());
        assertEquals(2.5 / 8.0, times.tPrime());
        assertEquals(2 / 8.0, times.tDoublePrime());
        assertTrue(times.t() > times.tPrime() && times.tPrime() > times.tDoublePrime(), "t > t' > t''");
        assertTrue(DistillTarget.Times.of(1, 8).isFinal());
        assertThrows(IllegalArgumentException.class, () -> DistillTarget.Times.of(0, 8));
    }

    @Test
    void oneStudentStepWithXTildeLandsOnTheTeachersTwoSteps() throws Exception {
        Random rng = new Random(5);
        int n = 16;
        for (int i = 2; i <= n; i++) {
            float[] z = {(float) rng.nextGaussian(), (float) rng.nextGaussian()};
            float[] xTilde = new float[2];
            DistillTarget.xTilde(teacher, S, z, new int[] {i}, n, xTilde);
            DistillTarget.Times times = DistillTarget.Times.of(i, n);
            NoiseLevel t = S.at(times.t()), tp = S.at(times.tPrime()), tpp = S.at(times.tDoublePrime());
            // the teacher's two steps, written out independently
            float[] x1 = teacherX(z, times.t());
            float[] zp = new float[2];
            Ddim.step(t, tp, z, x1, zp, 0, 2);
            float[] x2 = teacherX(zp, times.tPrime());
            float[] zpp = new float[2];
            Ddim.step(tp, tpp, zp, x2, zpp, 0, 2);
            // the student's one step from t with x_hat = x_tilde
            float[] student = new float[2];
            Ddim.step(t, tpp, z, xTilde, student, 0, 2);
            for (int j = 0; j < 2; j++) {
                assertEquals(zpp[j], student[j], 1e-5, "i=" + i);
            }
        }
    }

    @Test
    void atTheLastStudentStepTheTargetIsTheTeachersSecondXHat() throws Exception {
        float[] z = {0.3f, -0.5f};
        float[] xTilde = new float[2];
        DistillTarget.xTilde(teacher, S, z, new int[] {1}, 4, xTilde);
        float[] x1 = teacherX(z, 0.25);
        float[] zp = new float[2];
        Ddim.step(S.at(0.25), S.at(0.125), z, x1, zp, 0, 2);
        float[] x2 = teacherX(zp, 0.125);
        assertEquals(x2[0], xTilde[0], 0);
        assertEquals(x2[1], xTilde[1], 0);
    }

    @Test
    void aBatchWithMixedIndicesMatchesOneByOne() throws Exception {
        Random rng = new Random(9);
        int[] idx = {4, 1, 7, 2};
        float[] z = new float[8];
        for (int j = 0; j < 8; j++) {
            z[j] = (float) rng.nextGaussian();
        }
        float[] batch = new float[8];
        DistillTarget.xTilde(teacher, S, z, idx, 8, batch);
        for (int b = 0; b < 4; b++) {
            float[] one = new float[2];
            DistillTarget.xTilde(teacher, S, new float[] {z[2 * b], z[2 * b + 1]}, new int[] {idx[b]}, 8, one);
            assertEquals(one[0], batch[2 * b], 0);
            assertEquals(one[1], batch[2 * b + 1], 0);
        }
    }

    @Test
    void lossWeightsMatchTheirDefinitions() throws Exception {
        for (double t : new double[] {0.01, 0.3, 0.5, 0.7, 0.99}) {
            NoiseLevel lvl = S.at(t);
            double snr = Math.exp(lvl.logSnr());
            assertEquals(snr, Weighting.SNR.weight(lvl), 1e-9 * snr);
            assertEquals(Math.max(snr, 1), Weighting.TRUNCATED_SNR.weight(lvl), 1e-9 * snr);
            assertEquals(snr + 1, Weighting.SNR_PLUS_ONE.weight(lvl), 1e-9 * snr);
            // SNR+1 on the x error is the v error; SNR on the x error is the eps error
            double x = 0.3, xHat = -0.1, z = 0.5;
            double eps = (z - lvl.alpha() * x) / lvl.sigma(), epsHat = (z - lvl.alpha() * xHat) / lvl.sigma();
            double v = lvl.alpha() * eps - lvl.sigma() * x, vHat = lvl.alpha() * epsHat - lvl.sigma() * xHat;
            double xErr = (x - xHat) * (x - xHat);
            assertEquals((v - vHat) * (v - vHat), Weighting.SNR_PLUS_ONE.weight(lvl) * xErr, 1e-9 * (snr + 1));
            assertEquals((eps - epsHat) * (eps - epsHat), Weighting.SNR.weight(lvl) * xErr, 1e-9 * (snr + 1));
        }
        assertEquals(Weighting.SNR_PLUS_ONE, Weighting.parse("snr+1"));
        assertEquals(Weighting.TRUNCATED_SNR, Weighting.parse("truncated"));
    }

    @Test
    void coefficientsSolveForTheStudentsX() throws Exception {
        NoiseLevel t = S.at(0.6), tpp = S.at(0.4);
        DistillTarget.Coefficients c = DistillTarget.coefficients(t, tpp);
        double zT = 0.8, zTpp = 0.1;
        double xTilde = c.apply(zTpp, zT);
        assertEquals(zTpp, Ddim.step(t, tpp).apply(zT, xTilde), 1e-14);
        assertEquals(Parameterization.X, teacher.parameterization());
    }
}

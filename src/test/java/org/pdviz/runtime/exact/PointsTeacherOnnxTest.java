package org.pdviz.runtime.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.core.exact.GaussianMixture;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.card.ModelCard;

class PointsTeacherOnnxTest {

    @TempDir
    Path dir;

    /**
     * E[x | z_t] for points x_j, each N(x_j, s^2 I), written from Bayes' rule directly: posterior
     * weight of j proportional to N(z; alpha x_j, (alpha^2 s^2 + sigma^2) I), posterior mean within j
     * from the Gaussian conditional, all in double with a log-sum-exp.
     */
    static double[] bruteForce(float[] points, int dim, double s, double alpha, double sigma, float[] z, int zOff) {
        int k = points.length / dim;
        double var = alpha * alpha * s * s + sigma * sigma;
        double[] logW = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            double d2 = 0;
            for (int c = 0; c < dim; c++) {
                double diff = z[zOff + c] - alpha * points[j * dim + c];
                d2 += diff * diff;
            }
            logW[j] = -d2 / (2 * var);
            max = Math.max(max, logW[j]);
        }
        double total = 0;
        for (int j = 0; j < k; j++) {
            total += Math.exp(logW[j] - max);
        }
        double[] x = new double[dim];
        for (int j = 0; j < k; j++) {
            double w = Math.exp(logW[j] - max) / total;
            for (int c = 0; c < dim; c++) {
                double mu = points[j * dim + c];
                // x | z, j ~ N(mu + alpha s^2 / var (z - alpha mu), ...)
                x[c] += w * (mu + alpha * s * s / var * (z[zOff + c] - alpha * mu));
            }
        }
        return x;
    }

    void agreesWithBruteForce(int k, double s, double tolerance) throws Exception {
        Random rng = new Random(k);
        int dim = 2;
        float[] pts = new float[k * dim];
        for (int j = 0; j < k; j++) {
            // points on a ring with a little noise: thin structure, as in class
            double a = 2 * Math.PI * rng.nextDouble();
            pts[2 * j] = (float) (0.8 * Math.cos(a) + 0.01 * rng.nextGaussian());
            pts[2 * j + 1] = (float) (0.8 * Math.sin(a) + 0.01 * rng.nextGaussian());
        }
        GaussianMixture m = GaussianMixture.ofPoints("ring", DataShape.of(2), pts, s);
        Path file = dir.resolve("ring" + k + ".onnx");
        ModelCard card = ExactTeachers.pointsCard("exact-ring", "ring", m, s, "given", null, "test");
        ExactTeachers.write(m, card, file);
        CosineSchedule sch = CosineSchedule.CLIPPED;
        double worst = 0;
        try (OnnxDenoiser onnx = OnnxDenoiser.open(file)) {
            assertEquals(card, onnx.card());
            for (double t0 : new double[] {0, 1e-3, 0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 1}) {
                int batch = 9;
                float[] z = new float[batch * dim], t = new float[batch], out = new float[batch * dim];
                for (int b = 0; b < batch; b++) {
                    int j = rng.nextInt(k);
                    for (int c = 0; c < dim; c++) {
                        // z from the marginal at t (and a few far away)
                        z[b * dim + c] = (float) (sch.alpha(t0) * pts[j * dim + c]
                                + sch.sigma(t0) * rng.nextGaussian() * (b == 0 ? 4 : 1) + (b == 1 ? 0.05 : 0));
                    }
                    t[b] = (float) t0;
                }
                onnx.predict(z, t, 0, batch, out);
                for (int b = 0; b < batch; b++) {
                    double[] x = bruteForce(pts, dim, s, sch.alpha(t[b]), sch.sigma(t[b]), z, b * dim);
                    for (int c = 0; c < dim; c++) {
                        worst = Math.max(worst, Math.abs(x[c] - out[b * dim + c]));
                        assertEquals(x[c], out[b * dim + c], tolerance, "K=" + k + " t=" + t0 + " sample " + b);
                    }
                }
            }
        }
        assertTrue(worst < tolerance, "worst " + worst);
    }

    @Test
    void aFewPointsInDoublePrecisionAgreeWithBruteForceToFloatRounding() throws Exception {
        agreesWithBruteForce(40, 0.03, 2e-6);
    }

    @Test
    void thousandsOfPointsOnTheFloat32PathAgreeWithBruteForceTo1e4() throws Exception {
        agreesWithBruteForce(3000, 0.004, 1e-4);
    }
}

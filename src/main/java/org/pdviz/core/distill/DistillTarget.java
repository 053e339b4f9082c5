package org.pdviz.core.distill;

import org.pdviz.core.ddim.Ddim;
import org.pdviz.core.model.Denoiser;
import org.pdviz.core.model.DenoiserException;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.param.Predictions;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.core.schedule.NoiseLevel;

/**
 * The target of Algorithm 2: the x that makes ONE student DDIM step from t land exactly where the
 * teacher's TWO steps t -> t' -> t'' land:
 * {@code x_tilde = (z_t'' - (sigma_t'' / sigma_t) z_t) / (alpha_t'' - (sigma_t'' / sigma_t) alpha_t)}.
 * When t'' = 0 the student's step returns its x_hat, so the target is the teacher's second x_hat.
 */
public final class DistillTarget {

    private DistillTarget() {
    }

    /** The three times for student grid index i in 1..N: t = i/N, t' = t - 0.5/N, t'' = t - 1/N. */
    public record Times(double t, double tPrime, double tDoublePrime) {
        public static Times of(int i, int n) {
            if (n < 1 || i < 1 || i > n) {
                throw new IllegalArgumentException("student index i must be in 1.." + n + ", got " + i);
            }
            return new Times((double) i / n, (i - 0.5) / n, (double) (i - 1) / n);
        }

        /** The student's last step: it goes to t = 0 and returns x_hat. */
        public boolean isFinal() {
            return tDoublePrime == 0.0;
        }
    }

    /** {@code x_tilde = zDoublePrime * z_t'' + zT * z_t} (not for the final step). */
    public record Coefficients(double zDoublePrime, double zT) {
        public double apply(double zTpp, double zTValue) {
            return zDoublePrime * zTpp + zT * zTValue;
        }
    }

    public static Coefficients coefficients(NoiseLevel t, NoiseLevel tDoublePrime) {
        double ratio = tDoublePrime.sigma() / t.sigma();
        double denominator = tDoublePrime.alpha() - ratio * t.alpha();
        return new Coefficients(1.0 / denominator, -ratio / denominator);
    }

    /**
     * Runs the teacher's two DDIM steps (no clipping) for a batch with per-sample student indices and
     * writes x_tilde.
     *
     * @param zT      z_t for each sample, {@code batch * dim} values
     * @param indices student grid index i in 1..n for each sample
     */
    public static void xTilde(Denoiser teacher, CosineSchedule schedule, float[] zT, int[] indices, int n,
                              float[] xTildeOut) throws DenoiserException {
        int batch = indices.length;
        int dim = teacher.shape().size();
        Parameterization p = teacher.parameterization();
        int outDim = dim * p.outputFactor();
        NoiseLevel[] lt = new NoiseLevel[batch], ltp = new NoiseLevel[batch], ltpp = new NoiseLevel[batch];
        float[] t = new float[batch];
        for (int b = 0; b < batch; b++) {
            Times times = Times.of(indices[b], n);
            lt[b] = schedule.at(times.t());
            ltp[b] = schedule.at(times.tPrime());
            ltpp[b] = schedule.at(times.tDoublePrime());
        }
        float[] out = new float[batch * outDim];
        float[] xHat1 = new float[batch * dim];
        float[] zPrime = new float[batch * dim];
        float[] xHat2 = new float[batch * dim];

        predictX(teacher, zT, lt, t, out, xHat1);
        for (int b = 0; b < batch; b++) {
            Ddim.step(lt[b], ltp[b], zT, xHat1, zPrime, b * dim, dim);
        }
        predictX(teacher, zPrime, ltp, t, out, xHat2);
        for (int b = 0; b < batch; b++) {
            int o = b * dim;
            if (Times.of(indices[b], n).isFinal()) {
                System.arraycopy(xHat2, o, xTildeOut, o, dim);
                continue;
            }
            Ddim.Step second = Ddim.step(ltp[b], ltpp[b]);
            Coefficients c = coefficients(lt[b], ltpp[b]);
            for (int j = o; j < o + dim; j++) {
                double zpp = second.apply(zPrime[j], xHat2[j]);
                xTildeOut[j] = (float) c.apply(zpp, zT[j]);
            }
        }
    }

    /**
     * The teacher's x_hat for a batch whose samples each have their own noise level (core's
     * read-out): the first of the two steps here, and the copy stage's target in training.
     */
    public static void xHat(Denoiser teacher, float[] z, NoiseLevel[] levels, float[] xHatOut)
            throws DenoiserException {
        predictX(teacher, z, levels, new float[levels.length],
                new float[levels.length * teacher.shape().size() * teacher.parameterization().outputFactor()], xHatOut);
    }

    private static void predictX(Denoiser teacher, float[] z, NoiseLevel[] levels, float[] t, float[] out,
                                 float[] xHat) throws DenoiserException {
        for (int b = 0; b < levels.length; b++) {
            t[b] = (float) levels[b].position();
        }
        teacher.predictAll(z, t, levels.length, out);
        int bad = Predictions.xHat(teacher.parameterization(), levels, z, out, teacher.shape().size(), xHat);
        if (bad >= 0) {
            throw new DenoiserException("the teacher returned non-finite values at t = " + levels[bad].t());
        }
    }
}

package org.pdviz.core.param;

import org.pdviz.core.schedule.NoiseLevel;

/**
 * Turns a network's raw output into {@code x_hat}, {@code eps_hat} and {@code v_hat} for one
 * sample, with optional clipping of x_hat to the data range (then eps_hat is recomputed from the
 * clipped x_hat, as in the official sampler).
 */
public final class Predictions {

    private Predictions() {
    }

    /**
     * Reads out one sample of {@code dim} values.
     *
     * @param out raw output; the sample starts at {@code outOffset} and, for {@link
     *            Parameterization#BOTH}, holds x_out then eps_out (2 dim values)
     * @param clip null for none, else {lo, hi}
     * @return false if any prediction is not finite (NaN or infinite output)
     */
    public static boolean readOut(Parameterization p, NoiseLevel level, float[] z, int zOffset, float[] out,
                                  int outOffset, int dim, double[] clip, float[] xHat, float[] epsHat, float[] vHat,
                                  int offset) {
        Parameterization.Readout rx = p.xHat(level);
        Parameterization.Readout re = p.epsHat(level);
        double a = level.alpha(), s = level.sigma();
        boolean both = p == Parameterization.BOTH;
        boolean finite = true;
        for (int j = 0; j < dim; j++) {
            double zv = z[zOffset + j];
            double o1 = out[outOffset + j];
            double o2 = both ? out[outOffset + dim + j] : 0.0;
            double x = rx.apply(zv, o1, o2);
            double eps;
            if (clip != null && (x < clip[0] || x > clip[1])) {
                x = Math.max(clip[0], Math.min(clip[1], x));
                eps = (zv - a * x) / s;
            } else {
                eps = re.apply(zv, o1, o2);
            }
            double v = a * eps - s * x;
            if (!Double.isFinite(x) || !Double.isFinite(eps)) {
                finite = false;
            }
            xHat[offset + j] = (float) x;
            epsHat[offset + j] = (float) eps;
            vHat[offset + j] = (float) v;
        }
        return finite;
    }

    /** {@code v = alpha eps - sigma x}. */
    public static double v(NoiseLevel level, double x, double eps) {
        return level.alpha() * eps - level.sigma() * x;
    }

    /** {@code x = alpha z - sigma v}. */
    public static double xFromV(NoiseLevel level, double z, double v) {
        return level.alpha() * z - level.sigma() * v;
    }

    /** {@code eps = sigma z + alpha v}. */
    public static double epsFromV(NoiseLevel level, double z, double v) {
        return level.sigma() * z + level.alpha() * v;
    }

    /** {@code z_t = alpha x + sigma eps}. */
    public static double z(NoiseLevel level, double x, double eps) {
        return level.alpha() * x + level.sigma() * eps;
    }
}

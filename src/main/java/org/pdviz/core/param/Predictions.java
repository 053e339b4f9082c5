package org.pdviz.core.param;

import org.pdviz.core.schedule.NoiseLevel;

/**
 * Turns a network's raw output into {@code x_hat}, {@code eps_hat} and {@code v_hat} for one
 * sample, with optional clipping of x_hat to the data range; then eps_hat is recomputed from the
 * clipped x_hat, as in the official sampler, unless the model's own eps_hat is kept (diffusers'
 * default), and {@code v_hat = alpha eps_hat - sigma x_hat} of the pair returned.
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
        return readOut(p, level, z, zOffset, out, outOffset, 1, dim, clip, xHat, epsHat, vHat, offset);
    }

    /**
     * Reads out {@code count} consecutive samples that share one noise level (as in sampling), with
     * the coefficients computed once.
     *
     * @return false if any prediction is not finite
     */
    public static boolean readOut(Parameterization p, NoiseLevel level, float[] z, int zOffset, float[] out,
                                  int outOffset, int count, int dim, double[] clip, float[] xHat, float[] epsHat,
                                  float[] vHat, int offset) {
        return readOut(p, level, z, zOffset, out, outOffset, count, dim, clip, false, xHat, epsHat, vHat, offset);
    }

    /** As above; {@code keepEps}: a clipped x_hat leaves the model's eps_hat as it is. */
    public static boolean readOut(Parameterization p, NoiseLevel level, float[] z, int zOffset, float[] out,
                                  int outOffset, int count, int dim, double[] clip, boolean keepEps, float[] xHat,
                                  float[] epsHat, float[] vHat, int offset) {
        Parameterization.Readout rx = p.xHat(level);
        Parameterization.Readout re = p.epsHat(level);
        double a = level.alpha(), s = level.sigma();
        boolean both = p == Parameterization.BOTH;
        int outDim = dim * p.outputFactor();
        boolean finite = true;
        for (int b = 0; b < count; b++) {
            int zo = zOffset + b * dim, oo = outOffset + b * outDim, xo = offset + b * dim;
            if (!readOut(rx, re, a, s, both, z, zo, out, oo, dim, clip, keepEps, xHat, epsHat, vHat, xo)) {
                finite = false;
            }
        }
        return finite;
    }

    /**
     * Only x_hat (clipped when {@code clip} is not null) for {@code count} samples at one level: all
     * a sampler needs when it records no frames.
     *
     * @return false if any value is not finite
     */
    public static boolean xHat(Parameterization p, NoiseLevel level, float[] z, float[] out, int count, int dim,
                               double[] clip, float[] xHat) {
        Parameterization.Readout rx = p.xHat(level);
        double cz = rx.z(), c1 = rx.first(), c2 = rx.second();
        double lo = clip == null ? Double.NEGATIVE_INFINITY : clip[0];
        double hi = clip == null ? Double.POSITIVE_INFINITY : clip[1];
        int bad = 0;
        if (p != Parameterization.BOTH) {
            for (int i = 0, n = count * dim; i < n; i++) {
                float x = clamp(cz * z[i] + c1 * out[i], lo, hi);
                xHat[i] = x;
                bad |= nonFinite(x);
            }
        } else {
            for (int b = 0; b < count; b++) {
                int zo = b * dim, oo = 2 * b * dim;
                for (int j = 0; j < dim; j++) {
                    float x = clamp(cz * z[zo + j] + c1 * out[oo + j] + c2 * out[oo + dim + j], lo, hi);
                    xHat[zo + j] = x;
                    bad |= nonFinite(x);
                }
            }
        }
        return bad == 0;
    }

    /**
     * Only x_hat, unclipped, for {@code levels.length} samples each at its own noise level (as in
     * training, where every sample draws its own t).
     *
     * @return the first sample with a value that is not finite, or -1 when all are
     */
    public static int xHat(Parameterization p, NoiseLevel[] levels, float[] z, float[] out, int dim, float[] xHat) {
        int outDim = dim * p.outputFactor();
        boolean both = p == Parameterization.BOTH;
        int firstBad = -1;
        for (int b = 0; b < levels.length; b++) {
            Parameterization.Readout r = p.xHat(levels[b]);
            int zo = b * dim, oo = b * outDim;
            int bad = 0;
            for (int j = 0; j < dim; j++) {
                float x = (float) r.apply(z[zo + j], out[oo + j], both ? out[oo + dim + j] : 0.0);
                xHat[zo + j] = x;
                bad |= nonFinite(x);
            }
            if (bad != 0 && firstBad < 0) {
                firstBad = b;
            }
        }
        return firstBad;
    }

    /** Clamps (NaN passes through) and rounds to float. */
    private static float clamp(double x, double lo, double hi) {
        return (float) (x < lo ? lo : x > hi ? hi : x);
    }

    /** Non-zero when the float is NaN or infinite (all exponent bits set); branch-free for tight loops. */
    private static int nonFinite(float x) {
        return ((Float.floatToRawIntBits(x) & 0x7f800000) + 0x00800000) & 0x80000000;
    }

    private static boolean readOut(Parameterization.Readout rx, Parameterization.Readout re, double a, double s,
                                   boolean both, float[] z, int zOffset, float[] out, int outOffset, int dim,
                                   double[] clip, boolean keepEps, float[] xHat, float[] epsHat, float[] vHat,
                                   int offset) {
        boolean finite = true;
        for (int j = 0; j < dim; j++) {
            double zv = z[zOffset + j];
            double o1 = out[outOffset + j];
            double o2 = both ? out[outOffset + dim + j] : 0.0;
            double x = rx.apply(zv, o1, o2);
            double eps;
            if (clip != null && (x < clip[0] || x > clip[1])) {
                x = Math.max(clip[0], Math.min(clip[1], x));
                eps = keepEps ? re.apply(zv, o1, o2) : (zv - a * x) / s;
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

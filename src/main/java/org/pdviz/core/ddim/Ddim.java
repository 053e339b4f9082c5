package org.pdviz.core.ddim;

import org.pdviz.core.schedule.NoiseLevel;

/**
 * The deterministic DDIM step from t to s &lt; t, in its equivalent forms:
 * {@code z_s = alpha_s x_hat + (sigma_s / sigma_t)(z_t - alpha_t x_hat)}, the rotation
 * {@code z_s = cos(phi_t - phi_s) z_t - sin(phi_t - phi_s) v_hat}, and {@code z_s = alpha_s x_hat +
 * sigma_s eps_hat} (the same when {@code eps_hat = (z_t - alpha_t x_hat) / sigma_t}; with a clipped
 * x_hat and the model's eps_hat it is diffusers' step).
 */
public final class Ddim {

    private Ddim() {
    }

    /** {@code z_s = z * zT + x * xHat}: the x/eps form as two coefficients. */
    public record Step(double z, double x) {
        public double apply(double zT, double xHat) {
            return z * zT + x * xHat;
        }
    }

    public static Step step(NoiseLevel from, NoiseLevel to) {
        double ratio = to.sigma() / from.sigma();
        return new Step(ratio, to.alpha() - ratio * from.alpha());
    }

    /** One step in the x/eps form for a block of {@code n} values. */
    public static void step(NoiseLevel from, NoiseLevel to, float[] zT, float[] xHat, float[] zS, int offset, int n) {
        Step c = step(from, to);
        for (int j = offset; j < offset + n; j++) {
            zS[j] = (float) c.apply(zT[j], xHat[j]);
        }
    }

    /** {@code z_s = alpha_s x_hat + sigma_s eps_hat} for a block of {@code n} values. */
    public static void stepWithEps(NoiseLevel to, float[] xHat, float[] epsHat, float[] zS, int offset, int n) {
        double a = to.alpha(), s = to.sigma();
        for (int j = offset; j < offset + n; j++) {
            zS[j] = (float) (a * xHat[j] + s * epsHat[j]);
        }
    }

    /** The angle the step turns through: {@code phi_t - phi_s}. */
    public static double rotationAngle(NoiseLevel from, NoiseLevel to) {
        return from.phi() - to.phi();
    }

    /** One step as a rotation in the (x, eps) plane, for a block of {@code n} values. */
    public static void rotate(NoiseLevel from, NoiseLevel to, float[] zT, float[] vHat, float[] zS, int offset, int n) {
        double d = rotationAngle(from, to);
        double c = Math.cos(d), s = Math.sin(d);
        for (int j = offset; j < offset + n; j++) {
            zS[j] = (float) (c * zT[j] - s * vHat[j]);
        }
    }
}

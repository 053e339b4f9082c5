package org.pdviz.core.param;

import org.pdviz.core.Identified;
import org.pdviz.core.schedule.NoiseLevel;

/**
 * What a network's output means. Each parameterisation reads out {@code x_hat} and
 * {@code eps_hat} as fixed linear combinations of {@code z} and the output (for {@link #BOTH}, its
 * two halves {@code x_out} and {@code eps_out}); {@link Readout} holds those coefficients, so the
 * same numbers serve plain Java arrays and the trainer's tensors.
 */
public enum Parameterization implements Identified {
    /** The network predicts x directly. */
    X("x", 1),
    /** The network predicts eps; x_hat = (z - sigma eps_hat) / alpha is unstable as alpha -> 0. */
    EPS("eps", 1),
    /** The network predicts v = alpha eps - sigma x, the velocity dz/dphi. */
    V("v", 1),
    /** Two outputs, x_out then eps_out, mixed with weight sigma^2 on x_out (official code). */
    BOTH("both", 2);

    private final String id;
    private final int outputFactor;

    Parameterization(String id, int outputFactor) {
        this.id = id;
        this.outputFactor = outputFactor;
    }

    /** The name used in model cards and on the command line. */
    @Override
    public String id() {
        return id;
    }

    /** Output channels per data channel: 2 for {@link #BOTH}, else 1. */
    public int outputFactor() {
        return outputFactor;
    }

    public static Parameterization parse(String text) {
        return Identified.parse(Parameterization.class, "parameterization", text);
    }

    /** {@code x_hat = z * coefficients.z + out1 * coefficients.first + out2 * coefficients.second}. */
    public Readout xHat(NoiseLevel level) {
        double a = level.alpha(), s = level.sigma();
        return switch (this) {
            case X -> new Readout(0, 1, 0);
            case EPS -> new Readout(1 / a, -s / a, 0);
            case V -> new Readout(a, -s, 0);
            // sigma^2 x_out + alpha^2 (z - sigma eps_out) / alpha
            case BOTH -> new Readout(a, s * s, -a * s);
        };
    }

    /** {@code eps_hat} as a linear read-out of z and the output (before any clipping of x_hat). */
    public Readout epsHat(NoiseLevel level) {
        double a = level.alpha(), s = level.sigma();
        return switch (this) {
            case EPS -> new Readout(0, 1, 0);
            case V -> new Readout(s, a, 0);
            default -> epsFromX(xHat(level), level);
        };
    }

    /** eps = (z - alpha x) / sigma, composed with a read-out of x. */
    private static Readout epsFromX(Readout x, NoiseLevel level) {
        double a = level.alpha(), s = level.sigma();
        return new Readout((1 - a * x.z()) / s, -a * x.first() / s, -a * x.second() / s);
    }

    /** The inverse map: the network output that would give these exact predictions. */
    public void encode(NoiseLevel level, float[] x, float[] eps, float[] out, int dim, int batch) {
        double a = level.alpha(), s = level.sigma();
        for (int b = 0; b < batch; b++) {
            int in = b * dim, o = b * dim * outputFactor;
            for (int j = 0; j < dim; j++) {
                double xv = x[in + j], ev = eps[in + j];
                switch (this) {
                    case X -> out[o + j] = (float) xv;
                    case EPS -> out[o + j] = (float) ev;
                    case V -> out[o + j] = (float) (a * ev - s * xv);
                    case BOTH -> {
                        out[o + j] = (float) xv;
                        out[o + dim + j] = (float) ev;
                    }
                }
            }
        }
    }

    /** Linear coefficients of a read-out: {@code value = z * z + first * out1 + second * out2}. */
    public record Readout(double z, double first, double second) {
        public double apply(double zValue, double out1, double out2) {
            return z * zValue + first * out1 + second * out2;
        }
    }
}

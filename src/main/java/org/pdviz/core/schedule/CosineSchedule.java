package org.pdviz.core.schedule;

/**
 * The cosine schedule with its log-SNR clipped to {@code [logSnrMin, logSnrMax]}:
 * {@code phi(t) = a t + b}, {@code alpha = cos(phi)}, {@code sigma = sin(phi)},
 * {@code b = atan(exp(-logSnrMax / 2))}, {@code a = atan(exp(-logSnrMin / 2)) - b}.
 * Infinite bounds give the ideal form {@code phi = pi t / 2} ({@link #IDEAL}); the official code
 * and our sampler use {@link #CLIPPED} ([-20, 20]).
 */
public record CosineSchedule(double logSnrMin, double logSnrMax) {

    public static final String NAME = "cosine";
    public static final CosineSchedule IDEAL =
            new CosineSchedule(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    public static final CosineSchedule CLIPPED = new CosineSchedule(-20.0, 20.0);

    public CosineSchedule {
        if (Double.isNaN(logSnrMin) || Double.isNaN(logSnrMax) || !(logSnrMin < logSnrMax)) {
            throw new IllegalArgumentException(
                    "log-SNR bounds must satisfy min < max, got [" + logSnrMin + ", " + logSnrMax + "]");
        }
    }

    public boolean isIdeal() {
        return Double.isInfinite(logSnrMin) && Double.isInfinite(logSnrMax);
    }

    /** {@code b}: the angle at t = 0. */
    public double phiAtZero() {
        return Math.atan(Math.exp(-logSnrMax / 2));
    }

    /** {@code a}: how far phi turns from t = 0 to t = 1. */
    public double phiSpan() {
        return Math.atan(Math.exp(-logSnrMin / 2)) - phiAtZero();
    }

    public double phi(double t) {
        return phiSpan() * t + phiAtZero();
    }

    public double alpha(double t) {
        return Math.cos(phi(t));
    }

    public double sigma(double t) {
        return Math.sin(phi(t));
    }

    public double logSnr(double t) {
        return logSnrOfPhi(phi(t));
    }

    public double snr(double t) {
        double a = alpha(t), s = sigma(t);
        return (a * a) / (s * s);
    }

    public double tFromPhi(double phi) {
        return (phi - phiAtZero()) / phiSpan();
    }

    public double tFromLogSnr(double logSnr) {
        return tFromPhi(Math.atan(Math.exp(-logSnr / 2)));
    }

    /** Every quantity of the schedule at time t. */
    public NoiseLevel at(double t) {
        double phi = phi(t);
        return new NoiseLevel(t, Math.cos(phi), Math.sin(phi), logSnrOfPhi(phi), phi);
    }

    /** {@code lambda = log(alpha^2 / sigma^2) = -2 log tan(phi)}. */
    public static double logSnrOfPhi(double phi) {
        return -2.0 * Math.log(Math.tan(phi));
    }
}

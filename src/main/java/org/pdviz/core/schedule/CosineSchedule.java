package org.pdviz.core.schedule;

/**
 * The cosine schedule with its log-SNR clipped to {@code [logSnrMin, logSnrMax]}:
 * {@code phi(t) = a t + b}, {@code alpha = cos(phi)}, {@code sigma = sin(phi)},
 * {@code b = atan(exp(-logSnrMax / 2))}, {@code a = atan(exp(-logSnrMin / 2)) - b}.
 * Infinite bounds give the ideal form {@code phi = pi t / 2} ({@link #IDEAL}); the official code
 * and our sampler use {@link #CLIPPED} ([-20, 20]).
 */
public record CosineSchedule(double logSnrMin, double logSnrMax) implements Schedule {

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

    @Override
    public String name() {
        return NAME;
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

    @Override
    public double tFromPhi(double phi) {
        return (phi - phiAtZero()) / phiSpan();
    }

    public double tFromLogSnr(double logSnr) {
        return tFromPhi(Math.atan(Math.exp(-logSnr / 2)));
    }

    /** Every quantity of the schedule at time t; the position a denoiser is called with is t itself. */
    @Override
    public NoiseLevel at(double t) {
        double phi = phi(t);
        return new NoiseLevel(t, Math.cos(phi), Math.sin(phi), logSnrOfPhi(phi), phi, t);
    }

    @Override
    public NoiseLevel atPosition(double position) {
        return at(position);
    }

    /** The grid {@code t_i = i / N}, i = N..0; the last step returns x_hat. Continuous time has no spacing options. */
    @Override
    public SamplingGrid grid(int steps, GridOptions options) {
        if (!options.isDefault()) {
            throw new IllegalArgumentException("timestep spacing, steps offset, final alpha and step target apply to"
                    + " discrete schedules; the cosine schedule samples t = i/N");
        }
        return SamplingGrid.chain(java.util.Arrays.stream(new TimeGrid(steps).times()).mapToObj(this::at).toList(),
                true);
    }

    @Override
    public NoiseLevel scrubLevel(int index, int resolution) {
        return at((double) index / resolution);
    }

    @Override
    public int scrubResolution(int wanted) {
        return wanted;
    }

    @Override
    public int scrubIndex(double phi, int resolution) {
        double t = tFromPhi(phi);
        return t > 0 ? (int) Math.min(resolution, Math.round(t * resolution)) : 0;
    }

    /** Continuous time: any number of steps. */
    @Override
    public int maxSteps() {
        return Integer.MAX_VALUE;
    }

    /** {@code lambda = log(alpha^2 / sigma^2) = -2 log tan(phi)}. */
    public static double logSnrOfPhi(double phi) {
        return -2.0 * Math.log(Math.tan(phi));
    }
}

package org.pdviz.core.schedule;

/**
 * The schedule at one point: {@code z_t = alpha x + sigma eps}, {@code phi = atan2(sigma, alpha)}.
 * {@code t} in [0, 1] is the place on the time axis (on a sampler's grid, i/N), {@code position}
 * the schedule's own coordinate that a denoiser is called with: t itself for a continuous schedule,
 * the training timestep index for a discrete one (-1 for its data end, alpha = 1).
 */
public record NoiseLevel(double t, double alpha, double sigma, double logSnr, double phi, double position) {

    public double snr() {
        return (alpha * alpha) / (sigma * sigma);
    }

    /** The same level placed at another t (a sampler's grid time). */
    public NoiseLevel withT(double newT) {
        return new NoiseLevel(newT, alpha, sigma, logSnr, phi, position);
    }
}

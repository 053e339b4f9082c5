package org.pdviz.core.schedule;

/** The schedule at one time t: {@code z_t = alpha x + sigma eps}, {@code phi = atan2(sigma, alpha)}. */
public record NoiseLevel(double t, double alpha, double sigma, double logSnr, double phi) {

    public double snr() {
        return (alpha * alpha) / (sigma * sigma);
    }
}

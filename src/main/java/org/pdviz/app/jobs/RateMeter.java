package org.pdviz.app.jobs;

/** Steps per second, smoothed over the recent past, and the time the remaining steps will take. */
final class RateMeter {

    private static final double HALF_LIFE_SECONDS = 5;
    private long lastNanos = -1;
    private double secondsPerStep = Double.NaN;

    /** Records that one step just finished. */
    void step() {
        long now = System.nanoTime();
        if (lastNanos >= 0) {
            double dt = Math.max(1e-9, (now - lastNanos) / 1e9);
            double keep = Math.pow(0.5, dt / HALF_LIFE_SECONDS);
            // the first measured step sets the pace; later ones move it smoothly
            secondsPerStep = Double.isNaN(secondsPerStep) ? dt : keep * secondsPerStep + (1 - keep) * dt;
        }
        lastNanos = now;
    }

    /** Restarts the timing (after a pause such as writing a checkpoint or opening a teacher). */
    void pause() {
        lastNanos = -1;
    }

    double rate() {
        return 1 / secondsPerStep;
    }

    double eta(long remaining) {
        return remaining * secondsPerStep;
    }
}

package org.pdviz.app.compare;

import org.pdviz.core.schedule.TimeGrid;

/**
 * Lines samplers with different step counts up on t. Sampling runs from t = 1 to 0, so at the
 * reference's time t a sampler with N steps shows the last state it has reached: the position p
 * of {@code 0..N} with the smallest grid time {@code t_{N-p} >= t}. On shared grid times the frames
 * coincide exactly (t = 0.75 is the teacher's position 128 of 512 and the student's 1 of 4).
 */
public final class TimeAlignment {

    /** Grid times closer than this count as equal (i/N is exact in binary only for powers of two). */
    static final double TOLERANCE = 1e-9;

    private TimeAlignment() {
    }

    public static int position(int steps, double t) {
        TimeGrid grid = new TimeGrid(steps);
        if (t >= 1) {
            return 0;
        }
        if (t <= 0) {
            return steps;
        }
        int p = (int) Math.floor(steps * (1 - t) + TOLERANCE);
        // guard against rounding: the grid time at p must not be below t
        while (p > 0 && grid.t(steps - p) < t - TOLERANCE) {
            p--;
        }
        while (p < steps && grid.t(steps - p - 1) >= t - TOLERANCE) {
            p++;
        }
        return p;
    }
}

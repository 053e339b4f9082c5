package org.pdviz.app.phi;

import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.core.schedule.NoiseLevel;

/**
 * The positions the phi slider snaps to: {@code t_i = i / resolution}, {@code i = 0..resolution}.
 * Because phi is linear in t under the cosine schedule, this is also an even grid in phi, from
 * {@code phi(0)} (just above 0) to {@code phi(1)} (just below pi/2 for the clipped schedule).
 * Predictions are cached per index, and with a resolution that is a multiple of the teacher's step
 * count the teacher's own grid times are slider positions.
 */
public record PhiGrid(CosineSchedule schedule, int resolution) {

    public static final int DEFAULT_RESOLUTION = 1024;

    public PhiGrid {
        if (resolution < 1) {
            throw new IllegalArgumentException("the phi grid needs at least one interval, got " + resolution);
        }
    }

    public static PhiGrid of(CosineSchedule schedule) {
        return new PhiGrid(schedule, DEFAULT_RESOLUTION);
    }

    public double t(int index) {
        check(index);
        return (double) index / resolution;
    }

    public NoiseLevel level(int index) {
        return schedule.at(t(index));
    }

    public double phi(int index) {
        return schedule.phi(t(index));
    }

    public double phiMin() {
        return schedule.phi(0);
    }

    public double phiMax() {
        return schedule.phi(1);
    }

    /** The nearest grid index to an angle (clamped to the grid). */
    public int indexOf(double phi) {
        double t = schedule.tFromPhi(phi);
        if (!(t > 0)) {
            return 0;
        }
        return (int) Math.min(resolution, Math.round(t * resolution));
    }

    private void check(int index) {
        if (index < 0 || index > resolution) {
            throw new IndexOutOfBoundsException("phi grid index " + index + " outside 0.." + resolution);
        }
    }
}

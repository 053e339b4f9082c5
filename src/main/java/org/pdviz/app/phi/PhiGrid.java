package org.pdviz.app.phi;

import org.pdviz.core.schedule.NoiseLevel;
import org.pdviz.core.schedule.Schedule;

/**
 * The positions the phi slider snaps to, index 0 (data side) to {@code resolution} (t = 1), each one
 * a position the models can be evaluated at: for the cosine schedule {@code t_i = i / resolution},
 * an even grid in phi too (phi is linear in t), from {@code phi(0)} (just above 0) to {@code phi(1)}
 * (just below pi/2 when clipped); for a discrete schedule its T timesteps. Predictions are cached per
 * index; with a cosine resolution that is a multiple of the teacher's step count, and always for a
 * discrete schedule, the teacher's own grid levels are slider positions.
 */
public record PhiGrid(Schedule schedule, int resolution) {

    public static final int DEFAULT_RESOLUTION = 1024;

    public PhiGrid {
        if (resolution < 1) {
            throw new IllegalArgumentException("the phi grid needs at least one interval, got " + resolution);
        }
    }

    public static PhiGrid of(Schedule schedule) {
        return new PhiGrid(schedule, schedule.scrubResolution(DEFAULT_RESOLUTION));
    }

    public double t(int index) {
        return level(index).t();
    }

    public NoiseLevel level(int index) {
        check(index);
        return schedule.scrubLevel(index, resolution);
    }

    public double phi(int index) {
        return level(index).phi();
    }

    public double phiMin() {
        return phi(0);
    }

    public double phiMax() {
        return phi(resolution);
    }

    /** The nearest grid index to an angle (clamped to the grid). */
    public int indexOf(double phi) {
        return schedule.scrubIndex(phi, resolution);
    }

    private void check(int index) {
        if (index < 0 || index > resolution) {
            throw new IndexOutOfBoundsException("phi grid index " + index + " outside 0.." + resolution);
        }
    }
}

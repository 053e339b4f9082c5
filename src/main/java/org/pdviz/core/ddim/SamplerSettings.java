package org.pdviz.core.ddim;

import org.pdviz.core.model.DataRange;

/**
 * How to sample: N steps on the grid t_i = i/N, from seed's noise for samples
 * {@code firstIndex .. firstIndex + count - 1}, clipping x_hat to {@code clipTo} when it is not null.
 */
public record SamplerSettings(int steps, long seed, int count, long firstIndex, DataRange clipTo,
                              Recording recording) {

    /**
     * ALL keeps every frame in the trajectory; STREAM hands each frame to the monitor and keeps none
     * (a run whose frames would not fit in memory, written out as it goes); FINAL records no frames.
     */
    public enum Recording { ALL, STREAM, FINAL }

    public SamplerSettings {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        if (firstIndex < 0) {
            throw new IllegalArgumentException("firstIndex must be non-negative, got " + firstIndex);
        }
        if (recording == null) {
            recording = Recording.ALL;
        }
    }

    public SamplerSettings(int steps, long seed, int count, DataRange clipTo, Recording recording) {
        this(steps, seed, count, 0, clipTo, recording);
    }

    public boolean clip() {
        return clipTo != null;
    }
}

package org.pdviz.core.ddim;

import org.pdviz.core.Identified;
import org.pdviz.core.model.DataRange;
import org.pdviz.core.schedule.GridOptions;

/**
 * How to sample: N steps on the schedule's grid (laid as {@code grid} says), from seed's noise for
 * samples {@code firstIndex .. firstIndex + count - 1}, clipping x_hat to {@code clipTo} when it is
 * not null, in the {@code clipStyle} way.
 */
public record SamplerSettings(int steps, long seed, int count, long firstIndex, DataRange clipTo,
                              Recording recording, GridOptions grid, ClipStyle clipStyle) {

    /**
     * ALL keeps every frame in the trajectory; STREAM hands each frame to the monitor and keeps none
     * (a run whose frames would not fit in memory, written out as it goes); FINAL records no frames.
     */
    public enum Recording { ALL, STREAM, FINAL }

    /**
     * What clipping x_hat does to eps_hat: {@code official} recomputes it from the clipped x_hat, as the
     * progressive distillation code does (the step is then {@code z_s = alpha_s x_c + (sigma_s/sigma_t)(z_t
     * - alpha_t x_c)}); {@code diffusers} keeps the model's eps_hat (DDIMScheduler with its default
     * {@code use_clipped_model_output = False}: {@code z_s = alpha_s x_c + sigma_s eps_hat}).
     */
    public enum ClipStyle implements Identified {
        OFFICIAL, DIFFUSERS;

        public static ClipStyle parse(String s) {
            return Identified.parse(ClipStyle.class, "clip style", s);
        }
    }

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
        if (grid == null) {
            grid = GridOptions.DEFAULT;
        }
        if (clipStyle == null) {
            clipStyle = ClipStyle.OFFICIAL;
        }
    }

    public SamplerSettings(int steps, long seed, int count, long firstIndex, DataRange clipTo, Recording recording) {
        this(steps, seed, count, firstIndex, clipTo, recording, null, null);
    }

    public SamplerSettings(int steps, long seed, int count, DataRange clipTo, Recording recording) {
        this(steps, seed, count, 0, clipTo, recording);
    }

    public boolean clip() {
        return clipTo != null;
    }

    /** The same with other grid options and clip style. */
    public SamplerSettings with(GridOptions g, ClipStyle style) {
        return new SamplerSettings(steps, seed, count, firstIndex, clipTo, recording, g, style);
    }
}

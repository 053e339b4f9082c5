package org.pdviz.core.ddim;

import java.util.List;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.SamplingGrid;
import org.pdviz.core.schedule.Schedule;

/**
 * A whole sampling run: the schedule and the grid it stepped on, the frames in sampling order (t = 1
 * first; empty when only the final sample was recorded) and the final samples,
 * {@code count * shape.size()} values row-major.
 */
public record Trajectory(String model, Parameterization parameterization, SamplerSettings settings,
                         DataShape shape, Schedule schedule, SamplingGrid grid, List<Frame> frames,
                         float[] finalSample, long nanos) {

    public Trajectory {
        frames = List.copyOf(frames);
    }

    /** Bytes a run with every frame recorded holds: z, x_hat, eps_hat and v_hat of each step, and the final state. */
    public static long recordedBytes(long dim, long count, long steps) {
        return 4L * Float.BYTES * dim * count * (steps + 1);
    }

    public int count() {
        return settings.count();
    }

    public int steps() {
        return settings.steps();
    }

    /** Network evaluations per sample: one per step. */
    public int evaluationsPerSample() {
        return settings.steps();
    }

    /** [B, d1, ...] for the whole batch. */
    public long[] batchShape() {
        return shape.batched(count());
    }
}

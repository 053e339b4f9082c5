package org.pdviz.app.sampling;

import org.pdviz.core.ddim.Frame;
import org.pdviz.core.ddim.Trajectory;
import org.pdviz.core.model.DataRange;
import org.pdviz.core.schedule.NoiseLevel;
import org.pdviz.core.schedule.TimeGrid;
import org.pdviz.runtime.card.ModelCard;

/**
 * A finished run with every frame recorded, addressed by position {@code 0..N} (see
 * {@link FrameData}), its steady-state wall time, and the start file it began from ({@code start},
 * null: the seed's noise). Its arrays are never modified, so views may read them from any thread.
 */
public record SampledRun(RunSpec spec, ModelCard card, Trajectory trajectory, WallTime wall, StartTensor start) {

    public SampledRun(RunSpec spec, ModelCard card, Trajectory trajectory, WallTime wall) {
        this(spec, card, trajectory, wall, null);
    }

    public int steps() {
        return trajectory.steps();
    }

    /** The samples of the run (a start file's batch, else the spec's count). */
    public int count() {
        return trajectory.count();
    }

    /** The last position (the final sample at t = 0). */
    public int last() {
        return trajectory.steps();
    }

    public TimeGrid grid() {
        return new TimeGrid(trajectory.steps());
    }

    /** The time shown at a position: the grid time t_{N-p}. */
    public double t(int position) {
        return grid().t(last() - position);
    }

    public NoiseLevel level(int position) {
        return position == last() ? trajectory.grid().last() : trajectory.frames().get(position).at();
    }

    public FrameData frame(int position) {
        if (position < 0 || position > last()) {
            throw new IndexOutOfBoundsException("position " + position + " outside 0.." + last());
        }
        if (position == last()) {
            float[] x = trajectory.finalSample();
            return new FrameData(position, last(), level(position), x, x, null, null);
        }
        Frame f = trajectory.frames().get(position);
        return new FrameData(position, last(), f.at(), f.z(), f.xHat(), f.epsHat(), f.vHat());
    }

    /** z at a position (the final sample at the last one). */
    public float[] z(int position) {
        return position == last() ? trajectory.finalSample() : trajectory.frames().get(position).z();
    }

    /** x_hat at a position (the final sample at the last one). */
    public float[] xHat(int position) {
        return position == last() ? trajectory.finalSample() : trajectory.frames().get(position).xHat();
    }

    public DataRange range() {
        return card.rangeValue();
    }
}

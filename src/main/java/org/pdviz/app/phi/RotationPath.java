package org.pdviz.app.phi;

import java.util.ArrayList;
import java.util.List;
import org.pdviz.core.ddim.Ddim;
import org.pdviz.core.ddim.Frame;
import org.pdviz.core.ddim.Trajectory;

/**
 * A DDIM sampling run of one sample as a chain of rotations in the sample's plane: the teacher's
 * many small ones or the student's few big ones. Built from the sampler's recorded frames, so the
 * drawn path is the real one.
 */
public record RotationPath(String label, int steps, List<RotationStep> rotations) {

    public RotationPath {
        rotations = List.copyOf(rotations);
    }

    /** Needs a trajectory recorded with every frame. */
    public static RotationPath of(String label, Trajectory trajectory, int sample, PlaneCoordinates plane) {
        List<Frame> frames = trajectory.frames();
        if (frames.size() != trajectory.steps()) {
            throw new IllegalArgumentException("the trajectory of '" + trajectory.model()
                    + "' has no recorded frames (sample with Recording.ALL)");
        }
        int dim = trajectory.shape().size();
        if (sample < 0 || sample >= trajectory.count()) {
            throw new IndexOutOfBoundsException("sample " + sample + " outside 0.." + (trajectory.count() - 1));
        }
        int off = sample * dim;
        List<RotationStep> steps = new ArrayList<>(frames.size());
        for (int k = 0; k < frames.size(); k++) {
            Frame f = frames.get(k);
            boolean last = k == frames.size() - 1;
            float[] next = last ? trajectory.finalSample() : frames.get(k + 1).z();
            steps.add(new RotationStep(k, f.at(), f.to(), Ddim.rotationAngle(f.at(), f.to()),
                    plane.project(f.z(), off), plane.project(f.vHat(), off), plane.project(next, off), last));
        }
        return new RotationPath(label, frames.size(), steps);
    }

    /** The sum of the step angles: phi(1) - phi(0) for a full run. */
    public double totalAngle() {
        return rotations.stream().mapToDouble(RotationStep::angle).sum();
    }

    /** The states z_t at every grid time, then the final sample ({@code steps + 1} points). */
    public List<PlanePoint> states() {
        List<PlanePoint> pts = new ArrayList<>(rotations.size() + 1);
        rotations.forEach(r -> pts.add(r.start()));
        if (!rotations.isEmpty()) {
            pts.add(rotations.get(rotations.size() - 1).end());
        }
        return pts;
    }
}

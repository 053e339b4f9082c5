package org.pdviz.app.phi;

import java.util.List;
import org.pdviz.core.ddim.Frame;
import org.pdviz.core.ddim.Trajectory;

/**
 * One coordinate (a pixel) of one sample along a sampling run: its value z at each grid angle, and
 * the final value at phi(0). On the exact circle the value is a sinusoid,
 * {@code z_j(phi) = x_j cos(phi) + eps_j sin(phi)}; the run shows how far a sampler strays from it.
 */
public record CoordinateTrace(String label, double[] phi, double[] z) {

    public static CoordinateTrace of(String label, Trajectory trajectory, int sample, int coordinate) {
        List<Frame> frames = trajectory.frames();
        int dim = trajectory.shape().size(), j = sample * dim + coordinate;
        double[] phi = new double[frames.size() + 1], z = new double[frames.size() + 1];
        for (int k = 0; k < frames.size(); k++) {
            phi[k] = frames.get(k).at().phi();
            z[k] = frames.get(k).z()[j];
        }
        phi[frames.size()] = trajectory.grid().last().phi();
        z[frames.size()] = trajectory.finalSample()[j];
        return new CoordinateTrace(label, phi, z);
    }
}

package org.pdviz.app.phi;

import org.pdviz.core.schedule.NoiseLevel;

/**
 * The picture at one angle for one sample, in the plane of its x and eps: the point {@code z} on
 * the circle, its tangent {@code v = dz/dphi}, and where the model's x_hat, eps_hat and v_hat
 * fall (null until the predictions are computed), plus the chosen coordinate's numbers.
 */
public record PhiPoint(NoiseLevel level, int sample, PlanePoint z, PlanePoint v, PlanePoint xHat,
                       PlanePoint epsHat, PlanePoint vHat, Coordinate coordinate) {

    /**
     * Builds the picture from the sample set (exact z and v) and, when not null, predictions made at
     * the same level.
     */
    public static PhiPoint of(PhiSamples set, int sample, PlaneCoordinates plane, NoiseLevel level,
                              PhiPredictions predictions, int coordinate) {
        set.checkSample(sample);
        int dim = set.dim();
        if (coordinate < 0 || coordinate >= dim) {
            throw new IndexOutOfBoundsException("coordinate " + coordinate + " outside 0.." + (dim - 1));
        }
        if (predictions != null && predictions.level().t() != level.t()) {
            throw new IllegalArgumentException("predictions made at t = " + predictions.level().t()
                    + ", the picture is at t = " + level.t());
        }
        int off = sample * dim;
        float[] zAll = predictions != null ? predictions.z() : set.z(level);
        float[] vAll = set.v(level);
        PlanePoint z = plane.project(zAll, off);
        PlanePoint v = plane.project(vAll, off);
        int j = off + coordinate;
        double xj = set.x()[j], ej = set.eps()[j];
        if (predictions == null) {
            return new PhiPoint(level, sample, z, v, null, null, null,
                    new Coordinate(coordinate, zAll[j], xj, ej, vAll[j], Double.NaN, Double.NaN, Double.NaN));
        }
        return new PhiPoint(level, sample, z, v, plane.project(predictions.xHat(), off),
                plane.project(predictions.epsHat(), off), plane.project(predictions.vHat(), off),
                new Coordinate(coordinate, zAll[j], xj, ej, vAll[j], predictions.xHat()[j], predictions.epsHat()[j],
                        predictions.vHat()[j]));
    }

    public double phi() {
        return level.phi();
    }

    public boolean hasPredictions() {
        return xHat != null;
    }
}

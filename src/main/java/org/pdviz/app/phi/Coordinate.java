package org.pdviz.app.phi;

/**
 * One coordinate of one sample (a pixel, or x1/x2 of a point) at the current phi: the true values
 * {@code x}, {@code eps}, {@code v} and the state {@code z}, and the model's predictions (NaN until
 * they are computed).
 */
public record Coordinate(int index, double z, double x, double eps, double v, double xHat, double epsHat,
                         double vHat) {

    public boolean hasPredictions() {
        return !Double.isNaN(xHat);
    }
}

package org.pdviz.app.phi;

/**
 * Coordinates in the plane spanned by one sample's {@code x} and {@code eps}: any vector {@code w}
 * is written {@code a x + b eps} by least squares (the 2x2 normal equations), which is exact for
 * vectors in the plane and the closest point otherwise. This is the plane of the paper's picture:
 * with x and eps as the axes, z moves on the unit circle and v is its tangent.
 */
public final class PlaneCoordinates {

    private final double[] x, eps;
    private final double xx, xe, ee, det;

    /** The plane of {@code x[offset .. offset+dim)} and {@code eps[offset .. offset+dim)}. */
    public PlaneCoordinates(float[] x, float[] eps, int offset, int dim) {
        this.x = new double[dim];
        this.eps = new double[dim];
        double sxx = 0, sxe = 0, see = 0;
        for (int j = 0; j < dim; j++) {
            double xv = x[offset + j], ev = eps[offset + j];
            this.x[j] = xv;
            this.eps[j] = ev;
            sxx += xv * xv;
            sxe += xv * ev;
            see += ev * ev;
        }
        xx = sxx;
        xe = sxe;
        ee = see;
        det = xx * ee - xe * xe;
    }

    public int dim() {
        return x.length;
    }

    /** Cosine of the angle between x and eps (near 0 for images: the plane is well defined). */
    public double cosAngle() {
        return xe / Math.sqrt(xx * ee);
    }

    /** True when x and eps are (nearly) parallel or zero, so the plane is not defined. */
    public boolean degenerate() {
        return !(xx > 0 && ee > 0) || Math.abs(cosAngle()) > 0.995;
    }

    /** {@code w[offset .. offset+dim)} as {@code a x + b eps} (closest point in the plane). */
    public PlanePoint project(float[] w, int offset) {
        double wx = 0, we = 0, ww = 0;
        for (int j = 0; j < x.length; j++) {
            double v = w[offset + j];
            wx += v * x[j];
            we += v * eps[j];
            ww += v * v;
        }
        if (degenerate()) {
            return new PlanePoint(Double.NaN, Double.NaN, Double.NaN);
        }
        double a = (ee * wx - xe * we) / det;
        double b = (xx * we - xe * wx) / det;
        double r2 = 0;
        for (int j = 0; j < x.length; j++) {
            double d = w[offset + j] - a * x[j] - b * eps[j];
            r2 += d * d;
        }
        return new PlanePoint(a, b, ww > 0 ? Math.sqrt(r2 / ww) : 0);
    }
}

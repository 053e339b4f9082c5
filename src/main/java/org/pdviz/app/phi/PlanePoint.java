package org.pdviz.app.phi;

/**
 * A vector written in the plane of one sample's data {@code x} and noise {@code eps}:
 * {@code a x + b eps}, so {@code z_phi = cos(phi) x + sin(phi) eps} is the point
 * {@code (cos phi, sin phi)} on the unit circle. {@code offPlane} is the part of the vector the
 * plane cannot hold, relative to its length (0 for vectors built from x and eps; a model's
 * predictions of a digit usually leave some).
 */
public record PlanePoint(double a, double b, double offPlane) {

    public static PlanePoint of(double a, double b) {
        return new PlanePoint(a, b, 0);
    }

    public double norm() {
        return Math.hypot(a, b);
    }

    public double dot(PlanePoint o) {
        return a * o.a + b * o.b;
    }

    /** The angle from the x axis, {@code atan2(b, a)}. */
    public double angle() {
        return Math.atan2(b, a);
    }

    /** {@code p * this + q * other} (off-plane parts are not combined). */
    public PlanePoint combine(double p, PlanePoint other, double q) {
        return of(p * a + q * other.a, p * b + q * other.b);
    }
}

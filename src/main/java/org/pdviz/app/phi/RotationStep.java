package org.pdviz.app.phi;

import org.pdviz.core.schedule.NoiseLevel;

/**
 * One DDIM step drawn as what it is, a rotation: from {@code start} (z_t) the state turns by
 * {@code angle = phi_t - phi_s} ({@link org.pdviz.core.ddim.Ddim#rotationAngle}) towards
 * {@code -vHat}: {@code z(tau) = cos(tau) z_t - sin(tau) v_hat}, tau from 0 to angle, and lands on
 * {@code end}, the sampler's next state (for the last step, the returned x_hat, which the rotation
 * to t = 0 meets up to {@code sigma_0 eps_hat}, about 5e-5). Points are in the sample's plane.
 */
public record RotationStep(int index, NoiseLevel from, NoiseLevel to, double angle, PlanePoint start,
                           PlanePoint vHat, PlanePoint end, boolean last) {

    /** The state after turning by {@code tau} (0 gives start, angle gives end). */
    public PlanePoint rotated(double tau) {
        return start.combine(Math.cos(tau), vHat, -Math.sin(tau));
    }

    /** The arc as {@code n + 1} points, for drawing. */
    public PlanePoint[] arc(int n) {
        PlanePoint[] pts = new PlanePoint[n + 1];
        for (int i = 0; i <= n; i++) {
            pts[i] = rotated(angle * i / n);
        }
        return pts;
    }
}

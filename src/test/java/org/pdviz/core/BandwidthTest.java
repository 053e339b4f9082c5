package org.pdviz.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.pdviz.core.exact.Bandwidth;

class BandwidthTest {

    @Test
    void onALineOfEvenlySpacedPointsTheThirdNeighbourIsTwoSpacingsAway() {
        // spacing h: neighbours at h, h, 2h, 2h (ends: h, 2h, 3h), so the median d_3 is 2h and S = 2h / (2 sqrt 2)
        int n = 101;
        double h = 0.01;
        float[] p = new float[2 * n];
        for (int i = 0; i < n; i++) {
            p[2 * i] = (float) (-0.5 + i * h);
            p[2 * i + 1] = 0.25f;
        }
        assertEquals(2 * h / (2 * Math.sqrt(2)), Bandwidth.of(p, 2), 1e-6);
    }

    @Test
    void repeatedPointsDoNotShrinkItToZero() {
        float[] p = new float[2 * 40];
        for (int i = 0; i < 40; i++) {
            p[2 * i] = (i / 2) * 0.1f; // every point twice
        }
        // a point's twin (distance 0) is skipped; then four points at 0.1 (two at the ends, then 0.2): d_3 = 0.1
        double s = Bandwidth.of(p, 2);
        assertEquals(0.1 / (2 * Math.sqrt(2)), s, 1e-6);
    }

    @Test
    void identicalPointsHaveNoBandwidth() {
        assertThrows(IllegalArgumentException.class, () -> Bandwidth.of(new float[] {1, 1, 1, 1}, 2));
    }
}

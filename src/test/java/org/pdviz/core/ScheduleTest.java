package org.pdviz.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.core.schedule.NoiseLevel;
import org.pdviz.core.schedule.TimeGrid;

class ScheduleTest {

    private static final CosineSchedule[] BOTH = {CosineSchedule.IDEAL, CosineSchedule.CLIPPED};

    @Test
    void alphaSquaredPlusSigmaSquaredIsOne() {
        for (CosineSchedule s : BOTH) {
            for (int i = 0; i <= 1000; i++) {
                double t = i / 1000.0;
                assertEquals(1.0, s.alpha(t) * s.alpha(t) + s.sigma(t) * s.sigma(t), 1e-15);
            }
        }
    }

    @Test
    void idealFormIsCosineOfPiTOverTwo() {
        CosineSchedule s = CosineSchedule.IDEAL;
        assertTrue(s.isIdeal());
        for (int i = 1; i < 100; i++) {
            double t = i / 100.0;
            assertEquals(Math.cos(Math.PI * t / 2), s.alpha(t), 1e-15);
            assertEquals(Math.sin(Math.PI * t / 2), s.sigma(t), 1e-15);
            assertEquals(Math.PI * t / 2, s.phi(t), 1e-15);
            assertEquals(-2 * Math.log(Math.tan(Math.PI * t / 2)), s.logSnr(t), 1e-12);
        }
        assertEquals(Double.POSITIVE_INFINITY, s.logSnr(0));
    }

    @Test
    void clippedFormHitsItsBoundsAtTheEnds() {
        CosineSchedule s = CosineSchedule.CLIPPED;
        assertEquals(20.0, s.logSnr(0), 1e-9);
        assertEquals(-20.0, s.logSnr(1), 1e-9);
        assertEquals(Math.atan(Math.exp(-10)), s.phiAtZero(), 1e-18);
        assertEquals(4.54e-5, s.phiAtZero(), 1e-7);
        assertEquals(Math.PI / 2 - 2 * s.phiAtZero(), s.phiSpan(), 1e-15);
        // the clipped schedule is linear in t
        assertEquals(s.phi(0.5) - s.phi(0.25), s.phi(0.75) - s.phi(0.5), 1e-15);
    }

    @Test
    void inversesRoundTrip() {
        for (CosineSchedule s : BOTH) {
            for (int i = 1; i < 200; i++) {
                double t = i / 200.0;
                assertEquals(t, s.tFromLogSnr(s.logSnr(t)), 1e-12);
                assertEquals(t, s.tFromPhi(s.phi(t)), 1e-14);
            }
        }
    }

    @Test
    void logSnrIsStrictlyDecreasing() {
        for (CosineSchedule s : BOTH) {
            double previous = Double.POSITIVE_INFINITY;
            for (int i = 1; i <= 4096; i++) {
                double l = s.logSnr(i / 4096.0);
                assertTrue(l < previous, "log-SNR must decrease at t = " + i / 4096.0);
                previous = l;
            }
        }
    }

    @Test
    void noiseLevelAgreesWithTheSchedule() {
        CosineSchedule s = CosineSchedule.CLIPPED;
        NoiseLevel n = s.at(0.3);
        assertEquals(Math.atan2(n.sigma(), n.alpha()), n.phi(), 1e-15);
        assertEquals(Math.exp(n.logSnr()), n.snr(), 1e-9 * n.snr());
        assertEquals(s.alpha(0.3), n.alpha(), 0);
    }

    @Test
    void gridRunsFromOneToZero() {
        TimeGrid g = new TimeGrid(4);
        assertEquals(1.0, g.stepStart(0));
        assertEquals(0.75, g.stepEnd(0));
        assertEquals(0.25, g.stepStart(3));
        assertEquals(0.0, g.stepEnd(3));
        assertEquals(5, g.times().length);
    }
}

package org.pdviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pdviz.app.curves.ScheduleCurves;
import org.pdviz.core.schedule.CosineSchedule;

class ScheduleCurvesTest {

    @Test
    void curvesMatchTheClosedForms() {
        ScheduleCurves c = ScheduleCurves.of(CosineSchedule.CLIPPED, 101);
        double[] t = c.t();
        assertEquals(101, t.length);
        assertEquals(0.0, t[0]);
        assertEquals(1.0, t[100]);
        double b = Math.atan(Math.exp(-10)), a = Math.atan(Math.exp(10)) - b;
        for (int i = 0; i < t.length; i++) {
            double phi = a * t[i] + b;
            double alpha = Math.cos(phi), sigma = Math.sin(phi), snr = alpha * alpha / (sigma * sigma);
            assertEquals(alpha, c.curve(ScheduleCurves.ALPHA).values()[i], 1e-12);
            assertEquals(sigma, c.curve(ScheduleCurves.SIGMA).values()[i], 1e-12);
            assertEquals(Math.log(snr), c.curve(ScheduleCurves.LOG_SNR_CLIPPED).values()[i], 1e-9);
            assertEquals(snr, c.curve(ScheduleCurves.SNR).values()[i], 1e-9 * Math.max(1, snr));
            assertEquals(Math.max(snr, 1), c.curve("truncated").values()[i], 1e-9 * Math.max(1, snr));
            assertEquals(snr + 1, c.curve("snr+1").values()[i], 1e-9 * Math.max(1, snr));
            if (i > 0 && i < 100) {
                double tan = Math.tan(Math.PI * t[i] / 2);
                assertEquals(-2 * Math.log(tan), c.curve(ScheduleCurves.LOG_SNR_IDEAL).values()[i], 1e-9);
            }
        }
        // the clipped schedule stays within [-20, 20]; the ideal one diverges at both ends
        assertEquals(20, c.curve(ScheduleCurves.LOG_SNR_CLIPPED).values()[0], 1e-9);
        assertEquals(-20, c.curve(ScheduleCurves.LOG_SNR_CLIPPED).values()[100], 1e-9);
        assertTrue(c.curve(ScheduleCurves.LOG_SNR_IDEAL).values()[0] > 30);
        assertTrue(c.curve(ScheduleCurves.LOG_SNR_IDEAL).values()[100] < -30);
    }
}

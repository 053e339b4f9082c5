package org.pdviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pdviz.app.curves.ScheduleCurves;
import org.pdviz.core.schedule.BetaSchedule;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.core.schedule.DiscreteSchedule;

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

    @Test
    void aDiscreteScheduleHasOnePointPerTimestepAndItsDataEnd() {
        DiscreteSchedule d = DiscreteSchedule.of(BetaSchedule.LINEAR, 1000, 1e-4, 0.02);
        ScheduleCurves c = ScheduleCurves.of(d, 801);
        assertEquals(1000, c.timesteps());
        assertEquals(1001, c.t().length);
        double[] ab = d.alphaBar();
        for (int k = 0; k < 1000; k++) {
            double t = (k + 1) / 1000.0;
            assertEquals(t, c.t()[k + 1], 1e-15);
            assertEquals(Math.sqrt(ab[k]), c.curve(ScheduleCurves.ALPHA).values()[k + 1], 1e-15);
            assertEquals(Math.sqrt(1 - ab[k]), c.curve(ScheduleCurves.SIGMA).values()[k + 1], 1e-15);
            assertEquals(Math.log(ab[k] / (1 - ab[k])), c.curve(ScheduleCurves.LOG_SNR_CLIPPED).values()[k + 1], 1e-9);
            assertEquals(ab[k] / (1 - ab[k]), c.curve(ScheduleCurves.SNR).values()[k + 1], 1e-9 * ab[k] / (1 - ab[k]));
        }
        assertEquals(1.0, c.curve(ScheduleCurves.ALPHA).values()[0], "t = 0 is the data end, alpha-bar = 1");
        assertEquals(0.0, c.curve(ScheduleCurves.SIGMA).values()[0]);
        assertTrue(c.curve(ScheduleCurves.LOG_SNR_CLIPPED).label(org.pdviz.app.i18n.Texts.of(
                org.pdviz.app.i18n.Language.EN)).contains("1000 timesteps"));
        assertEquals(0, ScheduleCurves.of(CosineSchedule.CLIPPED, 11).timesteps());
    }
}

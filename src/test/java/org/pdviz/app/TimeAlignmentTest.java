package org.pdviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pdviz.app.compare.TimeAlignment;
import org.pdviz.core.schedule.TimeGrid;

class TimeAlignmentTest {

    @Test
    void sharedGridTimesCoincide() {
        // the teacher's 512-step grid holds the student's 4-step grid: t = 1, 3/4, 1/2, 1/4, 0
        for (int k = 0; k <= 4; k++) {
            double t = new TimeGrid(512).t(512 - 128 * k);
            assertEquals(k, TimeAlignment.position(4, t));
            assertEquals(128 * k, TimeAlignment.position(512, t));
        }
    }

    @Test
    void betweenGridTimesTheLastReachedStateIsShown() {
        assertEquals(0, TimeAlignment.position(4, 0.999));
        assertEquals(0, TimeAlignment.position(4, 0.7500001));
        assertEquals(1, TimeAlignment.position(4, 0.74));
        assertEquals(3, TimeAlignment.position(4, 1e-6));
        assertEquals(4, TimeAlignment.position(4, 0.0));
        assertEquals(0, TimeAlignment.position(4, 1.5));
        assertEquals(4, TimeAlignment.position(4, -1));
    }

    @Test
    void everyPositionOfAnyGridMapsToItselfAndNeverLeadsTheReference() {
        for (int n : new int[] {1, 3, 7, 10, 64, 100, 512, 1000}) {
            TimeGrid g = new TimeGrid(n);
            for (int p = 0; p <= n; p++) {
                double t = g.t(n - p);
                assertEquals(p, TimeAlignment.position(n, t), "N = " + n + ", p = " + p);
                for (int m : new int[] {1, 2, 4, 5, 8, 9}) {
                    int q = TimeAlignment.position(m, t);
                    double tq = new TimeGrid(m).t(m - q);
                    // the state shown is at or before t in sampling order, and the next one is after t
                    assertTrue(tq >= t - 1e-9, "N = " + n + ", p = " + p + ", M = " + m);
                    assertTrue(q == m || new TimeGrid(m).t(m - q - 1) < t - 1e-9);
                }
            }
        }
    }
}

package org.pdviz.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pdviz.core.schedule.BetaSchedule;
import org.pdviz.core.schedule.DiscreteSchedule;
import org.pdviz.core.schedule.NoiseLevel;
import org.pdviz.core.schedule.SamplingGrid;
import org.pdviz.core.schedule.TimestepSpacing;

class DiscreteScheduleTest {

    static final int T = 1000;
    static final DiscreteSchedule LINEAR = DiscreteSchedule.of(BetaSchedule.LINEAR, T, 1e-4, 0.02);

    /** prod_{j<=k} (1 - beta_j) in double, the betas from their closed form. */
    private static double[] product(java.util.function.IntToDoubleFunction beta, int n) {
        double[] out = new double[n];
        double p = 1;
        for (int k = 0; k < n; k++) {
            p *= 1 - beta.applyAsDouble(k);
            out[k] = p;
        }
        return out;
    }

    @Test
    void linearBetasGiveTheProductOfOneMinusBeta() {
        double[] expected = product(k -> 1e-4 + k * (0.02 - 1e-4) / (T - 1), T);
        double[] table = LINEAR.alphaBar();
        for (int k = 0; k < T; k++) {
            assertEquals(expected[k], table[k], 2e-6 * expected[k], "alpha-bar at timestep " + k);
        }
        assertEquals(0.9999, table[0], 1e-7);
    }

    @Test
    void scaledLinearBetasReachStableDiffusionsTerminalSignal() {
        DiscreteSchedule sd = DiscreteSchedule.of(BetaSchedule.SCALED_LINEAR, T, 0.00085, 0.012);
        double a = Math.sqrt(0.00085), b = Math.sqrt(0.012);
        double[] expected = product(k -> Math.pow(a + k * (b - a) / (T - 1), 2), T);
        for (int k = 0; k < T; k++) {
            assertEquals(expected[k], sd.alphaBar()[k], 2e-6 * expected[k]);
        }
        // sqrt(alpha-bar_T) = 0.068265 for Stable Diffusion (Lin et al. 2024, "Common diffusion noise schedules
        // and sample steps are flawed", Table 1)
        assertEquals(0.068265, Math.sqrt(sd.alphaBar()[T - 1]), 5e-7);
    }

    @Test
    void squaredCosineTelescopesToGlidesAlphaBarUntilTheCap() {
        DiscreteSchedule c = DiscreteSchedule.of(BetaSchedule.SQUAREDCOS_CAP_V2, T, 0, 0);
        double f0 = Math.pow(Math.cos(0.008 / 1.008 * Math.PI / 2), 2);
        double[] table = c.alphaBar();
        int capped = 0;
        for (int k = 0; k < T; k++) {
            double f = Math.pow(Math.cos(((k + 1.0) / T + 0.008) / 1.008 * Math.PI / 2), 2);
            double beta = 1 - f / Math.pow(Math.cos(((double) k / T + 0.008) / 1.008 * Math.PI / 2), 2);
            if (beta >= BetaSchedule.MAX_BETA) {
                capped++;
                continue;
            }
            if (capped == 0) {
                assertEquals(f / f0, table[k], 1e-5 * table[k] + 1e-12, "alpha-bar at timestep " + k);
            }
        }
        assertTrue(capped >= 1, "the last beta is capped at 0.999");
        assertEquals(table[T - 2] * (1f - (float) BetaSchedule.MAX_BETA), table[T - 1], 1e-6 * table[T - 1]);
    }

    @Test
    void levelsFollowFromAlphaBar() {
        for (int k : new int[] {0, 1, 17, 500, 998, 999}) {
            NoiseLevel l = LINEAR.level(k);
            double ab = LINEAR.alphaBar()[k];
            assertEquals(Math.sqrt(ab), l.alpha(), 1e-15);
            assertEquals(Math.sqrt(1 - ab), l.sigma(), 1e-15);
            assertEquals(1.0, l.alpha() * l.alpha() + l.sigma() * l.sigma(), 1e-14);
            assertEquals(Math.log(ab / (1 - ab)), l.logSnr(), 1e-9);
            assertEquals(Math.atan2(l.sigma(), l.alpha()), l.phi(), 0);
            assertEquals(k, l.position());
            assertEquals((k + 1.0) / T, l.t(), 0);
        }
        NoiseLevel data = LINEAR.level(-1);
        assertEquals(1, data.alpha());
        assertEquals(0, data.sigma());
        assertEquals(0, data.phi());
    }

    @Test
    void trailingTimestepsAreNumpysRoundOfArange() {
        assertArrayEquals(new int[] {999, 899, 799, 699, 599, 499, 399, 299, 199, 99},
                TimestepSpacing.TRAILING.timesteps(T, 10, 0));
        assertArrayEquals(new int[] {999, 666, 332}, TimestepSpacing.TRAILING.timesteps(T, 3, 0));
        assertArrayEquals(new int[] {999}, TimestepSpacing.TRAILING.timesteps(T, 1, 0));
        // np.round(np.arange(1000, 0, -62.5)) - 1: halves round to even (812.5 -> 812)
        assertArrayEquals(new int[] {999, 937, 874, 811, 749, 687, 624, 561, 499, 437, 374, 311, 249, 187, 124, 61},
                TimestepSpacing.TRAILING.timesteps(T, 16, 0));
        int[] all = TimestepSpacing.TRAILING.timesteps(T, T, 0);
        for (int j = 0; j < T; j++) {
            assertEquals(T - 1 - j, all[j]);
        }
        // away from exact halves it is tau_i = floor(i T / N + 1/2) - 1, i = N..1
        for (int n : new int[] {7, 12, 33, 250, 999}) {
            int[] tau = TimestepSpacing.TRAILING.timesteps(T, n, 0);
            for (int i = n; i >= 1; i--) {
                double x = (double) i * T / n;
                if (x - Math.floor(x) != 0.5) {
                    assertEquals((int) Math.floor(x + 0.5) - 1, tau[n - i], "N = " + n + ", i = " + i);
                }
            }
        }
    }

    @Test
    void theGridStepsOverTheTrailingTimestepsToAlphaOne() {
        SamplingGrid g = LINEAR.grid(4);
        assertEquals(4, g.steps());
        int[] tau = {999, 749, 499, 249};
        for (int p = 0; p < 4; p++) {
            assertEquals(tau[p], g.from(p).position());
            assertEquals((4.0 - p) / 4, g.from(p).t(), 0, "frames sit at t = i/N");
            assertEquals(LINEAR.level(tau[p]).alpha(), g.from(p).alpha(), 0);
        }
        assertEquals(g.from(1), g.to(0));
        assertEquals(1, g.last().alpha());
        assertEquals(0, g.last().t());
        assertTrue(g.returnsXHat(3));
        List<NoiseLevel> levels = g.levels();
        assertEquals(5, levels.size());
    }

    @Test
    void moreStepsThanTimestepsIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> LINEAR.grid(1001));
        assertTrue(e.getMessage().contains("at most 1000 steps"), e.getMessage());
        assertEquals(T, LINEAR.maxSteps());
        assertThrows(IllegalArgumentException.class, () -> LINEAR.grid(0));
    }

    @Test
    void tablesMustDecreaseStrictlyInsideZeroAndOne() {
        var e = assertThrows(IllegalArgumentException.class, () -> new DiscreteSchedule(new double[] {0.9, 0.9, 0.5}));
        assertTrue(e.getMessage().contains("entry 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DiscreteSchedule(new double[] {1.0, 0.5}));
        assertThrows(IllegalArgumentException.class, () -> new DiscreteSchedule(new double[] {0.5, 0.0}));
        assertThrows(IllegalArgumentException.class, () -> new DiscreteSchedule(new double[] {0.5, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new DiscreteSchedule(new double[0]));
    }

    @Test
    void everyTimestepIsAScrubStopFoundBackFromItsAngle() {
        int res = LINEAR.scrubResolution(1024);
        assertEquals(T - 1, res);
        for (int k = 0; k < T; k++) {
            NoiseLevel l = LINEAR.scrubLevel(k, res);
            assertEquals(k, l.position());
            assertEquals(k, LINEAR.scrubIndex(l.phi(), res));
        }
        assertEquals(0, LINEAR.scrubIndex(-1, res));
        assertEquals(T - 1, LINEAR.scrubIndex(Math.PI, res));
    }

    @Test
    void atSnapsToTheNearestTimestep() {
        assertEquals(999, LINEAR.at(1.0).position());
        assertEquals(-1, LINEAR.at(0.0).position());
        assertEquals(499, LINEAR.at(0.5).position());
        assertEquals(LINEAR.level(9), LINEAR.atPosition(9));
        assertThrows(IllegalArgumentException.class, () -> LINEAR.atPosition(9.5));
    }
}

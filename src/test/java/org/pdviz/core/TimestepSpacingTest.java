package org.pdviz.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pdviz.core.schedule.BetaSchedule;
import org.pdviz.core.schedule.DiscreteSchedule;
import org.pdviz.core.schedule.GridOptions;
import org.pdviz.core.schedule.SamplingGrid;
import org.pdviz.core.schedule.TimestepSpacing;

/**
 * Timesteps per spacing and offset against diffusers' DDIMScheduler.set_timesteps: the leading,
 * offset-1 case is diffusers' own test_steps_offset; the others are diffusers' numpy expressions
 * evaluated with numpy 2.4 (np.round(np.arange(T, 0, -T/N)) - 1, (np.arange(N) * (T // N)).round()[::-1]
 * + offset, np.linspace(0, T - 1, N).round()[::-1]).
 */
class TimestepSpacingTest {

    static final TimestepSpacing TRAILING = TimestepSpacing.TRAILING, LEADING = TimestepSpacing.LEADING,
            LINSPACE = TimestepSpacing.LINSPACE;

    @Test
    void leadingWithOffsetOneOverFiveSteps() {
        assertArrayEquals(new int[] {801, 601, 401, 201, 1}, LEADING.timesteps(1000, 5, 1));
    }

    @Test
    void eachSpacingAsNumpyComputesIt() {
        assertArrayEquals(new int[] {900, 800, 700, 600, 500, 400, 300, 200, 100, 0}, LEADING.timesteps(1000, 10, 0));
        assertArrayEquals(new int[] {999, 899, 799, 699, 599, 499, 399, 299, 199, 99}, TRAILING.timesteps(1000, 10, 0));
        assertArrayEquals(new int[] {999, 888, 777, 666, 555, 444, 333, 222, 111, 0}, LINSPACE.timesteps(1000, 10, 0));
        assertArrayEquals(new int[] {852, 710, 568, 426, 284, 142, 0}, LEADING.timesteps(1000, 7, 0));
        assertArrayEquals(new int[] {999, 856, 713, 570, 428, 285, 142}, TRAILING.timesteps(1000, 7, 0));
        assertArrayEquals(new int[] {999, 832, 666, 500, 333, 166, 0}, LINSPACE.timesteps(1000, 7, 0));
        assertArrayEquals(new int[] {84, 70, 56, 42, 28, 14, 0}, LEADING.timesteps(100, 7, 0));
        assertArrayEquals(new int[] {99, 85, 70, 56, 42, 28, 13}, TRAILING.timesteps(100, 7, 0));
        assertArrayEquals(new int[] {99, 82, 66, 50, 33, 16, 0}, LINSPACE.timesteps(100, 7, 0));
        assertArrayEquals(new int[] {499, 461, 422, 384, 345, 307, 268, 230, 191, 153, 114, 76, 37},
                TRAILING.timesteps(500, 13, 0));
        assertArrayEquals(new int[] {499, 457, 416, 374, 333, 291, 250, 208, 166, 125, 83, 42, 0},
                LINSPACE.timesteps(500, 13, 0));
        assertArrayEquals(new int[] {999, 937, 874, 811, 749, 687, 624, 561, 499, 437, 374, 311, 249, 187, 124, 61},
                TRAILING.timesteps(1000, 16, 0));
        assertArrayEquals(new int[] {999, 932, 866, 799, 733, 666, 599, 533, 466, 400, 333, 266, 200, 133, 67, 0},
                LINSPACE.timesteps(1000, 16, 0));
        assertArrayEquals(new int[] {0}, LEADING.timesteps(1000, 1, 0));
        assertArrayEquals(new int[] {999}, TRAILING.timesteps(1000, 1, 0));
        assertArrayEquals(new int[] {0}, LINSPACE.timesteps(1000, 1, 0), "np.linspace with one point is its start");
    }

    @Test
    void trailingTakesTheFirstNWhereNumpysArangeGivesOneMore() {
        // np.arange(1000, 0, -1000/61) has 62 values (1000 / (1000/61) rounds above 61): the 62nd is
        // timestep -1, which diffusers would index as the last alpha-bar; here the grid is the first 61
        int[] tau = TRAILING.timesteps(1000, 61, 0);
        assertEquals(61, tau.length);
        assertEquals(999, tau[0]);
        assertEquals(15, tau[60]);
    }

    @Test
    void badStepsAndOffsetsAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LEADING.timesteps(1000, 1001, 0)).getMessage()
                .contains("at most 1000 steps"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TRAILING.timesteps(1000, 10, 1)).getMessage()
                .contains("leading spacing only"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LEADING.timesteps(1000, 10, 100)).getMessage()
                .contains("1000 .. 100"));
        assertEquals(999, LEADING.timesteps(1000, 10, 99)[0]);
    }

    @Test
    void theFinalAlphaAndTheStrideShapeTheGridsEnds() {
        DiscreteSchedule s = DiscreteSchedule.of(BetaSchedule.LINEAR, 1000, 1e-4, 0.02);
        SamplingGrid first = s.grid(10, new GridOptions(LEADING, 1, GridOptions.FinalAlpha.FIRST, null));
        assertEquals(901, first.from(0).position());
        assertEquals(0, first.last().position(), "set_alpha_to_one = False: the last step goes to alpha-bar_0");
        assertEquals(Math.sqrt(s.alphaBar()[0]), first.last().alpha(), 0);
        assertEquals(false, first.returnsXHat(9), "a step to alpha-bar_0 keeps a little noise");
        // linspace with the stride: 999 steps to 899, not to the next timestep 888
        SamplingGrid stride = s.grid(10, new GridOptions(LINSPACE, 0, null, GridOptions.StepTo.STRIDE));
        assertEquals(899, stride.to(0).position());
        assertEquals(888, stride.from(1).position());
        assertEquals(-1, stride.last().position(), "0 - 100 < 0: the final alpha-bar");
        SamplingGrid next = s.grid(10, new GridOptions(LINSPACE, 0, null, null));
        assertEquals(888, next.to(0).position());
        // leading with an offset of at least T/N: the stride's last step lands on a timestep, not on the end
        SamplingGrid late = s.grid(3, new GridOptions(LEADING, 333, null, GridOptions.StepTo.STRIDE));
        assertArrayEquals(new int[] {999, 666, 333}, LEADING.timesteps(1000, 3, 333));
        assertEquals(0, late.to(2).position(), "333 - 333 = 0: alpha-bar_0, whatever the final alpha");
        assertEquals(false, late.returnsXHat(2));
        assertEquals(-1, s.grid(3, new GridOptions(LEADING, 333, null, null)).to(2).position());
        SamplingGrid t1000 = s.grid(1000, new GridOptions(LEADING, 0, null, GridOptions.StepTo.STRIDE));
        assertEquals(998, t1000.to(0).position());
        assertThrows(IllegalArgumentException.class, () -> org.pdviz.core.schedule.CosineSchedule.CLIPPED.grid(4,
                new GridOptions(LEADING, 0, null, null)));
    }
}

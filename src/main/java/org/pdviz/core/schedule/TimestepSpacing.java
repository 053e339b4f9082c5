package org.pdviz.core.schedule;

import org.pdviz.core.Identified;

/**
 * Which timesteps of a discrete schedule an N-step sampler visits, first step first, exactly as
 * diffusers' {@code DDIMScheduler.set_timesteps} defines {@code timestep_spacing} and
 * {@code steps_offset} (T training timesteps, N <= T):
 * <ul>
 * <li>{@code trailing}: {@code np.round(np.arange(T, 0, -T/N)) - 1}, the first N values (round half
 * to even; arange's values {@code T + j d}, {@code d = (T - T/N) - T}); starts at T - 1;</li>
 * <li>{@code leading}: {@code (N - 1 - j) floor(T/N) + stepsOffset}, j = 0..N-1; ends at the offset;</li>
 * <li>{@code linspace}: {@code np.round(np.linspace(0, T - 1, N))} reversed, i.e. {@code round(i (T-1)/(N-1))}
 * for i = N-1..0 (the last one exactly T - 1; a single step is timestep 0).</li>
 * </ul>
 * The offset applies to leading spacing only (diffusers ignores it otherwise; here it is refused).
 */
public enum TimestepSpacing implements Identified {
    TRAILING, LEADING, LINSPACE;

    public static TimestepSpacing parse(String s) {
        return Identified.parse(TimestepSpacing.class, "timestep spacing", s);
    }

    /** The N timesteps, first step first; throws, naming the problem, for N > T or an offset out of range. */
    public int[] timesteps(int timesteps, int steps, int offset) {
        if (steps < 1) {
            throw new IllegalArgumentException("the number of steps must be at least 1, got " + steps);
        }
        if (steps > timesteps) {
            throw new IllegalArgumentException("a discrete schedule of " + timesteps + " timesteps allows at most "
                    + timesteps + " steps, got " + steps);
        }
        if (offset != 0 && this != LEADING) {
            throw new IllegalArgumentException("the steps offset applies to leading spacing only, got offset " + offset
                    + " with " + id() + " spacing (diffusers ignores steps_offset there: leave the offset at 0)");
        }
        int[] tau = new int[steps];
        switch (this) {
            case TRAILING -> {
                double start = timesteps, delta = (start - (double) timesteps / steps) - start;
                for (int j = 0; j < steps; j++) {
                    tau[j] = (int) Math.rint(j == 0 ? start : start + j * delta) - 1;
                }
            }
            case LEADING -> {
                int ratio = timesteps / steps;
                for (int j = 0; j < steps; j++) {
                    tau[j] = (steps - 1 - j) * ratio + offset;
                }
                if (offset < 0 || tau[0] > timesteps - 1) {
                    throw new IllegalArgumentException("steps offset " + offset + " puts the timesteps at " + tau[0]
                            + " .. " + tau[steps - 1] + ", outside the trained 0.." + (timesteps - 1));
                }
            }
            default -> {
                double step = steps == 1 ? 0 : (double) (timesteps - 1) / (steps - 1);
                for (int i = 0; i < steps; i++) {
                    double v = i == steps - 1 && steps > 1 ? timesteps - 1 : i * step;
                    tau[steps - 1 - i] = (int) Math.rint(v);
                }
            }
        }
        return tau;
    }
}

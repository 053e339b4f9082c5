package org.pdviz.app.sampling;

/**
 * How {@link RunService} times runs. Every model's session is first warmed at the run's batch size,
 * so no run pays for opening a session or for the engine's first calls. Each step of a run is
 * timed, and a run's time is its steps times its fastest step: the steady state, without the time
 * other programs on the machine took from it. A run is repeated until it has timed at least
 * {@code minSteps} steps and its runs fill its budget, the larger of {@code budgetNanos} and
 * {@code shareOfLongest} times the longest first run (so the cheap samplers beside a slow reference
 * get many repeats, the reference few or none), up to {@code maxRuns} runs in all. Repeats go
 * round the runs in turn.
 */
public record Timing(long budgetNanos, double shareOfLongest, int minSteps, int maxRuns) {

    /** One warmed run (the player). */
    public static final Timing ONCE = new Timing(0, 0, 0, 1);
    /**
     * The comparison: at least 48 steps timed, and 1 s or a twentieth of the slowest run's time per
     * sampler, at most 15 runs. (With fewer than ~40 steps, two equal models on a 2-core machine
     * at a load of 15 sometimes timed 1.6x apart.)
     */
    public static final Timing STEADY = new Timing(1_000_000_000L, 0.05, 48, 15);

    public Timing {
        if (budgetNanos < 0 || !(shareOfLongest >= 0) || minSteps < 0 || maxRuns < 1) {
            throw new IllegalArgumentException("timing needs a budget >= 0, a share >= 0, steps >= 0 and at least"
                    + " one run");
        }
    }

    /** The time a run may be repeated for, when the longest first run took {@code longest} ns. */
    public double budget(long longest) {
        return Math.max(budgetNanos, shareOfLongest * longest);
    }

    /** Whether a run that has timed {@code steps} steps in {@code spent} ns over {@code runs} runs goes again. */
    public boolean again(int runs, int steps, long spent, long longest) {
        return runs < maxRuns && (steps < minSteps || spent < budget(longest));
    }
}

package org.pdviz.core.model;

import org.pdviz.core.Identified;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.core.schedule.DiscreteSchedule;
import org.pdviz.core.schedule.Schedule;

/**
 * What a network takes as its time input, given the position a sampler calls it at
 * ({@link org.pdviz.core.schedule.NoiseLevel#position()}):
 * <ul>
 * <li>{@code t}: continuous time in [0, 1] (this project's contract; cosine schedule only);</li>
 * <li>{@code index}: the training timestep index k (DDPM and diffusers models; discrete schedule only);</li>
 * <li>{@code logSnr}: {@code log(alpha^2 / sigma^2)} at that position (what the official code feeds
 * its networks), for either kind.</li>
 * </ul>
 */
public enum TimeInput implements Identified {
    T("t"),
    INDEX("index"),
    LOG_SNR("logSnr");

    private final String id;

    TimeInput(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static TimeInput parse(String s) {
        return Identified.parse(TimeInput.class, "time input", s);
    }

    /** The default for a schedule: t for the cosine schedule, the index for a discrete one. */
    public static TimeInput defaultFor(Schedule schedule) {
        return schedule instanceof DiscreteSchedule ? INDEX : T;
    }

    /** Throws when this input cannot go with the schedule; the message says which inputs can. */
    public void check(Schedule schedule) {
        if (this == T && !(schedule instanceof CosineSchedule)) {
            throw new IllegalArgumentException("time input 't' needs continuous time (the cosine schedule); a "
                    + schedule.name() + " schedule takes 'index' or 'logSnr'");
        }
        if (this == INDEX && !(schedule instanceof DiscreteSchedule)) {
            throw new IllegalArgumentException("time input 'index' needs a discrete schedule (timesteps); the "
                    + schedule.name() + " schedule takes 't' or 'logSnr'");
        }
    }

    /** The network's input at a position of the schedule. */
    public double value(Schedule schedule, double position) {
        return this == LOG_SNR ? schedule.atPosition(position).logSnr() : position;
    }
}

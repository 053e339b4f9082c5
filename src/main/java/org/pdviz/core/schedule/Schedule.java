package org.pdviz.core.schedule;

/**
 * A noise schedule {@code z = alpha x + sigma eps} with {@code alpha^2 + sigma^2 = 1}: where a model
 * was trained and where a sampler may step. Two kinds: the continuous {@link CosineSchedule} (any t
 * in [0, 1]) and a {@link DiscreteSchedule} (an alpha-bar table over timesteps 0..T-1). Each level
 * carries its {@link NoiseLevel#position() position}, the schedule's own coordinate that a denoiser
 * is called with; the DDIM grid for N steps comes from the schedule, so the sampler, the phi
 * geometry and the curves never ask which kind it is.
 */
public sealed interface Schedule permits CosineSchedule, DiscreteSchedule {

    /** "cosine" or "discrete", as in the model card. */
    String name();

    /**
     * The level nearest to {@code t} in [0, 1] (0 = data, 1 = noise): exact for a continuous
     * schedule, the nearest timestep (or the data end) for a discrete one.
     */
    NoiseLevel at(double t);

    /** The level at a position a sampler produced ({@link NoiseLevel#position()}). */
    NoiseLevel atPosition(double position);

    /** The t in [0, 1] whose level has this angle (the nearest one for a discrete schedule). */
    double tFromPhi(double phi);

    /** The DDIM grid for N steps with the schedule's default spacing. */
    default SamplingGrid grid(int steps) {
        return grid(steps, GridOptions.DEFAULT);
    }

    /** The DDIM grid for N steps laid as {@code options} say (a discrete schedule's spacing and ends). */
    SamplingGrid grid(int steps, GridOptions options);

    /** The largest step count the schedule allows (T for a discrete one). */
    int maxSteps();

    /**
     * A scrubber's stops, from the data side (index 0) to t = 1 (index {@code resolution}), each a
     * position a denoiser can be called at: {@code at(index / resolution)} for a continuous schedule,
     * timestep {@code index} for a discrete one (whose resolution is T - 1, see {@link #scrubResolution}).
     */
    NoiseLevel scrubLevel(int index, int resolution);

    /** How many intervals a scrubber gets: {@code wanted} for a continuous schedule, T - 1 for a discrete one. */
    int scrubResolution(int wanted);

    /** The scrubber's stop nearest to an angle (clamped to 0..resolution). */
    int scrubIndex(double phi, int resolution);
}

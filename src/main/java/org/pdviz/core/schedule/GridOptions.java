package org.pdviz.core.schedule;

import org.pdviz.core.Identified;

/**
 * How an N-step DDIM grid is laid on a discrete schedule, in diffusers' terms; null fields take
 * the defaults (trailing spacing, offset 0, final alpha-bar 1, steps to the next timestep). The
 * cosine schedule has one grid, t = i/N, and takes only the defaults.
 *
 * @param spacing     which timesteps ({@link TimestepSpacing}; diffusers' {@code timestep_spacing})
 * @param stepsOffset added to leading timesteps (diffusers' {@code steps_offset})
 * @param finalAlpha  what the last step goes to: alpha-bar = 1 and x_hat ({@code one}), or the first
 *                    trained alpha-bar, alpha-bar_0 ({@code first}; diffusers' {@code set_alpha_to_one = False})
 * @param stepTo      where each step goes: the next timestep of the list ({@code next}, the DDIM
 *                    update between grid points) or {@code t - floor(T/N)} ({@code stride}, what
 *                    diffusers' {@code DDIMScheduler.step} computes as {@code prev_timestep}; the
 *                    same for leading spacing, not for linspace or for trailing when N does not
 *                    divide T), then the final alpha-bar once below 0
 */
public record GridOptions(TimestepSpacing spacing, int stepsOffset, FinalAlpha finalAlpha, StepTo stepTo) {

    public static final GridOptions DEFAULT = new GridOptions(null, 0, null, null);

    public enum FinalAlpha implements Identified {
        ONE, FIRST;

        public static FinalAlpha parse(String s) {
            return Identified.parse(FinalAlpha.class, "final alpha", s);
        }
    }

    public enum StepTo implements Identified {
        NEXT, STRIDE;

        public static StepTo parse(String s) {
            return Identified.parse(StepTo.class, "step target", s);
        }
    }

    public boolean isDefault() {
        return spacing == null && stepsOffset == 0 && finalAlpha == null && stepTo == null;
    }

    public TimestepSpacing spacingOrDefault() {
        return spacing == null ? TimestepSpacing.TRAILING : spacing;
    }

    public FinalAlpha finalAlphaOrDefault() {
        return finalAlpha == null ? FinalAlpha.ONE : finalAlpha;
    }

    public StepTo stepToOrDefault() {
        return stepTo == null ? StepTo.NEXT : stepTo;
    }
}

package org.pdviz.cli;

import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.schedule.GridOptions;
import org.pdviz.core.schedule.TimestepSpacing;
import picocli.CommandLine.Option;

/** diffusers' DDIM options: timestep spacing and offset, the final alpha-bar, the step target, the clip style. */
final class SamplerOptions {

    @Option(names = "--spacing", paramLabel = "trailing|leading|linspace", description = "A discrete schedule's"
            + " timesteps, as diffusers' timestep_spacing (default trailing).")
    String spacing;

    @Option(names = "--steps-offset", paramLabel = "K", defaultValue = "0",
            description = "Added to leading timesteps, as diffusers' steps_offset (default 0).")
    int stepsOffset;

    @Option(names = "--final-alpha", paramLabel = "one|first", description = "What a discrete schedule's last step"
            + " goes to: alpha-bar = 1 (default) or the first trained alpha-bar (set_alpha_to_one = False).")
    String finalAlpha;

    @Option(names = "--step-to", paramLabel = "next|stride", description = "Each step goes to the next timestep"
            + " (default) or to t - floor(T/N), as diffusers' DDIMScheduler.step does.")
    String stepTo;

    @Option(names = "--clip-style", paramLabel = "official|diffusers", defaultValue = "official",
            description = "With --clip: recompute eps_hat from the clipped x_hat (official, default) or keep the"
                    + " model's (diffusers).")
    String clipStyle;

    GridOptions grid() {
        return new GridOptions(spacing == null ? null : TimestepSpacing.parse(spacing), stepsOffset,
                finalAlpha == null ? null : GridOptions.FinalAlpha.parse(finalAlpha),
                stepTo == null ? null : GridOptions.StepTo.parse(stepTo));
    }

    SamplerSettings.ClipStyle clipStyle() {
        return SamplerSettings.ClipStyle.parse(clipStyle);
    }
}

package org.pdviz.cli;

import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.schedule.GridOptions;
import org.pdviz.core.schedule.TimestepSpacing;
import picocli.CommandLine.Option;

/** diffusers' DDIM options: timestep spacing and offset, the final alpha-bar, the step target, the clip style. */
final class SamplerOptions {

    @Option(names = "--spacing", paramLabel = "trailing|leading|linspace")
    String spacing;

    @Option(names = "--steps-offset", paramLabel = "K", defaultValue = "0")
    int stepsOffset;

    @Option(names = "--final-alpha", paramLabel = "one|first")
    String finalAlpha;

    @Option(names = "--step-to", paramLabel = "next|stride")
    String stepTo;

    @Option(names = "--clip-style", paramLabel = "official|diffusers", defaultValue = "official")
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

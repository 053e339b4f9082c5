package org.pdviz.cli;

import org.pdviz.app.jobs.Defaults;
import picocli.CommandLine.Option;

/** The options `pdviz train` and `pdviz distill` share: the optimisation step, and how the job runs. */
final class JobOptions {

    @Option(names = "--batch", paramLabel = "B", description = "Batch size (default: mlp 512, unet 64).")
    Integer batch;

    @Option(names = "--weighting", paramLabel = "snr+1|truncated", defaultValue = Defaults.WEIGHTING,
            description = "Loss weight on the x-space error (default snr+1, i.e. the v-MSE).")
    String weighting;

    @Option(names = "--clip", paramLabel = "C", defaultValue = "1.0",
            description = "Gradient clipping by global norm (default 1; 0 turns it off).")
    double clip;

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    org.pdviz.core.distill.Weighting weighting() {
        return ModelOptions.named("--weighting", () -> org.pdviz.core.distill.Weighting.parse(weighting));
    }

    /** A parameterization option's value (null stays null: the default). */
    static org.pdviz.core.param.Parameterization parameterization(String option, String value) {
        return value == null ? null
                : ModelOptions.named(option, () -> org.pdviz.core.param.Parameterization.parse(value));
    }
}

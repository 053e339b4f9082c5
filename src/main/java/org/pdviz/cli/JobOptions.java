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
}

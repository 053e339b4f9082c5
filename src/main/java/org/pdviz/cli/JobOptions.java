package org.pdviz.cli;

import org.pdviz.app.jobs.Defaults;
import picocli.CommandLine.Option;

/** The options `pdviz train` and `pdviz distill` share: the optimisation step, and how the job runs. */
final class JobOptions {

    @Option(names = "--batch", paramLabel = "B")
    Integer batch;

    @Option(names = "--weighting", paramLabel = "snr+1|truncated", defaultValue = Defaults.WEIGHTING)
    String weighting;

    @Option(names = "--clip", paramLabel = "C", defaultValue = "1.0")
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

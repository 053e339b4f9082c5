package org.pdviz.cli;

import java.util.Map;
import org.pdviz.app.jobs.Defaults;
import picocli.CommandLine.Option;

/**
 * The options `pdviz train` and `pdviz distill` share: the network (a family and its hyperparameters), the
 * normalisation of a point file, the optimisation step, and how the job runs. Each command words them in
 * its own help texts where they differ (a distillation's --lr decays each round, its --family is a fresh
 * student's).
 */
final class JobOptions {

    @Option(names = "--family", paramLabel = "mlp|unet")
    String family;

    @Option(names = "--net", paramLabel = "KEY=VALUE")
    Map<String, String> net;

    @Option(names = "--normalize")
    boolean normalize;

    @Option(names = "--lr", paramLabel = "LR")
    Double lr;

    @Option(names = "--batch", paramLabel = "B")
    Integer batch;

    @Option(names = "--weighting", paramLabel = "snr+1|truncated", defaultValue = Defaults.WEIGHTING)
    String weighting;

    @Option(names = "--clip", paramLabel = "C", defaultValue = "1.0")
    double clip;

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    org.pdviz.core.distill.Weighting weighting() {
        return OptionValues.named("--weighting", () -> org.pdviz.core.distill.Weighting.parse(weighting));
    }

    /** A parameterization option's value (null stays null: the default). */
    static org.pdviz.core.param.Parameterization parameterization(String option, String value) {
        return value == null ? null
                : OptionValues.named(option, () -> org.pdviz.core.param.Parameterization.parse(value));
    }
}

package org.pdviz.cli;

import java.util.concurrent.Callable;
import org.pdviz.app.SampleService;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.ddim.SamplingMonitor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sample")
final class SampleCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelFileOption modelFile = new ModelFileOption();

    @Option(names = "--steps", paramLabel = "N")
    Integer steps;

    @Option(names = "--count", defaultValue = "64", paramLabel = "B")
    int count;

    @Option(names = "--record", defaultValue = "all", paramLabel = "all|final")
    String record;

    @Mixin
    OutFolderOption outFolder = new OutFolderOption();

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    SamplingOptions sampling = new SamplingOptions();

    @Override
    public Integer call() throws Exception {
        SamplerSettings.Recording recording = OptionValues.oneOf("--record", record, SamplerSettings.Recording.ALL,
                SamplerSettings.Recording.FINAL);
        var err = spec.commandLine().getErr();
        ProgressBar bar = new ProgressBar(err, "sampling");
        SamplingMonitor monitor = new SamplingMonitor() {
            @Override
            public void stepDone(int done, int total) {
                bar.update(done, total, null);
            }
        };
        SampleService.Result result;
        try {
            result = new SampleService().run(new SampleService.Request(modelFile.model, modelOptions.overrides(),
                    modelOptions.device(), steps, sampling.seed(), count, sampling.clip, recording, outFolder.out,
                    sampling.grid(), sampling.clipStyle(), sampling.start), monitor, err::println);
        } finally {
            bar.finish();
        }
        spec.commandLine().getOut().printf("%s: %d samples, %d steps (%d network evaluations each), %.2f s on %s%n"
                        + "wrote %s and %s%n", result.card().name(), result.count(), result.steps(), result.steps(),
                result.nanos() / 1e9, result.device().id(), result.png(), result.json());
        return 0;
    }
}

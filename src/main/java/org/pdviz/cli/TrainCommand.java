package org.pdviz.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pdviz.app.jobs.Jobs;
import org.pdviz.app.jobs.TrainJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    JobOptions common = new JobOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DATA|FILE")
    String data;

    @Option(names = "--iterations", paramLabel = "K")
    Long iterations;

    @Option(names = "--init", paramLabel = "FILE")
    Path init;

    @Option(names = "--parameterization", paramLabel = "x|eps|v|both")
    String parameterization;

    @Option(names = "--ema", paramLabel = "D", defaultValue = "0.999")
    double ema;

    @Option(names = "--out", paramLabel = "FILE.onnx")
    Path out;

    @Mixin
    ResumeOptions resume = new ResumeOptions();

    @Override
    public Integer call() throws Exception {
        Path file = JobConsole.requireOut(out);
        return JobConsole.runCommand(spec, resume, file, Jobs.fileFolder(file), TrainJob.class, () -> {
            if (init == null && (data == null || common.family == null)) {
                throw new IllegalArgumentException("give --data DATA and --family mlp|unet (or --init FILE, or"
                        + " --resume)");
            }
            return new TrainJob(data, common.family, common.net,
                    JobOptions.parameterization("--parameterization", parameterization), common.weighting(), iterations,
                    common.batch, common.lr, ema, common.clip, common.run.seed,
                    common.run.device(), common.run.threads, common.run.checkpointSeconds, file,
                    JobConsole.commandLine("train", spec), init, common.normalize);
        });
    }
}

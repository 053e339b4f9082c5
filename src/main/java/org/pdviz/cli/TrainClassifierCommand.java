package org.pdviz.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pdviz.app.jobs.ClassifierJob;
import org.pdviz.app.jobs.Jobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train-classifier")
final class TrainClassifierCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--iterations", paramLabel = "K")
    Long iterations;

    @Option(names = "--batch", paramLabel = "B")
    Integer batch;

    @Option(names = "--lr", paramLabel = "LR")
    Double lr;

    @Option(names = "--shift", paramLabel = "PX", defaultValue = "" + ClassifierJob.SHIFT)
    int shift;

    @Option(names = "--net", paramLabel = "KEY=VALUE")
    Map<String, String> net;

    @Option(names = "--eval-every", paramLabel = "K", defaultValue = "" + ClassifierJob.EVAL_EVERY)
    long evalEvery;

    @Option(names = "--out", paramLabel = "FILE.onnx")
    Path out;

    @picocli.CommandLine.Mixin
    ResumeOptions resume = new ResumeOptions();

    @Override
    public Integer call() throws Exception {
        Path file = JobConsole.requireOut(out);
        return JobConsole.runCommand(spec, resume, file, Jobs.fileFolder(file), ClassifierJob.class,
                () -> new ClassifierJob(net, iterations, batch, lr, shift, run.seed, evalEvery, run.device(),
                        run.threads, run.checkpointSeconds, file, JobConsole.commandLine("train-classifier", spec)));
    }
}

package org.pdviz.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pdviz.app.jobs.ClassifierJob;
import org.pdviz.app.jobs.Jobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train-classifier", description = {
    "Train the small MNIST classifier whose penultimate layer gives the FID/KID features of pdviz eval,",
    "on the training digits only (the held-out every tenth digit is measured, never trained on), and write it",
    "as ONNX with its card (held-out accuracy, features, command). DJL + PyTorch; resumable like train."})
final class TrainClassifierCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--iterations", paramLabel = "K", description = "Iterations (default "
            + ClassifierJob.ITERATIONS + ").")
    Long iterations;

    @Option(names = "--batch", paramLabel = "B", description = "Batch size (default " + ClassifierJob.BATCH + ").")
    Integer batch;

    @Option(names = "--lr", paramLabel = "LR", description = "Adam's learning rate at the start, decayed to 0 along"
            + " a cosine (default " + ClassifierJob.LR + ").")
    Double lr;

    @Option(names = "--shift", paramLabel = "PX", defaultValue = "" + ClassifierJob.SHIFT,
            description = "Augmentation: random shifts of up to PX pixels (default " + ClassifierJob.SHIFT
                    + "; 0 turns it off).")
    int shift;

    @Option(names = "--net", paramLabel = "KEY=VALUE", description = "Hyperparameters: channels=16,32,64 (one"
            + " level each, up to 3), blocks=2 (convs per level), groups=8, features=128 (F, at most 128).")
    Map<String, String> net;

    @Option(names = "--eval-every", paramLabel = "K", defaultValue = "" + ClassifierJob.EVAL_EVERY,
            description = "Print the held-out accuracy every K iterations (default " + ClassifierJob.EVAL_EVERY
                    + "; 0: only at the end).")
    long evalEvery;

    @Option(names = "--out", paramLabel = "FILE.onnx",
            description = "The classifier to write (pdviz eval uses models/classifier/mnist-classifier.onnx).")
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

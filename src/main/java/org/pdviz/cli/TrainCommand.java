package org.pdviz.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pdviz.app.jobs.Jobs;
import org.pdviz.app.jobs.TrainJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", description = {
    "Train a teacher from data (DJL + PyTorch, CPU by default) and write it as an ONNX checkpoint with its card.",
    "Continuous time, weighted x-space loss, Adam, gradient clipping, EMA of the weights (the file holds the EMA).",
    "The state is saved every --checkpoint-seconds; after a crash, kill or Ctrl-C continue with --resume."})
final class TrainCommand implements Callable<Integer> {

    @Mixin
    JobOptions common = new JobOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DATA|FILE",
            description = "moons, swissroll, checkerboard, gaussians8, mnist, an exact teacher's mixture"
                    + " (gaussian-2d, mnist-gaussian, mnist-class-means), or a data file: points (.csv, .tsv, .txt,"
                    + " .npy [N,d]) or images (.npy [N,H,W] or [N,C,H,W], IDX, a folder of PNG/JPEG).")
    String data;

    @Option(names = "--normalize", description = "Map a point file into [-1, 1] (one scale for every coordinate,"
            + " centred on the midrange; the map is recorded in the card).")
    boolean normalize;

    @Option(names = "--family", paramLabel = "mlp|unet", description = "Network family.")
    String family;

    @Option(names = "--net", paramLabel = "KEY=VALUE", description = "Family hyperparameters, e.g. --net width=128"
            + " --net depth=4 (mlp: width, depth, embedding; unet: channels=32,64, blocks, groups, embedding, timeDim).")
    Map<String, String> net;

    @Option(names = "--iterations", paramLabel = "K", description = "Iterations (default 20000).")
    Long iterations;

    @Option(names = "--lr", paramLabel = "LR", description = "Adam learning rate (default: mlp 1e-3, unet 2e-4).")
    Double lr;

    @Option(names = "--init", paramLabel = "FILE",
            description = "Continue training one of our checkpoints (its card gives the network and, by default, the data).")
    Path init;

    @Option(names = "--parameterization", paramLabel = "x|eps|v|both",
            description = "What the network predicts (default v).")
    String parameterization;

    @Option(names = "--ema", paramLabel = "D", defaultValue = "0.999", description = "EMA decay (default 0.999).")
    double ema;

    @Option(names = "--out", paramLabel = "FILE.onnx", description = "The teacher to write.")
    Path out;

    @Mixin
    ResumeOptions resume = new ResumeOptions();

    @Override
    public Integer call() throws Exception {
        Path file = JobConsole.requireOut(out);
        return JobConsole.runCommand(spec, resume, file, Jobs.fileFolder(file), TrainJob.class, () -> {
            if (init == null && (data == null || family == null)) {
                throw new IllegalArgumentException("give --data DATA and --family mlp|unet (or --init FILE, or"
                        + " --resume)");
            }
            return new TrainJob(data, family, net, JobOptions.parameterization("--parameterization", parameterization),
                    common.weighting(), iterations, common.batch, lr, ema, common.clip, common.run.seed,
                    common.run.device(), common.run.threads, common.run.checkpointSeconds, file,
                    JobConsole.commandLine("train", spec), init, normalize);
        });
    }
}

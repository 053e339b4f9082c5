package org.pdviz.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pdviz.app.jobs.DistillJob;
import org.pdviz.app.jobs.Jobs;
import org.pdviz.train.RoundIterations;
import org.pdviz.train.TeacherEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "distill", description = {
    "Progressive distillation (Algorithm 2): halve the teacher's sampling steps round by round, writing"
            + " DIR/student-<steps>.onnx after every round.",
    "The teacher may be any ONNX model that follows the contract: one of ours distils from its own weights;"
            + " any other into a fresh --family network.",
    "The state is saved every --checkpoint-seconds; after a crash, kill or Ctrl-C continue with --resume."})
final class DistillCommand implements Callable<Integer> {

    @Mixin
    JobOptions common = new JobOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--teacher", paramLabel = "FILE", description = "The teacher model.")
    Path teacher;

    @Option(names = "--from", paramLabel = "N",
            description = "The teacher's sampling steps (default: its card's step count).")
    Integer from;

    @Option(names = "--to", paramLabel = "M", description = "The final student's steps (from = to * 2^rounds).")
    Integer to;

    @Option(names = "--iterations-per-round", paramLabel = "K", description = "Iterations per round.")
    Long iterationsPerRound;

    @Option(names = "--round-iterations", paramLabel = "STEPS:K,...", description = "Iterations for chosen rounds,"
            + " each named by the steps of the student it makes (e.g. 8:6000,4:8000); the others keep"
            + " --iterations-per-round.")
    String roundIterations;

    @Option(names = "--lr", paramLabel = "LR",
            description = "Initial learning rate, decayed linearly to 0 in each round (default: mlp 3e-4, unet 5e-5).")
    Double lr;

    @Option(names = "--family", paramLabel = "mlp|unet",
            description = "Distil into a fresh network of this family (needed for a teacher that is not ours).")
    String family;

    @Option(names = "--net", paramLabel = "KEY=VALUE", description = "Hyperparameters of the fresh --family network.")
    Map<String, String> net;

    @Option(names = "--copy-iterations", paramLabel = "K0", description = "A fresh --family student first learns to"
            + " copy the teacher (its x_hat at every t) for K0 iterations (default: 4 x --iterations-per-round).")
    Long copyIterations;

    @Option(names = "--copy-lr", paramLabel = "LR",
            description = "Learning rate of that copy stage (default: the family's training rate, mlp 1e-3, unet 2e-4).")
    Double copyLr;

    @Option(names = "--parameterization", paramLabel = "x|eps|v|both",
            description = "The teacher's parameterization, for a teacher without a card.")
    String teacherParameterization;

    @Option(names = "--card", paramLabel = "FILE.json",
            description = "A side card for the teacher (a card for a file without one, or fields over its card).")
    Path teacherCard;

    @Option(names = "--student-parameterization", paramLabel = "x|v|both",
            description = "A fresh student's parameterization (default: the teacher's; v instead of eps).")
    String studentParameterization;

    @Option(names = "--data", paramLabel = "DATA|FILE|teacher", description = "Training data: a built-in data set,"
            + " a data file (as for train), or 'teacher': data-free, the teacher's own many-step DDIM samples"
            + " (default: the teacher card's data set).")
    String data;

    @Option(names = "--normalize", description = "Map a point file into [-1, 1] (default for a file: the map its"
            + " teacher's card records, if any).")
    boolean normalize;

    @Option(names = "--teacher-samples", paramLabel = "M", description = "With --data teacher: samples to draw, with"
            + " --from steps (default 4096 points or 1024 images).")
    Integer teacherSamples;

    @Option(names = "--teacher-engine", paramLabel = "auto|djl|ort", defaultValue = "auto",
            description = "What runs the teacher's two DDIM steps: the faster, measured (default), DJL or ONNX Runtime.")
    String teacherEngine;

    @Option(names = "--eval-count", paramLabel = "N", defaultValue = "-1",
            description = "Samples for the closing same-noise comparison (default: 1000 points or 64 images; 0: none).")
    int evalCount;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the students.")
    Path out;

    @Mixin
    ResumeOptions resume = new ResumeOptions();

    @Override
    public Integer call() throws Exception {
        Path dir = JobConsole.requireOut(out);
        return JobConsole.runCommand(spec, resume, dir, Jobs.distillFolder(dir), DistillJob.class, () -> {
            if (teacher == null || to == null || iterationsPerRound == null) {
                throw new IllegalArgumentException("give --teacher FILE, --to M and --iterations-per-round K (or"
                        + " --resume, --restart)");
            }
            return new DistillJob(teacher, JobOptions.parameterization("--parameterization",
                    teacherParameterization), family, net, JobOptions.parameterization("--student-parameterization",
                    studentParameterization), data, from, to, iterationsPerRound, common.batch, lr, common.weighting(),
                    common.clip, common.run.seed, common.run.device(), common.run.threads,
                    ModelOptions.named("--teacher-engine", () -> TeacherEngine.parse(teacherEngine)),
                    evalCount, common.run.checkpointSeconds, dir, JobConsole.commandLine("distill", spec),
                    copyIterations, copyLr, normalize, teacherSamples,
                    teacherCard == null ? null : teacherCard.toAbsolutePath(), RoundIterations.parse(roundIterations));
        });
    }
}

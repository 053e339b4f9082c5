package org.pdviz.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pdviz.app.jobs.DistillJob;
import org.pdviz.app.jobs.Jobs;
import org.pdviz.train.RoundIterations;
import org.pdviz.train.TeacherEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "distill")
final class DistillCommand implements Callable<Integer> {

    @Mixin
    JobOptions common = new JobOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--teacher", paramLabel = "FILE")
    Path teacher;

    @Option(names = "--from", paramLabel = "N")
    Integer from;

    @Option(names = "--to", paramLabel = "M")
    Integer to;

    @Option(names = "--iterations-per-round", paramLabel = "K")
    Long iterationsPerRound;

    @Option(names = "--round-iterations", paramLabel = "STEPS:K,...")
    String roundIterations;

    @Option(names = "--copy-iterations", paramLabel = "K0")
    Long copyIterations;

    @Option(names = "--copy-lr", paramLabel = "LR")
    Double copyLr;

    @Option(names = "--parameterization", paramLabel = "x|eps|v|both")
    String teacherParameterization;

    @Option(names = "--card", paramLabel = "FILE.json")
    Path teacherCard;

    @Option(names = "--student-parameterization", paramLabel = "x|v|both")
    String studentParameterization;

    @Option(names = "--data", paramLabel = "DATA|FILE|teacher")
    String data;

    @Option(names = "--teacher-samples", paramLabel = "M")
    Integer teacherSamples;

    @Option(names = "--teacher-engine", paramLabel = "auto|djl|ort", defaultValue = "auto")
    String teacherEngine;

    @Option(names = "--eval-count", paramLabel = "N", defaultValue = "-1")
    int evalCount;

    @Option(names = "--out", paramLabel = "DIR")
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
                    teacherParameterization), common.family, common.net,
                    JobOptions.parameterization("--student-parameterization", studentParameterization), data, from, to,
                    iterationsPerRound, common.batch, common.lr, common.weighting(), common.clip, common.run.seed, common.run.device(), common.run.threads,
                    OptionValues.named("--teacher-engine", () -> TeacherEngine.parse(teacherEngine)),
                    evalCount, common.run.checkpointSeconds, dir, JobConsole.commandLine("distill", spec),
                    copyIterations, copyLr, common.normalize, teacherSamples,
                    teacherCard == null ? null : teacherCard.toAbsolutePath(), RoundIterations.parse(roundIterations));
        });
    }
}

package org.pdviz.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pdviz.app.bench.SampleBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

@Command(name = "bench",
        subcommands = {BenchCommand.Sample.class, BenchCommand.Render.class, BenchCommand.Train.class, LiveBench.class,
            DataBench.class})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "sample")
    static final class Sample implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        BenchModelOption model = new BenchModelOption();

        @Option(names = "--steps", defaultValue = "64")
        int steps;

        @Option(names = "--runs", defaultValue = "15")
        int runs;

        @Option(names = "--batch", split = ",", defaultValue = "1,64")
        int[] batches;

        @Override
        public Integer call() throws Exception {
            Path m = model.orShipped("mnist/teacher.onnx", "exact/exact-mnist-gaussian.onnx");
            var o = spec.commandLine().getOut();
            o.printf("model %s, %d steps x %d runs, %s%n", m, steps, runs, machine());
            o.printf("%6s %16s %16s %10s%n", "batch", "sampler us/step", "bare ORT us/step", "overhead");
            for (SampleBench.Row r : new SampleBench().run(m, batches, steps, runs)) {
                o.printf("%6d %16.1f %16.1f %9.1f%%%n", r.batch(), r.samplerMicros(), r.bareMicros(),
                        100 * r.overhead());
            }
            return 0;
        }
    }

    @Command(name = "render")
    static final class Render implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        BenchModelOption model = new BenchModelOption();

        @Option(names = "--count", defaultValue = "64")
        int count;

        @Option(names = "--steps", defaultValue = "32")
        int steps;

        @Option(names = "--passes", defaultValue = "30")
        int passes;

        @Override
        public Integer call() throws Exception {
            Path m = model.orShipped("exact/exact-mnist-class-means.onnx");
            var o = spec.commandLine().getOut();
            o.printf("model %s, %d images per grid, %d frames x %d passes, %s%n", m, count, steps + 1, passes,
                    machine());
            o.printf("%-30s %6s %10s %12s %10s%n", "what", "scale", "pixels", "median us", "frames/s");
            for (org.pdviz.ui.bench.RenderBench.Row r : new org.pdviz.ui.bench.RenderBench().run(m, count, steps, passes)) {
                o.printf("%-30s %6d %10s %12.1f %10.0f%n", r.what(), r.scale(), r.width() + "x" + r.height(),
                        r.medianMicros(), r.framesPerSecond());
            }
            return 0;
        }
    }

    @Command(name = "train")
    static final class Train implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--family", split = ",", defaultValue = "mlp,unet")
        java.util.List<String> families;

        @Option(names = "--threads", split = ",", defaultValue = "1,2")
        int[] threads;

        @Option(names = "--steps", defaultValue = "100")
        int steps;

        @Option(names = "--warmup", defaultValue = "10")
        int warmUp;

        @Option(names = "--memory-steps", defaultValue = "2000")
        int memorySteps;

        @Override
        public Integer call() throws Exception {
            if (steps < 1) {
                throw new IllegalArgumentException("--steps must be at least 1");
            }
            var o = spec.commandLine().getOut();
            var err = spec.commandLine().getErr();
            o.printf("machine: %s; %s; load average at start %s%n", machine(),
                    org.pdviz.app.bench.TrainBench.engineDescription(), loadAverage());
            Path scratch = Files.createTempDirectory("pdviz-bench");
            var report = new org.pdviz.app.bench.TrainBench(scratch, line -> {
                err.println(line);
                err.flush();
            }).run(families, threads, steps, warmUp, memorySteps);
            o.printf("%n%-6s %10s %6s %8s %22s %26s%n", "family", "parameters", "batch", "threads",
                    "train step ms (median)", "distill step ms (median)");
            for (var r : report.steps()) {
                o.printf("%-6s %,10d %6d %8d %22.2f %26.2f%n", r.family(), r.parameters(), r.batch(), r.threads(),
                        r.trainMs(), r.distillMs());
            }
            o.printf("%n%-6s %6s %8s %18s %18s %8s%n", "family", "batch", "threads", "teacher DJL ms", "teacher ORT ms",
                    "faster");
            for (var r : report.forwards()) {
                o.printf("%-6s %6d %8d %18.2f %18.2f %8s%n", r.family(), r.batch(), r.threads(), r.djlMs(), r.ortMs(),
                        r.faster());
            }
            for (var b : report.breakdowns()) {
                o.printf("%n%s, batch %d: one distillation iteration, part by part (ms, medians)%n", b.family(),
                        b.batch());
                o.printf("%-11s %7s %-40s %6s %8s %7s %8s %9s %7s %7s%n", "loop", "student", "teacher on ONNX Runtime",
                        "data", "teacher", "target", "student", "optimiser", "wait", "total");
                for (var l : b.loops()) {
                    var p = l.parts();
                    o.printf("%-11s %7d %-40s %6.2f %8.2f %7.2f %8.2f %9.2f %7.2f %7.2f%n", l.loop(),
                            l.studentThreads(), l.teacher(), p.dataMs(), p.teacherMs(), p.targetMs(), p.studentMs(),
                            p.optimiserMs(), p.waitMs(), p.totalMs());
                }
                o.printf("(teacher: its two forwards; target: the DDIM arithmetic around them; student: forward and"
                        + " backward; optimiser: norm, clip, Adam; wait: the student waiting for its batch; overlapped"
                        + " loops draw the next batch on a second thread, so their parts overlap and do not add up)%n");
                o.printf("%-46s %18s%n", "teacher forward, ONNX Runtime setting", "ms (median)");
                for (var t : b.tunings()) {
                    o.printf("%-46s %18.2f%n", t.tuning(), t.forwardMs());
                }
            }
            if (!report.memory().isEmpty()) {
                o.printf("%n%-6s %24s %24s %8s %14s%n", "family", "RSS after short run MiB", "RSS after long run MiB",
                        "growth", "Java heap MiB");
                for (var r : report.memory()) {
                    o.printf("%-6s %16.0f (%5d) %16.0f (%5d) %7.1f%% %14.0f%n", r.family(), r.shortRssMb(),
                            r.shortSteps(), r.longRssMb(), r.longSteps(), 100 * r.growth(), r.heapMb());
                }
            }
            o.printf("(%d timed steps per median after %d untimed; distillation teacher on the faster engine; load"
                    + " average at end %s)%n", steps, warmUp, loadAverage());
            return 0;
        }
    }

    /** The machine the figures were measured on, as every benchmark states it: cores, architecture, OS, Java. */
    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.arch") + ", "
                + System.getProperty("os.name") + ", Java " + System.getProperty("java.version");
    }

    /** The one-minute load average (Linux), for the benchmarks' machine lines: their figures depend on it. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }
}

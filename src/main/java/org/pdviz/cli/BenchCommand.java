package org.pdviz.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pdviz.app.bench.SampleBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", description = "Benchmarks (results belong in README with the machine).",
        subcommands = {BenchCommand.Sample.class, BenchCommand.Render.class})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "sample", description = "Per-step DDIM time for batch 1 and 64, and the sampler's overhead over"
            + " the bare ONNX Runtime call (median of the runs).")
    static final class Sample implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--model", paramLabel = "FILE",
                description = "Model (default: models/mnist/teacher.onnx, else models/exact/exact-mnist-gaussian.onnx).")
        Path model;

        @Option(names = "--steps", defaultValue = "64", description = "Steps per run (default 64).")
        int steps;

        @Option(names = "--runs", defaultValue = "15", description = "Runs per batch size (default 15).")
        int runs;

        @Option(names = "--batch", split = ",", defaultValue = "1,64", description = "Batch sizes (default 1,64).")
        int[] batches;

        @Override
        public Integer call() throws Exception {
            Path m = model;
            if (m == null) {
                Path trained = Home.get().models().resolve("mnist/teacher.onnx");
                m = Files.exists(trained) ? trained : Home.get().models().resolve("exact/exact-mnist-gaussian.onnx");
            }
            var o = spec.commandLine().getOut();
            o.printf("model %s, %d steps x %d runs, %d cores, %s%n", m, steps, runs,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"));
            o.printf("%6s %16s %16s %10s%n", "batch", "sampler us/step", "bare ORT us/step", "overhead");
            for (SampleBench.Row r : new SampleBench().run(m, batches, steps, runs)) {
                o.printf("%6d %16.1f %16.1f %9.1f%%%n", r.batch(), r.samplerMicros(), r.bareMicros(),
                        100 * r.overhead());
            }
            return 0;
        }
    }

    @Command(name = "render", description = "Redrawing cached player frames: ImageGrid.renderInto plus a PixelWriter into"
            + " a WritableImage, per frame (median over the passes). Target: >= 60 frames/s for an 8x8 grid of 28x28.")
    static final class Render implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--model", paramLabel = "FILE",
                description = "An image model (default: models/exact/exact-mnist-class-means.onnx).")
        Path model;

        @Option(names = "--count", defaultValue = "64", description = "Images per grid (default 64, an 8x8 grid).")
        int count;

        @Option(names = "--steps", defaultValue = "32", description = "Frames recorded (default 32).")
        int steps;

        @Option(names = "--passes", defaultValue = "30", description = "Timed passes over the frames (default 30).")
        int passes;

        @Override
        public Integer call() throws Exception {
            Path m = model != null ? model : Home.get().models().resolve("exact/exact-mnist-class-means.onnx");
            var o = spec.commandLine().getOut();
            o.printf("model %s, %d images per grid, %d frames x %d passes, %d cores, %s, Java %s%n", m, count, steps + 1,
                    passes, Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"),
                    System.getProperty("java.version"));
            o.printf("%-30s %6s %10s %12s %10s%n", "what", "scale", "pixels", "median us", "frames/s");
            for (org.pdviz.ui.bench.RenderBench.Row r : new org.pdviz.ui.bench.RenderBench().run(m, count, steps, passes)) {
                o.printf("%-30s %6d %10s %12.1f %10.0f%n", r.what(), r.scale(), r.width() + "x" + r.height(),
                        r.medianMicros(), r.framesPerSecond());
            }
            return 0;
        }
    }
}

package org.pdviz.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.pdviz.app.PdvizHome;
import org.pdviz.core.data.Dataset;
import org.pdviz.core.distill.DistillTarget;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.model.Denoiser;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.OrtSessions;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.train.NoisyBatch;
import org.pdviz.train.SeededRandom;
import org.pdviz.train.TeacherTiming;
import org.pdviz.train.data.TrainingData;
import org.pdviz.train.djl.DjlDenoiser;
import org.pdviz.train.djl.Network;
import org.pdviz.train.djl.Torch;
import org.pdviz.train.djl.XLossStep;
import org.pdviz.train.family.Families;
import org.pdviz.train.family.Family;
import org.pdviz.train.family.Weights;
import org.pdviz.train.onnx.FamilyOnnx;

/**
 * Trainer speed at the default sizes (mlp on moons, batch 512; unet on MNIST, batch 64): the time of
 * a teacher-training iteration and of a distillation iteration (teacher's two steps on the faster
 * engine, target, student step) at each thread count; the teacher's forward in DJL against ONNX
 * Runtime for the same weights; and resident memory after a short and a long run of steps.
 */
public final class TrainBench {

    public record StepRow(String family, long parameters, int batch, int threads, int steps, double trainMs,
                          double distillMs, String teacherEngine) {
    }

    public record ForwardRow(String family, int batch, int threads, double djlMs, double ortMs) {
        public String faster() {
            return ortMs <= djlMs ? "ort" : "djl";
        }
    }

    public record MemoryRow(String family, int shortSteps, double shortRssMb, int longSteps, double longRssMb,
                            double heapMb) {
        public double growth() {
            return longRssMb / shortRssMb - 1;
        }
    }

    /** The distillation iteration's parts per loop, and the teacher's forward per ONNX Runtime setting. */
    public record Breakdown(String family, int batch, List<DistillBreakdown.LoopRow> loops,
                            List<DistillBreakdown.TuningRow> tunings) {
    }

    public record Report(List<StepRow> steps, List<ForwardRow> forwards, List<MemoryRow> memory,
                         List<Breakdown> breakdowns) {
    }

    private final Path scratch;
    private final Consumer<String> log;

    public TrainBench(Path scratch, Consumer<String> log) {
        this.scratch = scratch;
        this.log = log;
    }

    /** "PyTorch x via DJL y", for the report. */
    public static String engineDescription() {
        return Torch.describe();
    }

    static String dataFor(String family) {
        return "unet".equals(family) ? "mnist" : "moons";
    }

    static int batchFor(String family) {
        return "unet".equals(family) ? 64 : 512;
    }

    /** A family at its defaults for its benchmark data, v-parameterised. */
    static Family family(String name, Dataset data) {
        return Families.build(name, data.shape(), 1, java.util.Map.of());
    }

    public Report run(List<String> families, int[] threads, int steps, int warmUp, int memorySteps) throws Exception {
        List<StepRow> stepRows = new ArrayList<>();
        List<ForwardRow> forwardRows = new ArrayList<>();
        List<MemoryRow> memoryRows = new ArrayList<>();
        List<Breakdown> breakdowns = new ArrayList<>();
        Files.createDirectories(scratch);
        int machineThreads = Torch.defaultThreads();
        for (String name : families) {
            Dataset data = TrainingData.open(dataFor(name), PdvizHome.locate().mnist());
            Family f = family(name, data);
            int batch = batchFor(name);
            Path teacherFile = scratch.resolve("bench-teacher-" + name + ".onnx");
            Weights teacherWeights = Weights.initialize(f, 7);
            FamilyOnnx.write(f, teacherWeights, card(f), teacherFile);

            Torch.threads(machineThreads);
            double djl, ort;
            try (DjlDenoiser d = new DjlDenoiser(new Network(f, teacherWeights, Device.CPU, false),
                    Parameterization.V); OnnxDenoiser o = OnnxDenoiser.open(teacherFile)) {
                log.accept(name + ": teacher forward, DJL vs ONNX Runtime ...");
                djl = Stats.median(TeacherTiming.times(d, batch, warmUp, steps));
                ort = Stats.median(TeacherTiming.times(o, batch, warmUp, steps));
            }
            ForwardRow fr = new ForwardRow(name, batch, machineThreads, djl, ort);
            forwardRows.add(fr);

            List<DistillBreakdown.LoopRow> loops = new ArrayList<>();
            int most = 1;
            for (int th : threads) {
                Torch.threads(th);
                most = Math.max(most, th);
                log.accept(name + ": " + th + " thread(s), train and distillation steps ...");
                double train = Stats.median(trainSteps(f, data, batch, warmUp, steps));
                double distill;
                if (fr.faster().equals("ort")) {
                    // the trainer's own loop, part by part (teacher on ONNX Runtime as the trainer chooses here)
                    DistillBreakdown.LoopRow row = DistillBreakdown.loop(f, data, batch, teacherFile,
                            OrtSessions.Tuning.DEFAULT, th, false, warmUp, steps);
                    loops.add(row);
                    distill = row.parts().totalMs();
                } else {
                    try (Denoiser teacher = new DjlDenoiser(new Network(f, teacherWeights, Device.CPU, false), Parameterization.V)) {
                        distill = Stats.median(distillSteps(f, data, batch, teacher, warmUp, steps));
                    }
                }
                stepRows.add(new StepRow(name, f.parameterCount(), batch, th, steps, train, distill, fr.faster()));
            }
            log.accept(name + ": the distillation loop with the next batch's targets drawn beside the step ...");
            OrtSessions.Tuning oneThread = new OrtSessions.Tuning(1, OrtSessions.Level.ALL, true);
            loops.add(DistillBreakdown.loop(f, data, batch, teacherFile, OrtSessions.Tuning.DEFAULT, most, true,
                    warmUp, steps));
            loops.add(DistillBreakdown.loop(f, data, batch, teacherFile, oneThread, most, true, warmUp, steps));
            if (most > 1) {
                loops.add(DistillBreakdown.loop(f, data, batch, teacherFile, oneThread, most - 1, true, warmUp,
                        steps));
            }
            log.accept(name + ": teacher forward under ONNX Runtime settings ...");
            breakdowns.add(new Breakdown(name, batch, loops,
                    DistillBreakdown.tuningRows(teacherFile, batch, warmUp, steps)));
            if (memorySteps > 0) {
                Torch.threads(machineThreads);
                log.accept(name + ": resident memory over " + memorySteps + " train steps ...");
                memoryRows.add(memory(f, data, batch, memorySteps));
            }
        }
        Torch.threads(machineThreads);
        return new Report(stepRows, forwardRows, memoryRows, breakdowns);
    }

    private static ModelCard card(Family f) {
        return new ModelCard(ModelCard.FORMAT, "bench", "bench", "v", ModelCard.ScheduleSpec.of(CosineSchedule.CLIPPED),
                f.dataShape().dims(), new double[] {-1, 1}, null, f.card(), null, null);
    }

    /** Milliseconds per teacher-training iteration (batch drawn, forward, backward, clip, Adam, EMA). */
    static double[] trainSteps(Family f, Dataset data, int batch, int warmUp, int steps) throws Exception {
        try (Network net = new Network(f, Weights.initialize(f, 1), Device.CPU, true);
             XLossStep step = new XLossStep(net, Parameterization.V, Weighting.SNR_PLUS_ONE, 1.0, 0.999)) {
            SeededRandom rng = new SeededRandom(1);
            double[] ms = new double[steps];
            for (int i = -warmUp; i < steps; i++) {
                long t0 = System.nanoTime();
                NoisyBatch b = NoisyBatch.continuous(rng, data, batch, CosineSchedule.CLIPPED);
                step.step(new XLossStep.Batch(b.z(), b.t(), b.x(), b.levels()), 1e-4);
                if (i >= 0) {
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
            }
            return ms;
        }
    }

    /** Milliseconds per distillation iteration (batch, teacher's two DDIM steps and target, student step). */
    static double[] distillSteps(Family f, Dataset data, int batch, Denoiser teacher, int warmUp, int steps)
            throws Exception {
        try (Network net = new Network(f, Weights.initialize(f, 1), Device.CPU, true);
             XLossStep step = new XLossStep(net, Parameterization.V, Weighting.SNR_PLUS_ONE, 1.0, 0)) {
            SeededRandom rng = new SeededRandom(2);
            int n = 256;
            double[] ms = new double[steps];
            for (int i = -warmUp; i < steps; i++) {
                long t0 = System.nanoTime();
                NoisyBatch b = NoisyBatch.onGrid(rng, data, batch, n, CosineSchedule.CLIPPED);
                float[] xTilde = new float[b.z().length];
                DistillTarget.xTilde(teacher, CosineSchedule.CLIPPED, b.z(), b.indices(), n, xTilde);
                step.step(new XLossStep.Batch(b.z(), b.t(), xTilde, b.levels()), 1e-5);
                if (i >= 0) {
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
            }
            return ms;
        }
    }

    /** Resident memory (after a GC) once 100 steps and once {@code longSteps} steps have run. */
    static MemoryRow memory(Family f, Dataset data, int batch, int longSteps) throws Exception {
        int shortSteps = Math.min(100, longSteps);
        double shortRss = Double.NaN;
        try (Network net = new Network(f, Weights.initialize(f, 1), Device.CPU, true);
             XLossStep step = new XLossStep(net, Parameterization.V, Weighting.SNR_PLUS_ONE, 1.0, 0.999)) {
            SeededRandom rng = new SeededRandom(3);
            for (int i = 1; i <= longSteps; i++) {
                NoisyBatch b = NoisyBatch.continuous(rng, data, batch, CosineSchedule.CLIPPED);
                step.step(new XLossStep.Batch(b.z(), b.t(), b.x(), b.levels()), 1e-4);
                if (i == shortSteps) {
                    shortRss = residentMb();
                }
            }
            double longRss = residentMb();
            Runtime rt = Runtime.getRuntime();
            return new MemoryRow(f.name(), shortSteps, shortRss, longSteps, longRss,
                    (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
        }
    }

    /** VmRSS of this process in MiB after a garbage collection (NaN where /proc is missing). */
    public static double residentMb() throws IOException {
        System.gc();
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return Double.NaN;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}

package org.pdviz.app.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pdviz.core.data.Dataset;
import org.pdviz.core.distill.DistillTarget;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.model.Denoiser;
import org.pdviz.core.model.DenoiserException;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.OrtSessions;
import org.pdviz.runtime.card.CardOverrides;
import org.pdviz.train.NoisyBatch;
import org.pdviz.train.TargetPrefetch;
import org.pdviz.train.TeacherTiming;
import org.pdviz.train.djl.Network;
import org.pdviz.train.djl.Torch;
import org.pdviz.train.djl.XLossStep;
import org.pdviz.train.family.Family;
import org.pdviz.train.family.Weights;

/**
 * Where one distillation iteration's time goes (Algorithm 2 as the trainer runs it, through the
 * trainer's own {@link TargetPrefetch}): data and noise, the teacher's two forwards on ONNX Runtime,
 * the target arithmetic around them, the student's forward and backward, the optimiser. Then the same
 * loop with the teacher's targets for the next batch drawn beside the student's step, and the teacher's
 * forward under other ONNX Runtime settings. Medians in milliseconds.
 */
public final class DistillBreakdown {

    /** Medians of each part and of the whole iteration; {@code waitMs}: the student waiting for targets. */
    public record Parts(double dataMs, double teacherMs, double targetMs, double studentMs, double optimiserMs,
                        double totalMs, double waitMs) {
    }

    /** One way of running the loop and its medians. */
    public record LoopRow(String loop, int studentThreads, String teacher, Parts parts) {
    }

    /** The teacher's forward (one batch) under one ONNX Runtime setting. */
    public record TuningRow(String tuning, double forwardMs) {
    }

    private static final int N = 256;

    private DistillBreakdown() {
    }

    /** ONNX Runtime settings measured: optimisation levels and the arena on the shared pool, then own threads. */
    public static List<OrtSessions.Tuning> tunings() {
        List<OrtSessions.Tuning> list = new ArrayList<>();
        for (OrtSessions.Level level : OrtSessions.Level.values()) {
            for (boolean arena : new boolean[] {true, false}) {
                list.add(new OrtSessions.Tuning(0, level, arena));
            }
        }
        list.add(new OrtSessions.Tuning(1, OrtSessions.Level.ALL, true));
        list.add(new OrtSessions.Tuning(2, OrtSessions.Level.ALL, true));
        return list;
    }

    public static List<TuningRow> tuningRows(Path teacherFile, int batch, int warmUp, int steps) throws Exception {
        List<TuningRow> rows = new ArrayList<>();
        for (OrtSessions.Tuning tuning : tunings()) {
            try (OnnxDenoiser d = open(teacherFile, tuning)) {
                rows.add(new TuningRow(tuning.describe(), Stats.median(TeacherTiming.times(d, batch, warmUp, steps))));
            }
        }
        return rows;
    }

    static OnnxDenoiser open(Path file, OrtSessions.Tuning tuning) throws Exception {
        return OnnxDenoiser.open(file, CardOverrides.NONE, Device.CPU, line -> { }, tuning);
    }

    /**
     * The loop at {@code studentThreads} PyTorch threads with a teacher opened with {@code tuning}: each
     * iteration timed from asking for its batch to the end of the student's step.
     */
    public static LoopRow loop(Family f, Dataset data, int batch, Path teacherFile, OrtSessions.Tuning tuning,
                               int studentThreads, boolean overlap, int warmUp, int steps) throws Exception {
        int previous = Torch.threads();
        Torch.threads(studentThreads);
        try (Network net = new Network(f, Weights.initialize(f, 1), Device.CPU, true);
             XLossStep step = new XLossStep(net, Parameterization.V, Weighting.SNR_PLUS_ONE, 1.0, 0);
             Timed teacher = new Timed(open(teacherFile, tuning))) {
            int total = warmUp + steps;
            double[][] parts = new double[7][total];
            int[] drawn = {0};
            TargetPrefetch.Source source = rng -> {
                long t0 = System.nanoTime();
                NoisyBatch b = NoisyBatch.onGrid(rng, data, batch, N, CosineSchedule.CLIPPED);
                long t1 = System.nanoTime();
                long forwardBefore = teacher.nanos;
                float[] xTilde = new float[b.z().length];
                DistillTarget.xTilde(teacher, CosineSchedule.CLIPPED, b.z(), b.indices(), N, xTilde);
                long t2 = System.nanoTime();
                int i = drawn[0]++;
                long forward = teacher.nanos - forwardBefore;
                parts[0][i] = (t1 - t0) / 1e6;
                parts[1][i] = forward / 1e6;
                parts[2][i] = (t2 - t1 - forward) / 1e6;
                return new XLossStep.Batch(b.z(), b.t(), xTilde, b.levels());
            };
            try (TargetPrefetch batches = new TargetPrefetch(source, 2, total, overlap)) {
                for (int i = 0; i < total; i++) {
                    long t0 = System.nanoTime();
                    TargetPrefetch.Drawn d = batches.next();
                    long t1 = System.nanoTime();
                    step.step(d.batch(), 1e-5);
                    long t2 = System.nanoTime();
                    parts[3][i] = step.lastTiming().forwardBackwardNanos() / 1e6;
                    parts[4][i] = step.lastTiming().optimiserNanos() / 1e6;
                    parts[5][i] = (t2 - t0) / 1e6;
                    parts[6][i] = (t1 - t0) / 1e6;
                }
            }
            double[] m = new double[7];
            for (int k = 0; k < 7; k++) {
                m[k] = Stats.median(java.util.Arrays.copyOfRange(parts[k], warmUp, total));
            }
            return new LoopRow(overlap ? "overlapped" : "sequential", studentThreads, tuning.describe(),
                    new Parts(m[0], m[1], m[2], m[3], m[4], m[5], m[6]));
        } finally {
            Torch.threads(previous);
        }
    }

    /** A denoiser that adds up the time its forwards take (called from one thread at a time). */
    private static final class Timed implements Denoiser {
        private final Denoiser inner;
        private volatile long nanos;

        Timed(Denoiser inner) {
            this.inner = inner;
        }

        @Override
        public DataShape shape() {
            return inner.shape();
        }

        @Override
        public Parameterization parameterization() {
            return inner.parameterization();
        }

        @Override
        public int maxBatch() {
            return inner.maxBatch();
        }

        @Override
        public void predict(float[] z, float[] position, int from, int batch, float[] out) throws DenoiserException {
            long t0 = System.nanoTime();
            inner.predict(z, position, from, batch, out);
            nanos += System.nanoTime() - t0;
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}

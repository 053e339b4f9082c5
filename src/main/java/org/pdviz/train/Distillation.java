package org.pdviz.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.pdviz.core.data.Dataset;
import org.pdviz.core.distill.DistillTarget;
import org.pdviz.core.model.Denoiser;
import org.pdviz.core.model.DenoiserException;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.ModelFileException;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.OrtSessions;
import org.pdviz.runtime.card.CardOverrides;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.runtime.card.ModelNames;
import org.pdviz.train.SettingException.Problem;
import org.pdviz.train.data.TrainingData;
import org.pdviz.train.djl.DjlDenoiser;
import org.pdviz.train.djl.Network;
import org.pdviz.train.djl.TrainingException;
import org.pdviz.train.djl.XLossStep;
import org.pdviz.train.family.Families;
import org.pdviz.train.family.Family;
import org.pdviz.train.family.Weights;
import org.pdviz.train.onnx.Checkpoint;
import org.pdviz.train.onnx.FamilyOnnx;
import org.pdviz.train.state.TrainingState;

/**
 * Progressive distillation, Algorithm 2 of Salimans and Ho: the student starts from the teacher's
 * weights (or, for a teacher that is not one of our families, from a fresh network); for K
 * iterations per round, {@code x ~ data}, {@code i ~ U{1..N}}, {@code t = i/N}; the teacher's two
 * DDIM steps t -> t' -> t'' (no clipping) give the target {@code x_tilde}, computed by core's
 * {@link DistillTarget#xTilde}; Adam on the weighted x-loss, learning rate decayed linearly to 0
 * within the round, optimiser reset each round, no EMA; then the student becomes the teacher and
 * N halves. Every round writes {@code student-<N>.onnx}.
 */
public final class Distillation {

    public static final String KIND = "distill";

    private Distillation() {
    }

    /**
     * What a run will do, worked out (and checked) before any training. A run is a list of stages: for
     * a fresh student first a copy stage ({@code copyIterations} iterations in which it learns the
     * teacher's own x_hat at continuous t, so that Algorithm 2 starts, as it assumes, from a student
     * equal to its teacher), then the {@code rounds} halving rounds.
     */
    public record Plan(ModelCard teacherCard, boolean teacherTrainable, Family studentFamily,
                       Parameterization studentParameterization, boolean startFromTeacher, int from, int to,
                       int rounds, String dataset, long copyIterations, long firstRoundIterations,
                       long iterationsPerRound, RoundIterations roundIterations) {

        public boolean hasCopyStage() {
            return !startFromTeacher && copyIterations > 0;
        }

        /** The iterations a stage runs. */
        public long iterations(int stage) {
            return isCopyStage(stage) ? copyIterations : roundIterations.iterations(studentSteps(stage),
                    round(stage) == 0 ? firstRoundIterations : iterationsPerRound);
        }

        /** The iterations left at {@code done} of {@code total} in {@code stage}: its rest and every later stage's. */
        public long remaining(int stage, long done, long total) {
            long left = total - done;
            for (int later = stage + 1; later < stages(); later++) {
                left += iterations(later);
            }
            return left;
        }

        public int stages() {
            return rounds + (hasCopyStage() ? 1 : 0);
        }

        public boolean isCopyStage(int stage) {
            return hasCopyStage() && stage == 0;
        }

        /** The halving round (0-based) a stage is; -1 for the copy stage. */
        public int round(int stage) {
            return stage - (hasCopyStage() ? 1 : 0);
        }

        /** The steps the stage's teacher is sampled with (the copy stage: the original teacher's). */
        public int teacherSteps(int stage) {
            return from >> Math.max(0, round(stage));
        }

        /** The steps the stage's student is made for; null for the copy stage (a copy of the teacher). */
        public Integer studentSteps(int stage) {
            return isCopyStage(stage) ? null : from >> (round(stage) + 1);
        }

        /** What the stage does, in words. */
        public String label(int stage) {
            return isCopyStage(stage) ? "copying the teacher" : teacherSteps(stage) + "->" + studentSteps(stage)
                    + " steps";
        }
    }

    public record Result(Plan plan, List<RoundResult> rounds, boolean cancelled, double seconds) {
    }

    public static Plan plan(DistillConfig c) throws ModelFileException {
        ModelCard card;
        try (OnnxDenoiser t = OnnxDenoiser.open(c.teacher(), c.teacherOverrides(), Device.CPU, line -> { })) {
            card = t.card();
        }
        card.cosineSchedule("distillation");
        Integer from = c.from() != null ? c.from() : card.steps();
        if (from == null) {
            throw new SettingException(Problem.FROM_UNKNOWN, Setting.FROM);
        }
        int to = c.to();
        if (to < 1 || from <= to || from % to != 0 || Integer.bitCount(from / to) != 1) {
            throw new SettingException(Problem.NOT_HALVING, Setting.FROM, from, Setting.TO, to);
        }
        int rounds = Integer.numberOfTrailingZeros(from / to);
        boolean trainable = Families.isTrainable(card);
        Parameterization teacherP = card.parameterizationValue();
        Family family;
        Parameterization p;
        boolean fromTeacher;
        long copyIterations = 0;
        if (c.studentFamily() == null) {
            if (!trainable) {
                throw card.family() == null ? new SettingException(Problem.TEACHER_NO_FAMILY, Setting.FAMILY, card.name())
                        : new SettingException(Problem.TEACHER_NOT_OURS, Setting.FAMILY, card.name(),
                        card.family().name());
            }
            if (c.studentParameterization() != null && c.studentParameterization() != teacherP) {
                throw new SettingException(Problem.KEEPS_PARAMETERIZATION, Setting.FAMILY, teacherP.id());
            }
            family = Families.fromCard(card);
            p = teacherP;
            fromTeacher = true;
        } else {
            // a fresh network learns v most easily: at small t, x_hat = alpha z - sigma v is near z for any v
            p = c.studentParameterization() != null ? c.studentParameterization() : Parameterization.V;
            family = Families.withOutputFactor(c.studentFamily(), p);
            if (!family.dataShape().equals(card.shapeValue())) {
                throw new IllegalArgumentException("the student " + family.name() + " is for data of shape "
                        + family.dataShape() + " but the teacher's data has shape " + card.shapeValue());
            }
            fromTeacher = false;
            copyIterations = c.copyIterations() != null ? c.copyIterations() : 4 * c.iterationsPerRound();
        }
        String dataset = c.dataset() != null ? c.dataset() : card.dataset();
        if (dataset == null || dataset.isBlank() || dataset.equals("unknown")) {
            throw new SettingException(Problem.DATA_UNKNOWN, Setting.DATA);
        }
        c.roundIterations().check(from, to);
        return new Plan(card, trainable, family, p, fromTeacher, from, to, rounds, dataset, copyIterations,
                c.firstRoundIterations() != null ? c.firstRoundIterations() : c.iterationsPerRound(),
                c.iterationsPerRound(), c.roundIterations());
    }

    /** The learning rate for iteration {@code done} (0-based) of {@code k}: linear from {@code lr} towards 0. */
    public static double learningRate(double lr, long done, long k) {
        return lr * (1.0 - (double) done / k);
    }

    public static Path studentFile(Path outDir, int steps) {
        return outDir.resolve("student-" + steps + ".onnx");
    }

    /** The copy stage's result: the fresh network made a copy of a foreign teacher. */
    public static Path copyFile(Path outDir) {
        return outDir.resolve("teacher-copy.onnx");
    }

    /** The checkpoint a stage writes. */
    public static Path stageFile(Plan plan, Path outDir, int stage) {
        return plan.isCopyStage(stage) ? copyFile(outDir) : studentFile(outDir, plan.studentSteps(stage));
    }

    public static Result run(DistillConfig c, Device device, Checkpointer checkpointer, Monitor monitor)
            throws TrainingException, IOException, ModelFileException, DenoiserException {
        Plan plan = plan(c);
        TrainingData.Source source = source(c, plan, monitor);
        Dataset data = source.dataset();
        CosineSchedule schedule = plan.teacherCard().cosineSchedule("distillation");
        Weights initial = plan.startFromTeacher() ? Checkpoint.read(c.teacher()).weights()
                : Weights.initialize(plan.studentFamily(), c.seed());
        List<RoundResult> results = new ArrayList<>();
        Map<String, String> info = new LinkedHashMap<>();
        try (Session s = new Session(plan.studentFamily(), initial, device, plan.studentParameterization(),
                c.weighting(), c.clip(), 0, c.seed())) {
            int stage = 0;
            long done = 0;
            TrainingState saved = checkpointer.load(KIND);
            if (saved != null) {
                s.restore(saved);
                stage = saved.header().round();
                done = saved.header().iteration();
                info.putAll(saved.header().info());
                monitor.message("resuming at stage " + (stage + 1) + " of " + plan.stages() + " (" + plan.label(
                        Math.min(stage, plan.stages() - 1)) + "), iteration " + done);
                if (stage > 0 && done == 0 && !java.nio.file.Files.exists(stageFile(plan, c.outDir(), stage - 1))) {
                    // the state was saved, the stage's file was not (a full disk): the state holds its weights
                    results.add(writeStage(c, plan, stage - 1, s, Double.NaN, source, monitor));
                }
            } else {
                stage = finishedStages(plan, c.outDir());
                if (stage > 0) {
                    Path last = stageFile(plan, c.outDir(), stage - 1);
                    s.network.load(Checkpoint.read(last).weights());
                    monitor.message("continuing after " + last.getFileName() + " (stage " + stage + " of "
                            + plan.stages() + "), which is kept");
                }
            }
            for (; stage < plan.stages(); stage++) {
                boolean copy = plan.isCopyStage(stage);
                int round = plan.round(stage);
                long iterations = plan.iterations(stage);
                // the copy stage and the first round learn from the original teacher; later rounds from a student
                Path teacherFile = round <= 0 ? c.teacher() : studentFile(c.outDir(), plan.teacherSteps(stage));
                TeacherEngine engine = engine(c, plan, round, teacherFile, device, info, monitor);
                double secondsBefore = s.seconds();
                if (done == 0) {
                    s.step.resetOptimizer();
                    s.losses.clear();
                    // each stage draws from its own stream, so a stage started over from the last finished
                    // student makes the same batches as an uninterrupted run
                    s.rng.restore(stageSeed(c.seed(), stage));
                }
                Integer studentSteps = plan.studentSteps(stage);
                try (Denoiser teacher = openTeacher(teacherFile, round <= 0 ? c.teacherOverrides() : CardOverrides.NONE,
                        engine, device, monitor::message);
                     TargetPrefetch batches = new TargetPrefetch(rng -> copy
                             ? copyBatch(rng, data, c.batch(), schedule, teacher)
                             : distillBatch(rng, data, c.batch(), studentSteps, schedule, teacher),
                             s.rng.state(), iterations - done, overlap(device))) {
                    while (done < iterations) {
                        if (monitor.cancelled()) {
                            checkpointer.save(s.snapshot(KIND, stage, done, info));
                            monitor.saved(stage, done);
                            return new Result(plan, results, true, s.seconds());
                        }
                        double lr = learningRate(copy && c.copyLr() != null ? c.copyLr() : c.lr(), done, iterations);
                        TargetPrefetch.Drawn drawn = batches.next();
                        s.rng.restore(drawn.rngAfter()); // the run's generator counts only the batches used
                        double loss = s.step.step(drawn.batch(), lr).loss();
                        s.losses.add(loss);
                        done++;
                        monitor.iteration(stage, plan.stages(), done, iterations, loss);
                        if (done < iterations && checkpointer.due(done)) {
                            checkpointer.save(s.snapshot(KIND, stage, done, info));
                            monitor.saved(stage, done);
                        }
                    }
                }
                // the state first, then the stage's file: whichever write fails (a full disk), what is on disk
                // resumes the job, and a resumed job rewrites a missing file from the state
                checkpointer.save(s.snapshot(KIND, stage + 1, 0, info));
                monitor.saved(stage + 1, 0);
                results.add(writeStage(c, plan, stage, s, s.seconds() - secondsBefore, source, monitor));
                done = 0;
            }
            return new Result(plan, results, false, s.seconds());
        }
    }

    /**
     * Whether the teacher's targets for the next batch are drawn beside the student's step (the batches
     * are the same either way: {@link TargetPrefetch}).
     */
    static boolean overlap(Device device) {
        return OVERLAP;
    }

    static final boolean OVERLAP = !"false".equals(System.getProperty("pdviz.overlap"));

    /** The data the run learns from, checked against the teacher's data shape. */
    private static TrainingData.Source source(DistillConfig c, Plan plan, Monitor monitor)
            throws IOException, ModelFileException, DenoiserException {
        TrainingData.Source source;
        if (c.data() != null) {
            source = c.data();
        } else if (plan.dataset().equals(TrainingData.TEACHER_SAMPLES)) {
            source = TeacherSamples.draw(c.teacher(), c.teacherOverrides(), plan.from(), c.teacherSamples(),
                    c.seed(), monitor);
        } else {
            source = TrainingData.resolve(plan.dataset(), false, c.mnistFolder());
        }
        if (!source.dataset().shape().equals(plan.studentFamily().dataShape())) {
            throw new IllegalArgumentException(source.name() + ": samples of shape " + source.dataset().shape()
                    + ", but the teacher's data has shape " + plan.studentFamily().dataShape());
        }
        return source;
    }

    /** The stream a stage's batches come from: the run's seed for the first, a mix of it for the others. */
    static long stageSeed(long seed, int stage) {
        if (stage == 0) {
            return seed;
        }
        long z = seed + stage * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Writes a finished stage's checkpoint (the session's weights, its recent losses as the final loss). */
    private static RoundResult writeStage(DistillConfig c, Plan plan, int stage, Session s, double seconds,
                                          TrainingData.Source source, Monitor monitor) throws IOException {
        boolean copy = plan.isCopyStage(stage);
        int round = plan.round(stage);
        long iterations = plan.iterations(stage);
        double finalLoss = s.losses.mean();
        Path out = stageFile(plan, c.outDir(), stage);
        ModelCard card = copy
                ? Cards.copy(plan.teacherCard(), plan.studentFamily(), plan.studentParameterization(),
                iterations, c.seed(), finalLoss, c.command(), source.origin())
                : Cards.student(plan.studentSteps(stage), round + 1, round == 0 ? plan.teacherCard().name()
                        : ModelNames.student(plan.teacherCard().dataset(), plan.teacherSteps(stage)),
                plan.teacherCard(), plan.studentFamily(), plan.studentParameterization(), iterations, c.seed(),
                finalLoss, c.command(), source.origin());
        FamilyOnnx.write(plan.studentFamily(), s.network.weights(), card, out);
        RoundResult r = new RoundResult(stage, plan.stages(), plan.studentSteps(stage), out, iterations, finalLoss,
                seconds);
        monitor.roundFinished(r);
        return r;
    }

    /**
     * How many stages, from the first, have their checkpoint in the folder already (a job started over
     * after its state was lost continues after them): files our trainer wrote for that stage's steps.
     */
    public static int finishedStages(Plan plan, Path outDir) {
        int stage = 0;
        while (stage < plan.stages()) {
            Path f = stageFile(plan, outDir, stage);
            try {
                Checkpoint cp = Checkpoint.read(f);
                if (!java.util.Objects.equals(cp.card().steps(), plan.studentSteps(stage)) || cp.card().lineage() == null
                        || !cp.family().describe().equals(plan.studentFamily().describe())) {
                    break;
                }
            } catch (IOException | RuntimeException e) {
                break;
            }
            stage++;
        }
        return stage;
    }

    /** Algorithm 2's batch: {@code i ~ U{1..N}}, {@code t = i/N}, target x_tilde from the teacher's two steps. */
    static XLossStep.Batch distillBatch(java.util.Random rng, Dataset data, int batch, int n, CosineSchedule schedule,
                                        Denoiser teacher) throws DenoiserException {
        NoisyBatch b = NoisyBatch.onGrid(rng, data, batch, n, schedule);
        float[] xTilde = new float[b.z().length];
        DistillTarget.xTilde(teacher, schedule, b.z(), b.indices(), n, xTilde);
        return new XLossStep.Batch(b.z(), b.t(), xTilde, b.levels());
    }

    /** The copy stage's batch: continuous t, target the teacher's own x_hat (core's read-out). */
    static XLossStep.Batch copyBatch(java.util.Random rng, Dataset data, int batch, CosineSchedule schedule,
                                     Denoiser teacher) throws DenoiserException {
        NoisyBatch b = NoisyBatch.continuous(rng, data, batch, schedule);
        float[] xHat = new float[b.z().length];
        DistillTarget.xHat(teacher, b.z(), b.levels(), xHat);
        return new XLossStep.Batch(b.z(), b.t(), xHat, b.levels());
    }

    /** The engine for a round's teacher: ONNX Runtime for a foreign one, else as configured or measured. */
    private static TeacherEngine engine(DistillConfig c, Plan plan, int round, Path teacherFile, Device device,
                                        Map<String, String> info, Monitor monitor)
            throws IOException, ModelFileException, DenoiserException {
        if (round <= 0 && !plan.teacherTrainable()) {
            return TeacherEngine.ORT;
        }
        if (c.engine() != TeacherEngine.AUTO) {
            return c.engine();
        }
        String decided = info.get("engine");
        if (decided != null) {
            return TeacherEngine.parse(decided);
        }
        double ort, djl;
        try (Denoiser a = openTeacher(teacherFile, CardOverrides.NONE, TeacherEngine.ORT, device, line -> { });
             Denoiser b = openTeacher(teacherFile, CardOverrides.NONE, TeacherEngine.DJL, device, line -> { })) {
            ort = TeacherTiming.medianMillis(a, c.batch());
            djl = TeacherTiming.medianMillis(b, c.batch());
        }
        TeacherEngine chosen = ort <= djl ? TeacherEngine.ORT : TeacherEngine.DJL;
        monitor.message(String.format("teacher forward, batch %d: ONNX Runtime %.2f ms, DJL %.2f ms; the teacher runs"
                + " on %s", c.batch(), ort, djl, chosen == TeacherEngine.ORT ? "ONNX Runtime" : "DJL"));
        info.put("engine", chosen.id());
        return chosen;
    }

    static Denoiser openTeacher(Path file, CardOverrides overrides, TeacherEngine engine, Device device,
                                Consumer<String> notices) throws IOException, ModelFileException {
        if (engine == TeacherEngine.DJL) {
            Checkpoint cp = Checkpoint.read(file);
            return new DjlDenoiser(new Network(cp.family(), cp.weights(), device, false),
                    cp.card().parameterizationValue());
        }
        return OnnxDenoiser.open(file, overrides, device, notices, device == Device.CUDA || !OVERLAP
                ? OrtSessions.Tuning.DEFAULT : TEACHER_TUNING);
    }

    /**
     * The teacher's ONNX Runtime session beside the student's step: one thread of its own. On a shared
     * 2-core machine (load 20) a UNet iteration took 22.2 s with student and teacher on 2 threads each,
     * one after the other, and 5.0 s with one thread each, overlapped (README, "Trainer speed"):
     * two-thread pools that wait for each other at every operation lose most when cores are taken.
     */
    static final OrtSessions.Tuning TEACHER_TUNING = new OrtSessions.Tuning(1, OrtSessions.Level.ALL, true);

    /** The student's default PyTorch threads: the cores (up to 8) but the one the teacher's targets take. */
    public static int studentThreads() {
        return Math.max(1, org.pdviz.train.djl.Torch.defaultThreads() - (OVERLAP ? 1 : 0));
    }
}

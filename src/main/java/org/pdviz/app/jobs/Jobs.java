package org.pdviz.app.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.pdviz.app.PdvizHome;
import org.pdviz.app.eval.DistillComparison;
import org.pdviz.core.data.Dataset;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.runtime.AtomicFiles;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.ModelFiles;
import org.pdviz.runtime.OutputFolder;
import org.pdviz.runtime.card.CardOverrides;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.train.Checkpointer;
import org.pdviz.train.Distillation;
import org.pdviz.train.Monitor;
import org.pdviz.train.RoundResult;
import org.pdviz.train.TeacherEngine;
import org.pdviz.train.TeacherTraining;
import org.pdviz.train.data.TrainingData;
import org.pdviz.train.djl.Torch;
import org.pdviz.train.family.Families;
import org.pdviz.train.family.Family;
import org.pdviz.train.state.TrainingState;

/**
 * The one job API for the command line and the application: start a training or distillation job
 * on its own thread (or run it on the caller's), follow its progress, cancel it, and resume an
 * interrupted one (a crash, a kill -9, a cancel) from its folder. A job's folder holds
 * {@code job.json} (the spec) and {@code state.bin} (the last saved state, written atomically); it
 * is removed when the job finishes. A failed run never removes what resumes it; a damaged state can
 * be dropped to start the job over ({@link Start#RESTART}), a distillation keeping its finished
 * students.
 */
public final class Jobs {

    public static final String SPEC_FILE = "job.json";
    public static final String STATE_FILE = "state.bin";
    public static final String LOCK_FILE = "lock";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Jobs() {
    }

    /** {@code FILE.onnx.job/} beside a teacher or classifier, {@code DIR/.job/} inside a distillation's folder. */
    public static Path folderFor(JobSpec spec) {
        return spec instanceof DistillJob ? distillFolder(spec.out()) : fileFolder(spec.out());
    }

    /** The job folder of a distillation into {@code out}: {@code out/.job}. */
    public static Path distillFolder(Path out) {
        return out.toAbsolutePath().normalize().resolve(".job");
    }

    /** The job folder of a job that writes one file (a teacher, a classifier): {@code FILE.onnx.job} beside it. */
    public static Path fileFolder(Path file) {
        Path out = file.toAbsolutePath().normalize();
        return out.resolveSibling(out.getFileName() + ".job");
    }

    /**
     * What a job will do, stage by stage, worked out and checked before it runs (a distillation opens
     * its teacher's file for this): the labels, iterations and checkpoints its progress events will
     * refer to by index.
     */
    public static List<Stage> stages(JobSpec spec) throws Exception {
        if (spec instanceof TrainJob j) {
            String family = j.family() != null ? j.family() : j.init() != null ? teacherFamily(j.init()) : "mlp";
            long iterations = j.iterations() != null ? j.iterations() : Defaults.iterations(family);
            return List.of(new Stage(0, "training", null, iterations, j.out().toAbsolutePath().normalize()));
        }
        DistillJob j = (DistillJob) spec;
        Distillation.Plan plan = Distillation.plan(distillConfig(j));
        List<Stage> out = new ArrayList<>();
        for (int stage = 0; stage < plan.stages(); stage++) {
            out.add(new Stage(stage, plan.label(stage), plan.studentSteps(stage),
                    plan.iterations(stage),
                    Distillation.stageFile(plan, j.out().toAbsolutePath().normalize(), stage)));
        }
        return out;
    }

    /** How a run begins: a new job, the interrupted one continued, or the interrupted one started over. */
    public enum Start { FRESH, RESUME, RESTART }

    /**
     * An interrupted job: its spec and where it stopped (round, iterations done in it).
     *
     * @param damage null, or why its saved state cannot be read (the job can then only start over)
     */
    public record Interrupted(Path folder, JobSpec spec, int round, long iteration, String damage) {
        public String where() {
            if (damage != null) {
                return "an unknown point (its saved state is damaged)";
            }
            return !(spec instanceof DistillJob) ? "iteration " + iteration
                    : "stage " + (round + 1) + ", iteration " + iteration;
        }

        public boolean damaged() {
            return damage != null;
        }
    }

    /** The interrupted job in {@code folder}, if there is one. */
    public static Optional<Interrupted> interrupted(Path folder) throws IOException {
        Path specFile = folder.resolve(SPEC_FILE);
        if (!Files.isRegularFile(specFile)) {
            return Optional.empty();
        }
        JobSpec spec = readSpec(specFile);
        Path state = folder.resolve(STATE_FILE);
        if (!Files.exists(state)) {
            return Optional.of(new Interrupted(folder, spec, 0, 0, null));
        }
        try {
            TrainingState.Header h = TrainingState.read(state).header();
            return Optional.of(new Interrupted(folder, spec, h.round(), h.iteration(), null));
        } catch (IOException | RuntimeException e) {
            return Optional.of(new Interrupted(folder, spec, 0, 0, e.getMessage()));
        }
    }

    /** What to do about a damaged state, for the user: start over in the same folder. */
    public static String damagedAdvice(Interrupted job) {
        return job.damage() + "; the job can only start over: " + (job.spec() instanceof DistillJob
                ? "--restart drops the saved state and continues after the last finished student, which is kept"
                : "--restart drops the saved state and trains again from the start");
    }

    static JobSpec readSpec(Path file) throws IOException {
        try {
            return JSON.readValue(file.toFile(), JobSpec.class);
        } catch (IOException e) {
            throw new IOException("cannot read the job description " + file + " (" + e.getMessage().lines().findFirst()
                    .orElse("") + ")", e);
        }
    }

    /** Starts a new job on its own thread. */
    public static JobHandle start(JobSpec spec, JobListener listener) {
        return launch(cancel -> run(spec, false, listener, cancel::get));
    }

    /** Continues the interrupted job in {@code folder} on its own thread. */
    public static JobHandle resume(Path folder, JobListener listener) throws IOException {
        Interrupted job = interrupted(folder).orElseThrow(() -> new IOException("nothing to resume: no interrupted job"
                + " in " + folder));
        if (job.damaged()) {
            throw new IOException(damagedAdvice(job));
        }
        return launch(cancel -> run(job.spec(), Start.RESUME, listener, cancel::get));
    }

    /**
     * Starts the interrupted job in {@code folder} over on its own thread: its saved state is dropped
     * (the way out of a damaged one); a distillation keeps its finished students and continues after
     * the last of them.
     */
    public static JobHandle restart(Path folder, JobListener listener) throws IOException {
        JobSpec spec = interrupted(folder).orElseThrow(() -> new IOException("nothing to start over: no interrupted"
                + " job in " + folder)).spec();
        return launch(cancel -> run(spec, Start.RESTART, listener, cancel::get));
    }

    private interface Body {
        JobResult run(AtomicBoolean cancel) throws Exception;
    }

    private static JobHandle launch(Body body) {
        AtomicBoolean cancel = new AtomicBoolean();
        FutureTask<JobResult> task = new FutureTask<>(() -> body.run(cancel));
        Thread t = new Thread(task, "pdviz-training");
        t.setDaemon(false);
        t.start();
        return new JobHandle(cancel, task);
    }

    /**
     * Runs a job on the calling thread.
     *
     * @param resume continue from the job's folder (which must hold this job) instead of starting afresh
     */
    public static JobResult run(JobSpec spec, boolean resume, JobListener listener, BooleanSupplier cancelled)
            throws Exception {
        return run(spec, resume ? Start.RESUME : Start.FRESH, listener, cancelled);
    }

    /**
     * Runs a job on the calling thread, started as {@code start} says. When it fails, the folders this
     * call created are removed again if nothing was saved in them; a saved state is never removed.
     */
    public static JobResult run(JobSpec spec, Start start, JobListener listener, BooleanSupplier cancelled)
            throws Exception {
        Path folder = folderFor(spec);
        // data files are read first: a bad one stops the job before anything is written
        TrainingData.Source data = data(spec);
        List<Path> created = OutputFolder.create(folder).createdFolders();
        JobResult result;
        try {
            try (JobLock lock = JobLock.acquire(folder)) {
                removeLeftovers(spec, folder);
                if (start == Start.FRESH) {
                    checkFresh(spec, folder);
                    AtomicFiles.writeString(folder.resolve(SPEC_FILE), JSON.writeValueAsString(spec));
                } else {
                    Interrupted job = interrupted(folder).orElseThrow(() -> new IOException("nothing to "
                            + (start == Start.RESUME ? "resume" : "start over") + ": no interrupted job in " + folder));
                    if (start == Start.RESUME && job.damaged()) {
                        throw new IOException(damagedAdvice(job));
                    }
                    if (start == Start.RESTART) {
                        Files.deleteIfExists(folder.resolve(STATE_FILE));
                        listener.message("starting over: the saved state is dropped");
                    }
                }
                result = runLocked(spec, folder, data, listener, cancelled);
            }
        } catch (Exception | Error e) {
            // a job this call created that saved nothing: nothing to resume, and nothing should block a new run
            if (!created.isEmpty() && !Files.exists(folder.resolve(STATE_FILE))) {
                deleteFolder(folder);
                OutputFolder.removeEmpty(created);
            }
            throw e;
        }
        if (!result.cancelled()) {
            deleteFolder(folder);
        }
        return result;
    }

    /** What writes killed with the process (kill -9) left in the job's folders: half-written temporary files. */
    private static void removeLeftovers(JobSpec spec, Path folder) throws IOException {
        AtomicFiles.removeLeftovers(folder, ".");
        Path out = spec.out().toAbsolutePath().normalize();
        if (spec instanceof DistillJob) {
            AtomicFiles.removeLeftovers(out, ".");
        } else if (out.getParent() != null) {
            AtomicFiles.removeLeftovers(out.getParent(), "." + out.getFileName() + ".");
        }
    }

    /**
     * The data a training or distillation job names, read and checked: a built-in set, a file, or
     * (distillation) null when it takes the teacher card's data set or the teacher's own samples.
     */
    static TrainingData.Source data(JobSpec spec) throws Exception {
        Path mnist = PdvizHome.locate().mnist();
        if (spec instanceof TrainJob j) {
            String name = j.data();
            if (name == null && j.init() != null) {
                var card = org.pdviz.runtime.OnnxDenoiser.inspect(j.init()).card();
                if (card == null || card.dataset() == null) {
                    throw new IllegalArgumentException("--init " + j.init().getFileName() + " has no card naming its"
                            + " data set: give --data");
                }
                name = card.dataset();
            }
            return TrainingData.resolve(name, j.normalize(), mnist);
        }
        if (spec instanceof DistillJob j && j.data() != null && !j.data().equals(TrainingData.TEACHER_SAMPLES)) {
            TrainingData.Source s = TrainingData.resolve(j.data(), j.normalize(), mnist);
            var teacherShape = shapeOf(j.teacher(), j.teacherParameterization() == null ? CardOverrides.NONE
                    : CardOverrides.parameterization(Parameterization.parse(j.teacherParameterization())));
            if (!s.dataset().shape().equals(teacherShape)) {
                throw new IllegalArgumentException(s.name() + ": samples of shape " + s.dataset().shape()
                        + ", but the teacher's data has shape " + teacherShape);
            }
            return j.normalize() ? s : withTeachersMap(s, j.teacher());
        }
        return null;
    }

    /** A point file distilled without --normalize gets the map its teacher learned with, if its card records one. */
    private static TrainingData.Source withTeachersMap(TrainingData.Source s, Path teacher) throws Exception {
        var card = org.pdviz.runtime.OnnxDenoiser.inspect(teacher).card();
        var origin = card == null || card.lineage() == null ? null : card.lineage().data();
        if (s.table() == null || origin == null || origin.normalization() == null || !s.table().shape().isPoints()
                || origin.normalization().center().length != s.table().shape().size()) {
            return s;
        }
        var map = origin.normalization();
        return new TrainingData.Source(s.table().withValues(map.apply(s.table().values())), s.name(),
                new ModelCard.DataOrigin(s.origin().source(), s.origin().file(), s.origin().sha256(), s.origin().count(),
                        map, "normalised with the map of " + card.name() + "'s data"));
    }

    private static JobResult runLocked(JobSpec spec, Path folder, TrainingData.Source data, JobListener listener,
                                       BooleanSupplier cancelled) throws Exception {
        Torch.threads(spec.threads() > 0 ? spec.threads() : Torch.defaultThreads());
        Device device = Torch.device(Device.parse(spec.device()), listener::message);
        Checkpointer checkpointer = new Checkpointer(folder.resolve(STATE_FILE), 0, spec.checkpointSeconds());
        ProgressRelay relay = new ProgressRelay(listener, cancelled);
        if (spec instanceof ClassifierJob k) {
            return ClassifierRunner.run(k, device, checkpointer, relay, relay.rounds());
        }
        return spec instanceof TrainJob t ? train(t, data, device, checkpointer, relay)
                : distill((DistillJob) spec, data, device, checkpointer, relay, listener);
    }

    private static void checkFresh(JobSpec spec, Path folder) throws IOException {
        Optional<Interrupted> old = interrupted(folder);
        if (old.isPresent() && old.get().damaged()) {
            throw new IOException("an interrupted job is in " + folder + ": " + damagedAdvice(old.get()));
        }
        if (old.isPresent()) {
            throw new IOException("an interrupted job is in " + folder + " (stopped at " + old.get().where()
                    + "): continue it with --resume, or start it over with --restart");
        }
        if (!(spec instanceof DistillJob) && Files.exists(spec.out())) {
            throw new IOException(spec.out() + " exists; choose another --out or delete it first");
        }
        if (spec instanceof DistillJob && Files.isDirectory(spec.out())) {
            try (Stream<Path> s = Files.list(spec.out())) {
                if (s.anyMatch(p -> p.getFileName().toString().matches("student-\\d+\\.onnx"))) {
                    throw new IOException(spec.out() + " already holds students; choose another --out or empty it");
                }
            }
        }
    }

    private static JobResult train(TrainJob j, TrainingData.Source source, Device device,
                                   Checkpointer checkpointer, ProgressRelay relay) throws Exception {
        org.pdviz.train.onnx.Checkpoint init = j.init() == null ? null : org.pdviz.train.onnx.Checkpoint.read(j.init());
        String dataName = source.name();
        Dataset data = source.dataset();
        Parameterization p;
        Family family;
        if (init != null) {
            p = init.card().parameterizationValue();
            family = init.family();
            if (j.parameterization() != null && Parameterization.parse(j.parameterization()) != p) {
                throw new IllegalArgumentException("--init " + j.init().getFileName() + " predicts " + p.id()
                        + "; a reopened checkpoint keeps its parameterization");
            }
            if (j.family() != null && !j.family().equals(family.name()) || !j.net().isEmpty()) {
                throw new IllegalArgumentException("--init takes the network from the checkpoint: leave out --family"
                        + " and --net");
            }
        } else {
            p = Parameterization.parse(j.parameterization() == null ? Defaults.PARAMETERIZATION : j.parameterization());
            if (j.family() == null) {
                throw new IllegalArgumentException("give --family mlp|unet (or --init FILE)");
            }
            family = Families.build(j.family(), data.shape(), p.outputFactor(), j.net());
        }
        long iterations = j.iterations() != null ? j.iterations() : Defaults.iterations(family.name());
        String name = ModelFiles.baseName(j.out());
        TeacherTraining.Config c = new TeacherTraining.Config(dataName, family, p,
                Weighting.parse(j.weighting() == null ? Defaults.WEIGHTING : j.weighting()), iterations,
                j.batch() != null ? j.batch() : Defaults.batch(family.name()),
                j.lr() != null ? j.lr() : Defaults.trainLr(family.name()), j.ema(), j.clip(), j.seed(),
                init != null ? init.card().cosineSchedule("training further") : CosineSchedule.CLIPPED, j.out(), name, j.command(),
                init == null ? null : init.weights(), init == null ? null : init.card().name(), source.origin());
        relay.message("training " + family.describe() + (init == null ? "" : " from " + j.init().getFileName())
                + " on " + dataName + " (" + p.id() + ", " + c.weighting().id() + " weighting), " + iterations
                + " iterations of batch " + c.batch() + ", on " + Torch.name(device));
        TeacherTraining.Result r = TeacherTraining.run(c, data, device, checkpointer, relay);
        return new JobResult(r.cancelled() ? JobResult.Status.CANCELLED : JobResult.Status.FINISHED, j,
                relay.rounds(), r.iterations(), r.seconds(), Torch.name(device), family.describe(), null);
    }

    /** The trainer's configuration for a distillation job (checked; opens the teacher's file). */
    private static Distillation.Config distillConfig(DistillJob j) throws Exception {
        return distillConfig(j, null);
    }

    private static Distillation.Config distillConfig(DistillJob j, TrainingData.Source data) throws Exception {
        CardOverrides overrides = (j.teacherParameterization() == null ? CardOverrides.NONE
                : CardOverrides.parameterization(Parameterization.parse(j.teacherParameterization())))
                .withSide(j.teacherCard() == null ? null : org.pdviz.runtime.card.CardJson.readFile(j.teacherCard()));
        Family fresh = null;
        if (j.family() != null) {
            // the data shape comes from the teacher; the output size is settled by the plan
            var card = org.pdviz.runtime.OnnxDenoiser.inspect(j.teacher()).card();
            var shape = card != null && card.dataShape() != null ? card.shapeValue()
                    : shapeOf(j.teacher(), overrides);
            fresh = Families.build(j.family(), shape, 1, j.net());
        }
        String family = fresh != null ? fresh.name() : teacherFamily(j.teacher());
        Distillation.Config c = new Distillation.Config(j.teacher(), overrides, fresh,
                j.studentParameterization() == null ? null : Parameterization.parse(j.studentParameterization()),
                j.data(), j.from(), j.to(), j.iterationsPerRound(),
                j.batch() != null ? j.batch() : Defaults.batch(family),
                j.lr() != null ? j.lr() : Defaults.distillLr(family),
                Weighting.parse(j.weighting() == null ? Defaults.WEIGHTING : j.weighting()), j.clip(), j.seed(),
                TeacherEngine.parse(j.teacherEngine() == null ? "auto" : j.teacherEngine()), j.out(),
                PdvizHome.locate().mnist(), j.command(), j.copyIterations(),
                j.copyLr() != null ? j.copyLr() : Defaults.trainLr(family), data, j.teacherSamples(), null);
        return c;
    }

    private static JobResult distill(DistillJob j, TrainingData.Source data, Device device,
                                     Checkpointer checkpointer, ProgressRelay relay, JobListener listener)
            throws Exception {
        Distillation.Config c = distillConfig(j, data);
        Distillation.Plan plan = Distillation.plan(c);
        relay.setStudentSteps(plan);
        relay.message("distilling " + plan.teacherCard().name() + " from " + plan.from() + " to " + plan.to()
                + " steps in " + plan.rounds() + (plan.rounds() == 1 ? " round" : " rounds") + " of "
                + j.iterationsPerRound() + " iterations (batch "
                + c.batch() + ", lr " + c.lr() + ", " + c.weighting().id() + " weighting); student: "
                + plan.studentFamily().describe() + " (" + plan.studentParameterization().id() + ")"
                + (plan.startFromTeacher() ? ", from the teacher's weights" : !plan.hasCopyStage() ? ", fresh (no copy"
                + " stage)" : ", fresh: first " + plan.copyIterations() + " iterations copying the teacher (lr "
                + c.copyLr() + ")") + "; on " + Torch.name(device));
        Distillation.Result r = Distillation.run(c, device, checkpointer, relay);
        DistillComparison.Comparison eval = null;
        int evalCount = j.evalCount() >= 0 ? j.evalCount() : plan.studentFamily().dataShape().isImage() ? 64 : 1000;
        if (!r.cancelled() && evalCount > 0) {
            relay.message("comparing with the teacher's " + plan.from() + "-step samples from the same noise ("
                    + evalCount + " samples)...");
            eval = DistillComparison.compare(j.teacher(), c.teacherOverrides(), Distillation.studentFile(j.out(), plan.to()),
                    plan.from(), plan.to(), evalCount, 0);
        }
        JobResult result = new JobResult(r.cancelled() ? JobResult.Status.CANCELLED : JobResult.Status.FINISHED, j,
                allRounds(plan, j.out(), relay.rounds()), relay.totalIterations(), r.seconds(), Torch.name(device),
                plan.studentFamily().describe(), eval);
        if (!r.cancelled()) {
            writeSummary(j.out().resolve("summary.json"), result, plan);
        }
        return result;
    }

    /** Every finished stage: this session's, and those of earlier sessions from their checkpoints' cards. */
    private static List<RoundSummary> allRounds(Distillation.Plan plan, Path out, List<RoundSummary> thisSession) {
        List<RoundSummary> all = new ArrayList<>();
        for (int stage = 0; stage < plan.stages(); stage++) {
            final int st = stage;
            Optional<RoundSummary> now = thisSession.stream().filter(s -> s.round() == st).findFirst();
            if (now.isPresent()) {
                all.add(now.get());
                continue;
            }
            Path file = Distillation.stageFile(plan, out, stage);
            try {
                var card = org.pdviz.runtime.OnnxDenoiser.inspect(file).card();
                var l = card == null ? null : card.lineage();
                if (l != null && java.util.Objects.equals(card.steps(), plan.studentSteps(stage))) {
                    all.add(new RoundSummary(stage, plan.stages(), plan.studentSteps(stage), file,
                            l.iterations() == null ? 0 : l.iterations(),
                            l.finalLoss() == null ? Double.NaN : l.finalLoss(), Double.NaN));
                }
            } catch (org.pdviz.runtime.ModelFileException e) {
                // not written yet (a cancelled job): not a finished stage
            }
        }
        return all;
    }

    private static org.pdviz.core.model.DataShape shapeOf(Path teacher, CardOverrides overrides) throws Exception {
        try (var d = org.pdviz.runtime.OnnxDenoiser.open(teacher, overrides, Device.CPU, l -> { })) {
            return d.shape();
        }
    }

    private static String teacherFamily(Path teacher) throws Exception {
        var card = org.pdviz.runtime.OnnxDenoiser.inspect(teacher).card();
        return card != null && card.family() != null ? card.family().name() : "mlp";
    }

    private static void writeSummary(Path file, JobResult r, Distillation.Plan plan) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("teacher", plan.teacherCard().name());
        m.put("from", plan.from());
        m.put("to", plan.to());
        m.put("student", r.network());
        m.put("seconds", r.seconds());
        m.put("device", r.device());
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (RoundSummary s : r.rounds()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("stage", s.round() + 1);
            x.put("steps", s.steps());
            x.put("file", s.file().getFileName().toString());
            x.put("iterations", s.iterations());
            x.put("finalLoss", s.finalLoss());
            x.put("seconds", s.seconds());
            rounds.add(x);
        }
        m.put("rounds", rounds);
        if (r.evaluation() != null) {
            m.put("sameNoiseRmse", r.evaluation());
        }
        m.put("command", r.spec().command());
        AtomicFiles.writeString(file, JSON.writeValueAsString(m));
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Turns the trainer's monitor calls into the job's events (rate, ETA) and answers cancellation. */
    private static final class ProgressRelay implements Monitor {
        private final JobListener listener;
        private final BooleanSupplier cancelled;
        private final RateMeter meter = new RateMeter();
        private final List<RoundSummary> rounds = new ArrayList<>();
        private Distillation.Plan plan;
        private long total;

        ProgressRelay(JobListener listener, BooleanSupplier cancelled) {
            this.listener = listener;
            this.cancelled = cancelled;
        }

        void setStudentSteps(Distillation.Plan p) {
            this.plan = p;
        }

        List<RoundSummary> rounds() {
            return rounds;
        }

        long totalIterations() {
            return total;
        }

        @Override
        public void iteration(int round, int roundCount, long done, long iterations, double loss) {
            meter.step();
            total++;
            long remaining = iterations - done;
            if (plan != null) {
                for (int later = round + 1; later < roundCount; later++) {
                    remaining += plan.iterations(later);
                }
            }
            String label = plan == null ? "training" : plan.label(round);
            listener.progress(new Progress(round, roundCount, label, plan == null ? null : plan.studentSteps(round),
                    done, iterations, loss, meter.rate(), meter.eta(remaining)));
        }

        @Override
        public void roundFinished(RoundResult r) {
            meter.pause();
            RoundSummary s = new RoundSummary(r.round(), r.rounds(), r.steps(), r.file(), r.iterations(), r.finalLoss(),
                    r.seconds());
            rounds.add(s);
            listener.roundFinished(s);
        }

        @Override
        public void saved(int round, long done) {
            meter.pause();
        }

        @Override
        public void message(String line) {
            meter.pause();
            listener.message(line);
        }

        @Override
        public boolean cancelled() {
            return cancelled.getAsBoolean();
        }
    }
}

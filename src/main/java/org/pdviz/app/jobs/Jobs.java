package org.pdviz.app.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.pdviz.runtime.AtomicFiles;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.OutputFolder;
import org.pdviz.train.Checkpointer;
import org.pdviz.train.data.TrainingData;
import org.pdviz.train.djl.Torch;
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

    private Jobs() {
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
            return spec.where(round, iteration);
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
        return job.damage() + "; the job can only start over: " + job.spec().restartEffect();
    }

    static JobSpec readSpec(Path file) throws IOException {
        try {
            return JobJson.MAPPER.readValue(file.toFile(), JobSpec.class);
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
        JobRunner runner = spec.runner();
        Path folder = runner.folder();
        // data files are read first: a bad one stops the job before anything is written
        TrainingData.Source data = runner.data();
        List<Path> created = OutputFolder.create(folder).createdFolders();
        JobResult result;
        try {
            try (JobLock lock = JobLock.acquire(folder)) {
                AtomicFiles.removeLeftovers(folder, ".");
                runner.removeLeftovers();
                if (start == Start.FRESH) {
                    checkFresh(runner, folder);
                    AtomicFiles.writeString(folder.resolve(SPEC_FILE), JobJson.MAPPER.writeValueAsString(spec));
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
                result = runLocked(spec, runner, folder, data, listener, cancelled);
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

    private static JobResult runLocked(JobSpec spec, JobRunner runner, Path folder, TrainingData.Source data,
                                       JobListener listener, BooleanSupplier cancelled) throws Exception {
        Torch.threads(spec.threads() > 0 ? spec.threads() : Torch.defaultThreads());
        Device device = Torch.device(spec.device(), listener::message);
        Checkpointer checkpointer = new Checkpointer(folder.resolve(STATE_FILE), 0, spec.checkpointSeconds());
        return runner.run(new JobContext(data, device, checkpointer, new ProgressRelay(listener, cancelled)));
    }

    private static void checkFresh(JobRunner runner, Path folder) throws IOException {
        Optional<Interrupted> old = interrupted(folder);
        if (old.isPresent() && old.get().damaged()) {
            throw new IOException("an interrupted job is in " + folder + ": " + damagedAdvice(old.get()));
        }
        if (old.isPresent()) {
            throw new IOException("an interrupted job is in " + folder + " (stopped at " + old.get().where()
                    + "): continue it with --resume, or start it over with --restart");
        }
        runner.checkFreshOutput();
    }

    /** The network family a model's card names ("mlp" when it names none). */
    static String familyOf(Path model) throws Exception {
        var card = OnnxDenoiser.inspect(model).card();
        return card != null && card.family() != null ? card.family().name() : "mlp";
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
}

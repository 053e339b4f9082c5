package org.pdviz.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.pdviz.app.i18n.Message;
import org.pdviz.app.jobs.DistillJob;
import org.pdviz.app.jobs.JobHandle;
import org.pdviz.app.jobs.JobResult;
import org.pdviz.app.jobs.JobSpec;
import org.pdviz.app.jobs.Jobs;
import org.pdviz.app.jobs.Progress;
import org.pdviz.app.jobs.ProgressLog;
import org.pdviz.app.jobs.RoundSummary;
import org.pdviz.app.jobs.Runs;
import org.pdviz.app.jobs.Stage;
import org.pdviz.app.jobs.TrainJob;
import org.pdviz.ui.task.BackgroundTask;
import org.pdviz.ui.task.TaskFailure;

/**
 * The life of one trainer job at a time, as a model (no layout), whatever made the job: it is
 * planned off the UI thread (a distillation opens its teacher), started or resumed through
 * {@code app.jobs} on the job's own thread, followed by reading its events a few times a second
 * (never one by one), and finished or cancelled. Panes bind to its state: title, speed, overall and
 * stage progress, the stages, the loss points, the messages and the result. Whoever starts jobs
 * learns what happens through a {@link Listener}.
 */
final class JobMonitor implements AutoCloseable {

    /** Redraws per second while a job runs: the job's events are read in batches, never one by one. */
    static final Duration TICK = Duration.millis(250);
    static final String IDLE = "No job running";

    /** What happens to a job, on the UI thread. */
    interface Listener {
        /** The job runs (planned, its thread started). */
        default void started(JobSpec job) {
        }

        /** A stage of the job wrote its checkpoint. */
        default void stageWritten(JobSpec job, RoundSummary round) {
        }

        /** The job ended: finished, cancelled (result given) or failed (result null). */
        default void ended(JobSpec job, JobResult result) {
        }
    }

    private final AppContext ctx;
    private final List<Listener> listeners = new ArrayList<>();
    private final Timeline timer = new Timeline(new KeyFrame(TICK, e -> tick()));
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(IDLE);
    private final ReadOnlyStringWrapper speed = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper overall = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper overallText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper stageProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper stageText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ObservableList<String> messages = FXCollections.observableArrayList();
    private final ObservableList<StageState> stages = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<List<Stage>> plan = new ReadOnlyObjectWrapper<>(List.of());
    private final ObservableList<ProgressLog.LossPoint> losses = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Path> lastStudent = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper comparable = new ReadOnlyBooleanWrapper(false);
    // read-only views, made once: such a view only weakly follows its list, so it must be kept
    private final ObservableList<String> messagesView = FXCollections.unmodifiableObservableList(messages);
    private final ObservableList<StageState> stagesView = FXCollections.unmodifiableObservableList(stages);
    private final ObservableList<ProgressLog.LossPoint> lossesView = FXCollections.unmodifiableObservableList(losses);
    private JobHandle handle;
    private JobSpec spec;
    private ProgressLog events;
    private long[] offsets = new long[1];

    JobMonitor(AppContext ctx) {
        this.ctx = ctx;
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    void addListener(Listener l) {
        listeners.add(l);
    }

    /** Plans the job off the UI thread, then starts it (or resumes {@code from}, when given). */
    void launch(JobSpec job, Jobs.Interrupted from) {
        if (isRunning()) {
            return;
        }
        clear();
        running.set(true);
        cancellable.set(true);
        title.set(from == null ? "Preparing\u2026" : from.damaged()
                ? ctx.i18n.format("trainer.restarting", Runs.runName(from))
                : "Resuming " + Runs.runName(from) + "\u2026");
        Path runs = ctx.runs.get();
        ctx.tasks.execute(BackgroundTask.of(Message.of("task.plan"), m -> {
            if (from == null) {
                Files.createDirectories(runs);
            }
            return Jobs.stages(job);
        }).onSuccess(stages -> {
            ProgressLog log = new ProgressLog(200);
            try {
                // a damaged saved state cannot be resumed: the job starts over, keeping what it finished
                handle = from == null ? Jobs.start(job, log) : from.damaged() ? Jobs.restart(from.folder(), log)
                        : Jobs.resume(from.folder(), log);
            } catch (Exception ex) {
                notStarted("dialog.job.cannot_start", TaskFailure.oneLine(ex));
                return;
            }
            began(job, stages, log, from);
        }).onFailure(f -> notStarted(job instanceof TrainJob ? "dialog.teacher.cannot_train"
                : "dialog.distill.cannot_start", f.reason())));
    }

    private void notStarted(String headerKey, String reason) {
        running.set(false);
        cancellable.set(false);
        title.set(IDLE);
        ctx.error(headerKey, reason);
    }

    private void began(JobSpec job, List<Stage> planned, ProgressLog log, Jobs.Interrupted from) {
        spec = job;
        events = log;
        offsets = new long[planned.size() + 1];
        for (int i = 0; i < planned.size(); i++) {
            offsets[i + 1] = offsets[i] + planned.get(i).iterations();
        }
        List<StageState> states = new ArrayList<>();
        for (Stage s : planned) {
            StageState st = new StageState(s);
            if (from != null && s.index() < from.round() && Files.exists(s.file())) {
                st.finishedEarlier();
                lastStudent.set(s.file());
            }
            states.add(st);
        }
        losses.clear();
        plan.set(List.copyOf(planned));
        stages.setAll(states);
        String what = job instanceof TrainJob t ? "Training a teacher on " + t.data()
                : "Distilling " + teacherName((DistillJob) job);
        title.set(what + (from != null ? " (resumed)" : ""));
        log.message("run folder: " + runFolder(job));
        listeners.forEach(l -> l.started(job));
        timer.playFromStart();
    }

    private static String teacherName(DistillJob d) {
        String f = d.teacher().getFileName().toString();
        return f.endsWith(".onnx") ? f.substring(0, f.length() - 5) : f;
    }

    private static Path runFolder(JobSpec job) {
        Path out = job.out().toAbsolutePath().normalize();
        return job instanceof TrainJob ? out.getParent() : out;
    }

    /** Adds a line to the messages (what happened around the job: a preview that failed, ...). */
    void note(String line) {
        messages.add(line);
    }

    /** Asks the job to stop after its current iteration (its state is saved, it can be resumed). */
    void cancel() {
        if (handle != null) {
            handle.cancel();
            title.set(title.get() + ": stopping after this iteration\u2026");
            cancellable.set(false);
        }
    }

    private void tick() {
        if (events == null) {
            return;
        }
        apply(events.drain());
        if (handle != null && handle.isDone()) {
            apply(events.drain());
            finished();
        }
    }

    private void apply(ProgressLog.Update u) {
        messages.addAll(u.messages());
        losses.addAll(u.losses());
        Progress p = u.latest();
        if (p != null && p.round() < stages.size()) {
            long done = offsets[p.round()] + p.iteration();
            long total = offsets[stages.size()];
            overall.set(total == 0 ? 0 : (double) done / total);
            overallText.set(String.format("stage %d of %d, iteration %,d of %,d", p.round() + 1, p.rounds(),
                    done, total));
            stageProgress.set(p.iterations() == 0 ? 0 : (double) p.iteration() / p.iterations());
            stageText.set(String.format("%s: iteration %,d of %,d, loss %s", p.label().replace("->",
                    " \u2192 "), p.iteration(), p.iterations(), TrainerText.compact(p.loss())));
            speed.set(Double.isFinite(p.stepsPerSecond()) ? String.format("%,.0f it/s   ETA %s",
                    p.stepsPerSecond(), TrainerText.duration(p.etaSeconds())) : "");
            stages.get(p.round()).running(p.iteration(), p.loss());
        }
        for (RoundSummary r : u.finished()) {
            if (r.round() < stages.size()) {
                stages.get(r.round()).finished(r);
            }
            lastStudent.set(r.file());
            JobSpec job = spec;
            listeners.forEach(l -> l.stageWritten(job, r));
        }
    }

    private void finished() {
        timer.stop();
        JobHandle h = handle;
        handle = null;
        running.set(false);
        cancellable.set(false);
        stages.forEach(StageState::stopped);
        speed.set("");
        JobResult r = null;
        try {
            r = h.await();
            if (r.cancelled()) {
                title.set("Cancelled");
                result.set(String.format("Stopped after %s. %s The state is saved: resume it on the left.",
                        TrainerText.duration(r.seconds()), r.rounds().isEmpty() ? "No stage had finished."
                                : "Kept: " + String.join(", ", r.rounds().stream()
                                .map(s -> s.file().getFileName().toString()).toList()) + "."));
            } else {
                title.set("Finished");
                overall.set(1);
                result.set(summary(r));
                messages.add((r.spec() instanceof TrainJob ? "teacher: " : "student: ") + r.network());
            }
        } catch (Exception e) {
            title.set("Failed");
            result.set(TaskFailure.oneLine(e));
            ctx.error("dialog.job.failed", TaskFailure.oneLine(e));
        }
        comparable.set(lastStudent.get() != null && spec instanceof DistillJob);
        JobSpec job = spec;
        JobResult outcome = r;
        listeners.forEach(l -> l.ended(job, outcome));
    }

    private static String summary(JobResult r) {
        if (r.spec() instanceof TrainJob t) {
            return String.format("Trained on %s: %,d iterations in %s on %s. It is now the teacher: press Start"
                    + " distillation.", t.data(), r.iterations(), TrainerText.duration(r.seconds()),
                    TrainerText.deviceName(r.device()));
        }
        String s = String.format("Done: %d stages in %s on %s.", r.rounds().size(), TrainerText.duration(r.seconds()),
                TrainerText.deviceName(r.device()));
        var e = r.evaluation();
        if (e != null) {
            s += String.format(" Same noise, %d samples: student-%d is %.1fx closer to the teacher's %d-step samples"
                            + " than the teacher's own %d-step DDIM (RMSE %.4f vs %.4f).", e.count(), e.steps(),
                    e.improvement(), e.referenceSteps(), e.steps(), e.student(), e.teacherDdim());
        }
        return s;
    }

    /** Forgets the last job's picture (a new one starts). */
    private void clear() {
        overall.set(0);
        stageProgress.set(0);
        overallText.set("");
        stageText.set("");
        speed.set("");
        result.set("");
        messages.clear();
        stages.clear();
        losses.clear();
        plan.set(List.of());
        lastStudent.set(null);
        comparable.set(false);
    }

    // ---- state -------------------------------------------------------------------------------------

    /** From a start (while it is planned) until the job ended. */
    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    boolean isRunning() {
        return running.get();
    }

    /** True while the job runs and no cancel was asked for. */
    ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable.getReadOnlyProperty();
    }

    /** The running job's handle, or null. */
    JobHandle handle() {
        return handle;
    }

    ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Iterations per second and the time left. */
    ReadOnlyStringProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    /** The whole job: iterations of all stages, in [0, 1]. */
    ReadOnlyDoubleProperty overallProperty() {
        return overall.getReadOnlyProperty();
    }

    ReadOnlyStringProperty overallTextProperty() {
        return overallText.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty stageProgressProperty() {
        return stageProgress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty stageTextProperty() {
        return stageText.getReadOnlyProperty();
    }

    /** How the last job ended, in a sentence or two. */
    ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** What the trainer said: device, engine, resume points, stages written. */
    ObservableList<String> messages() {
        return messagesView;
    }

    ObservableList<StageState> stages() {
        return stagesView;
    }

    /** The stages planned for the job (the loss chart's lines). */
    ReadOnlyObjectProperty<List<Stage>> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** The loss points so far, each the mean over a bucket of iterations ({@link ProgressLog}). */
    ObservableList<ProgressLog.LossPoint> losses() {
        return lossesView;
    }

    /** The newest model the job wrote. */
    ReadOnlyObjectProperty<Path> lastStudentProperty() {
        return lastStudent.getReadOnlyProperty();
    }

    /** True once a distillation ended with a student to compare. */
    ReadOnlyBooleanProperty comparableProperty() {
        return comparable.getReadOnlyProperty();
    }

    /** Stops a running job and waits for it to save its state (the JVM may exit next). */
    @Override
    public void close() {
        timer.stop();
        JobHandle h = handle;
        if (h != null) {
            h.cancel();
            h.awaitQuietly(60_000);
        }
    }
}

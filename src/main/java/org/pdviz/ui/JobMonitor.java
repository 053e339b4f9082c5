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
import org.pdviz.app.i18n.Failures;
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
import org.pdviz.runtime.ModelFiles;
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
    private static final Message IDLE = Message.of("trainer.idle");
    private final SaidText title;
    private final SaidText speed;
    private final ReadOnlyDoubleWrapper overall = new ReadOnlyDoubleWrapper(0);
    private final SaidText overallText;
    private final ReadOnlyDoubleWrapper stageProgress = new ReadOnlyDoubleWrapper(0);
    private final SaidText stageText;
    private final SaidText result;
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
        title = new SaidText(ctx.i18n, IDLE);
        speed = new SaidText(ctx.i18n);
        overallText = new SaidText(ctx.i18n);
        stageText = new SaidText(ctx.i18n);
        result = new SaidText(ctx.i18n);
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
        title.set(from == null ? Message.of("trainer.preparing") : from.damaged()
                ? Message.of("trainer.restarting", Runs.runName(from))
                : Message.of("trainer.resuming", Runs.runName(from)));
        Path runs = ctx.runs.get();
        ctx.tasks.execute(BackgroundTask.of(Message.of("task.plan"), m -> {
            if (from == null) {
                Files.createDirectories(runs);
            }
            return job.stages();
        }).onSuccess(stages -> {
            ProgressLog log = new ProgressLog(200);
            try {
                // a damaged saved state cannot be resumed: the job starts over, keeping what it finished
                handle = from == null ? Jobs.start(job, log) : from.damaged() ? Jobs.restart(from.folder(), log)
                        : Jobs.resume(from.folder(), log);
            } catch (Exception ex) {
                notStarted("dialog.job.cannot_start", Failures.describe(ex, ctx.i18n.texts()));
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
            StageState st = new StageState(s, ctx.i18n);
            if (from != null && s.index() < from.round() && Files.exists(s.file())) {
                st.finishedEarlier();
                lastStudent.set(s.file());
            }
            states.add(st);
        }
        losses.clear();
        plan.set(List.copyOf(planned));
        stages.setAll(states);
        Message what = job instanceof TrainJob t ? Message.of("trainer.title.train", t.data())
                : Message.of("trainer.title.distill", ModelFiles.baseName(((DistillJob) job).teacher()));
        title.set(from != null ? Message.of("trainer.title.resumed", what) : what);
        log.message(ctx.i18n.format("trainer.run_folder", Runs.runFolder(job)));
        listeners.forEach(l -> l.started(job));
        timer.playFromStart();
    }

    /** Adds a line to the messages (what happened around the job: a preview that failed, ...). */
    void note(String line) {
        messages.add(line);
    }

    /** Asks the job to stop after its current iteration (its state is saved, it can be resumed). */
    void cancel() {
        if (handle != null) {
            handle.cancel();
            title.set(Message.of("trainer.title.stopping", title.said()));
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
            overallText.set(Message.of("trainer.overall.text", p.round() + 1, p.rounds(), String.format("%,d", done),
                    String.format("%,d", total)));
            stageProgress.set(p.iterations() == 0 ? 0 : (double) p.iteration() / p.iterations());
            stageText.set(Message.of("trainer.stage.text", StageRow.label(p.label()), String.format("%,d", p.iteration()),
                    String.format("%,d", p.iterations()), TrainerText.compact(p.loss())));
            if (Double.isFinite(p.stepsPerSecond())) {
                speed.set(Message.of("trainer.speed", String.format("%,.0f", p.stepsPerSecond()),
                        TrainerText.duration(p.etaSeconds())));
            } else {
                speed.set("");
            }
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
                title.set(Message.of("trainer.cancelled"));
                result.set(Message.of("trainer.result.cancelled", TrainerText.duration(r.seconds()),
                        r.rounds().isEmpty() ? Message.of("trainer.result.none_kept") : Message.of("trainer.result.kept",
                                String.join(", ", r.rounds().stream().map(s -> s.file().getFileName().toString())
                                        .toList()))));
            } else {
                title.set(Message.of("trainer.finished"));
                overall.set(1);
                result.set(summary(r));
                messages.add(ctx.i18n.format(r.spec() instanceof TrainJob ? "trainer.network.teacher"
                        : "trainer.network.student", r.network()));
            }
        } catch (Exception e) {
            title.set(Message.of("trainer.failed"));
            result.set(Failures.describe(e, ctx.i18n.texts()));
            ctx.error("dialog.job.failed", Failures.describe(e, ctx.i18n.texts()));
        }
        comparable.set(lastStudent.get() != null && spec instanceof DistillJob);
        JobSpec job = spec;
        JobResult outcome = r;
        listeners.forEach(l -> l.ended(job, outcome));
    }

    private static Message summary(JobResult r) {
        if (r.spec() instanceof TrainJob t) {
            return Message.of("trainer.result.trained", t.data(), String.format("%,d", r.iterations()),
                    TrainerText.duration(r.seconds()), TrainerText.deviceName(r.device()));
        }
        Message done = Message.of("trainer.result.done", r.rounds().size(), TrainerText.duration(r.seconds()),
                TrainerText.deviceName(r.device()));
        var e = r.evaluation();
        if (e == null) {
            return done;
        }
        return Message.of("trainer.result.evaluated", done, e.count(), e.steps(), String.format("%.1f", e.improvement()),
                e.referenceSteps(), String.format("%.4f", e.student()), String.format("%.4f", e.teacherDdim()));
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
        return title.textProperty();
    }

    /** Iterations per second and the time left. */
    ReadOnlyStringProperty speedProperty() {
        return speed.textProperty();
    }

    /** The whole job: iterations of all stages, in [0, 1]. */
    ReadOnlyDoubleProperty overallProperty() {
        return overall.getReadOnlyProperty();
    }

    ReadOnlyStringProperty overallTextProperty() {
        return overallText.textProperty();
    }

    ReadOnlyDoubleProperty stageProgressProperty() {
        return stageProgress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty stageTextProperty() {
        return stageText.textProperty();
    }

    /** How the last job ended, in a sentence or two. */
    ReadOnlyStringProperty resultProperty() {
        return result.textProperty();
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

package org.pdviz.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.pdviz.app.i18n.Failures;
import org.pdviz.app.i18n.LocalizedException;
import org.pdviz.app.i18n.Message;
import org.pdviz.app.jobs.Devices;
import org.pdviz.app.jobs.DistillJob;
import org.pdviz.app.jobs.JobResult;
import org.pdviz.app.jobs.JobSpec;
import org.pdviz.app.jobs.Jobs;
import org.pdviz.app.jobs.RoundSummary;
import org.pdviz.app.jobs.Runs;
import org.pdviz.app.jobs.TrainJob;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.ui.task.BackgroundTask;

/**
 * The trainer panel as a model (no layout; the panes of {@link TrainerPage} bind to it, and tests
 * drive it without a window): the settings, the job sources, the running job, the preview of
 * finished stages, the interrupted jobs that can be resumed, and the runs folder. Finished stages
 * join the library at once; a teacher trained here becomes the teacher to distil.
 */
final class TrainerModel implements AutoCloseable {

    /** Seconds between saved states (a crash loses at most this much work). */
    static final double CHECKPOINT_SECONDS = 15;

    final AppContext ctx;
    final TrainerSettings settings;
    final JobMonitor job;
    final StagePreviews previews;
    /** The Draw source: points drawn here, distilled live (not a resumable job: it takes seconds, not hours). */
    final DrawModel draw;
    private final ObservableList<Jobs.Interrupted> interrupted = FXCollections.observableArrayList();
    private final ObservableList<Jobs.Interrupted> interruptedView = FXCollections.unmodifiableObservableList(
            interrupted);
    private final ObservableList<String> unreadable = FXCollections.observableArrayList();
    private final ObservableList<String> unreadableView = FXCollections.unmodifiableObservableList(unreadable);

    /** Distils the library teacher with the settings into the run named in the settings. */
    final JobSource distillation = new JobSource() {
        @Override
        public String runName() {
            return settings.runName.get();
        }

        @Override
        public String refusal() {
            return "dialog.distill.cannot_start";
        }

        @Override
        public JobSpec job(Path run) {
            return settings.distillJob(run, CHECKPOINT_SECONDS);
        }
    };

    /** Trains a 2-D teacher on the chosen data set, into the run DATA-teacher. */
    final JobSource teacherTraining = new JobSource() {
        @Override
        public String runName() {
            return settings.data.get() + "-teacher";
        }

        @Override
        public String refusal() {
            return "dialog.teacher.cannot_train";
        }

        @Override
        public JobSpec job(Path run) {
            return settings.teacherJob(run.resolve(run.getFileName() + ".onnx"), CHECKPOINT_SECONDS);
        }
    };

    private static final Message PLACEHOLDER = Message.of("trainer.preview.placeholder");

    TrainerModel(AppContext ctx) {
        this.ctx = ctx;
        this.settings = new TrainerSettings(ctx.models.filtered(e -> e.card() != null
                && !"unknown".equals(e.dataset())), ctx.i18n);
        this.job = new JobMonitor(ctx);
        this.previews = new StagePreviews(ctx, job::note);
        this.draw = new DrawModel(ctx, this::openIn);
        previews.clear(PLACEHOLDER);
        // a library refresh replaces the teachers, which clears the one picked: pick the same file again
        ctx.models.addListener((ListChangeListener<ModelEntry>) c -> Platform.runLater(settings::keepTeacher));
        ctx.runs.addListener((o, a, b) -> refreshInterrupted());
        job.addListener(new JobMonitor.Listener() {
            @Override
            public void started(JobSpec spec) {
                if (spec instanceof DistillJob d) {
                    previews.distillation(d);
                } else {
                    previews.training();
                }
            }

            @Override
            public void stageWritten(JobSpec spec, RoundSummary round) {
                joinLibrary(spec, round);
            }

            @Override
            public void ended(JobSpec spec, JobResult result) {
                refreshInterrupted();
                JobNotice.of(spec, result, job.lastStudentProperty().get(), ctx.view.get()).ifPresent(TrainerModel.this::notice);
            }
        });
        ctx.tasks.execute(BackgroundTask.of(Message.of("task.gpu"), m -> Devices.cuda())
                .onSuccess(settings::devices)
                .onFailure(f -> settings.devices(new Devices.Availability(false, ctx.i18n.format(
                        "trainer.device.failed", f.reason())))));
        refreshInterrupted();
    }

    // ---- starting, resuming, cancelling --------------------------------------------------------------

    /** Starts a job from {@code source} in a fresh run folder; wrong settings open a dialog that names them. */
    void start(JobSource source) {
        if (job.isRunning() || draw.runningProperty().get()) {
            return;
        }
        JobSpec spec;
        try {
            spec = source.job(Runs.newRun(ctx.runs.get(), source.runName()));
        } catch (IllegalArgumentException | LocalizedException e) {
            ctx.error(source.refusal(), Failures.describe(e, ctx.i18n.texts()));
            return;
        }
        previews.clear(PLACEHOLDER);
        job.launch(spec, null);
    }

    void startDistillation() {
        start(distillation);
    }

    void trainTeacher() {
        start(teacherTraining);
    }

    /** Continues an interrupted job from its last saved state. */
    void resume(Jobs.Interrupted from) {
        if (job.isRunning()) {
            return;
        }
        // the offer goes while a job runs; it is looked for again when the job ends
        interrupted.clear();
        unreadable.clear();
        previews.clear(PLACEHOLDER);
        job.launch(from.spec(), from);
    }

    void cancel() {
        job.cancel();
    }

    /** A stage wrote its checkpoint: it joins the library now (a new teacher becomes the one to distil), and the preview samples it. */
    private void joinLibrary(JobSpec spec, RoundSummary r) {
        ctx.tasks.execute(BackgroundTask.of(Message.of("task.join_library", r.file().getFileName()),
                m -> ctx.library.add(r.file()))
                .onSuccess(entry -> {
                    ctx.refreshModels();
                    if (spec instanceof TrainJob) {
                        settings.select(entry.file());
                    }
                })
                .onFailure(f -> job.note(ctx.i18n.format("trainer.join.failed", r.file(), f.reason()))));
        previews.stageWritten(r, spec instanceof TrainJob);
    }

    /** Says how a job ended (the user is on another page); a model it opens is named as the library names it. */
    private void notice(JobNotice n) {
        if (n.file() == null) {
            n.show(ctx.owner(), ctx.i18n, null, () -> ctx.navigate(n.opens()));
            return;
        }
        Runnable open = () -> openIn(n.file(), n.opens());
        ctx.tasks.execute(BackgroundTask.of(Message.of("task.join_library", n.file().getFileName()),
                m -> ctx.library.add(n.file()))
                .onSuccess(entry -> {
                    ctx.refreshModels();
                    n.show(ctx.owner(), ctx.i18n, entry.name(), open);
                })
                .onFailure(f -> n.show(ctx.owner(), ctx.i18n, n.file().getFileName().toString(), open)));
    }

    // ---- interrupted jobs and the runs folder ---------------------------------------------------------

    /** Looks for interrupted jobs in the runs folder (off the UI thread). */
    void refreshInterrupted() {
        Path runs = ctx.runs.get();
        ctx.tasks.execute(BackgroundTask.of(Message.of("task.interrupted", runs), m -> Runs.interrupted(runs))
                .onSuccess(found -> {
                    interrupted.setAll(found.jobs());
                    unreadable.setAll(found.problems());
                }));
    }

    /** The interrupted jobs found in the runs folder, most recently saved first. */
    ObservableList<Jobs.Interrupted> interrupted() {
        return interruptedView;
    }

    /** Job folders in the runs folder that could not be read, one line each. */
    ObservableList<String> unreadable() {
        return unreadableView;
    }

    ReadOnlyObjectProperty<Path> runsFolderProperty() {
        return ctx.runs;
    }

    /** Writes runs to {@code folder} from now on; the models already there join the library. */
    void setRunsFolder(Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        ctx.runs.set(abs);
        ctx.tasks.execute(BackgroundTask.of(Message.of("task.runs_folder", abs), m -> {
            ctx.library.addFolder(abs);
            return abs;
        }).onSuccess(added -> ctx.refreshModels())
                .onFailure(f -> ctx.error("dialog.runs.unreadable", f.message())));
    }

    // ---- the models a job wrote ------------------------------------------------------------------------

    /** Opens a model the job wrote in the compare view or the player (adding it to the library first if needed). */
    void openIn(Path file, PdvizApp.View view) {
        if (file == null) {
            return;
        }
        Path abs = file.toAbsolutePath().normalize();
        Optional<ModelEntry> entry = ctx.models.stream().filter(m -> m.file().equals(abs)).findFirst();
        if (entry.isEmpty()) {
            ctx.openModels(List.of(abs), e -> openIn(e, view), () -> { });
            return;
        }
        openIn(entry.get(), view);
    }

    private void openIn(ModelEntry e, PdvizApp.View view) {
        ctx.selected.set(e);
        if (view == PdvizApp.View.COMPARE) {
            ComparePage compare = ctx.page(PdvizApp.View.COMPARE);
            compare.useDefaults(e);
        }
        ctx.navigate(view);
    }

    /** Stops a running job (its state is saved) and the previews. */
    @Override
    public void close() {
        draw.cancel();
        job.close();
        previews.close();
    }
}

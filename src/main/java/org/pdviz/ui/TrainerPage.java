package org.pdviz.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.Duration;
import org.pdviz.app.jobs.Devices;
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
import org.pdviz.app.library.ModelEntry;
import org.pdviz.ui.task.BackgroundTask;
import org.pdviz.ui.task.TaskFailure;

/**
 * The trainer panel: distil a teacher of the library (or one trained here on 2-D data) into
 * few-step students while watching it: progress per stage and overall, the loss, speed and time
 * left, and each new student sampled next to the teacher's plain DDIM from the same noise. The job
 * runs on its own thread through {@code app.jobs}; this page reads its events a few times a second.
 * Finished students join the library at once; cancel keeps them, and an interrupted job found in the
 * runs folder can be resumed (after a crash too: the job folder holds the saved state).
 */
final class TrainerPage implements Page {

    /** Seconds between saved states (a crash loses at most this much work). */
    static final double CHECKPOINT_SECONDS = 15;
    /** Redraws per second while a job runs: the job's events are read in batches, never one by one. */
    static final Duration TICK = Duration.millis(250);

    private final AppContext ctx;
    final TrainerForm form = new TrainerForm();
    final Button start = Tips.tip(new Button("Start distillation"), "trainer-start",
            "Distil the teacher round by round with these settings; each finished student joins the library");
    final Button cancel = Tips.tip(new Button("Cancel"), "trainer-cancel",
            "Stop after the current iteration: the finished stages stay, the state is saved, and the job can be"
                    + " resumed later");
    private final VBox resumeBox = new VBox(6);
    final Label title = new Label("No job running");
    final Label speed = new Label();
    final ProgressBar overall = Tips.tip(new ProgressBar(0), "trainer-overall", "The whole job: iterations of all stages");
    final Label overallText = new Label();
    final ProgressBar stageBar = Tips.tip(new ProgressBar(0), "trainer-stage-progress", "The current stage's iterations");
    final Label stageText = new Label();
    final LossChart chart = new LossChart();
    private final Label chartHint = new Label("The loss of each stage appears here while a job runs");
    final PreviewPane preview;
    private final VBox stageRows = new VBox(4);
    final ListView<String> log = Tips.tip(new ListView<>(), "trainer-log",
            "What the trainer said: device, engine, resume points, stages written");
    final Label result = new Label();
    final Button compareFinal = Tips.tip(new Button("Compare the newest student"), "trainer-compare-final",
            "Open the job's newest student in the compare view: the teacher at 512 steps, the student, and the teacher's"
                    + " plain DDIM with as few steps, from the same noise");
    private final SplitPane root;
    private final StagePreviews previews;
    private final Timeline timer = new Timeline(new KeyFrame(TICK, e -> tick()));
    private final List<StageRow> rows = new ArrayList<>();
    private JobHandle handle;
    private JobSpec spec;
    private ProgressLog events;
    private List<Stage> stages = List.of();
    private long[] offsets = new long[1];
    private Path lastStudent;
    private boolean starting;
    private final List<Jobs.Interrupted> interrupted = new ArrayList<>();
    private Path teacherFile;

    TrainerPage(AppContext ctx) {
        this.ctx = ctx;
        this.previews = new StagePreviews(ctx, line -> log.getItems().add(line));
        this.preview = new PreviewPane(ctx);
        previews.shownProperty().addListener((o, a, b) -> {
            if (b != null) {
                preview.show(b.view(), b.what());
            }
        });
        previews.placeholderProperty().addListener((o, a, b) -> preview.clear(b));
        timer.setCycleCount(Timeline.INDEFINITE);
        form.teacher.setItems(ctx.models.filtered(e -> e.card() != null && !"unknown".equals(e.dataset())));
        form.teacher.valueProperty().addListener((o, a, b) -> teacherPicked(b));
        // a library refresh replaces the combo's items, which clears its value: pick the same file again
        ctx.models.addListener((ListChangeListener<ModelEntry>) c -> Platform.runLater(
                this::keepTeacher));
        form.to.valueProperty().addListener((o, a, b) -> form.suggestName());
        form.from.valueProperty().addListener((o, a, b) -> form.suggestName());
        form.trainTeacher.setOnAction(e -> trainTeacher());
        form.changeRuns.setOnAction(e -> chooseRunsFolder());
        ctx.runs.addListener((o, a, b) -> runsFolderChanged());
        start.getStyleClass().add("accent");
        start.setMaxWidth(Double.MAX_VALUE);
        start.setOnAction(e -> startDistillation());
        cancel.setOnAction(e -> cancel());
        cancel.setDisable(true);
        compareFinal.setOnAction(e -> openIn(lastStudent, PdvizApp.View.COMPARE));
        compareFinal.setDisable(true);
        ModelEntry first = TrainerForm.defaultTeacher(form.teacher.getItems());
        form.teacher.setValue(first);
        if (first == null) {
            form.teacherChanged(null);
        }
        form.runsFolder.setText(ctx.runs.get().toString());

        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        formScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        HBox buttons = new HBox(8, start, cancel);
        HBox.setHgrow(start, Priority.ALWAYS);
        resumeBox.setId("trainer-resume-box");
        resumeBox.getStyleClass().add("resume-box");
        resumeBox.managedProperty().bind(resumeBox.visibleProperty());
        resumeBox.setVisible(false);
        VBox left = new VBox(8, formScroll, resumeBox, buttons);
        VBox.setVgrow(formScroll, Priority.ALWAYS);
        left.setPadding(new Insets(0, 0, 10, 0));
        buttons.setPadding(new Insets(0, 12, 0, 12));
        resumeBox.setPadding(new Insets(6, 12, 6, 12));
        left.setMinWidth(340);

        root = new SplitPane(left, center());
        root.setDividerPositions(0.31);
        root.getStyleClass().add("page");
        root.setId("trainer-page");
        clearMonitor();
        runsFolderChanged();
        ctx.tasks.execute(BackgroundTask.of("check the GPU", m -> Devices.cuda())
                .onSuccess(form::devices)
                .onFailure(f -> form.devices(new Devices.Availability(false, "the trainer could not start ("
                        + f.reason() + ")"))));
    }

    /** The user picked a teacher: a different one than before resets the settings that depend on it. */
    private void teacherPicked(ModelEntry e) {
        if (e == null) {
            if (teacherFile == null) {
                form.teacherChanged(null);
            }
            return;
        }
        if (!e.file().equals(teacherFile)) {
            teacherFile = e.file();
            form.teacherChanged(e);
        }
    }

    private void keepTeacher() {
        if (form.teacher.getValue() == null && teacherFile != null) {
            form.teacher.getItems().stream().filter(m -> m.file().equals(teacherFile)).findFirst()
                    .ifPresent(form.teacher::setValue);
        }
    }

    /** Selects a teacher (a new one trained here, or a test's), as if the user picked it. */
    void selectTeacher(ModelEntry e) {
        form.teacher.getItems().stream().filter(m -> m.file().equals(e.file())).findFirst()
                .ifPresent(form.teacher::setValue);
    }

    private Node center() {
        title.getStyleClass().add("page-title");
        title.setId("trainer-title");
        title.setMinWidth(0);
        speed.getStyleClass().add("trainer-speed");
        speed.setId("trainer-speed");
        speed.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(10, title, gap, speed);
        head.setAlignment(Pos.BASELINE_LEFT);
        overallText.setId("trainer-overall-text");
        stageText.setId("trainer-stage-text");
        GridPane bars = new GridPane();
        bars.setHgap(8);
        bars.setVgap(4);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        bars.getColumnConstraints().addAll(new ColumnConstraints(), grow);
        progressRow(bars, 0, "Overall", overall, overallText);
        progressRow(bars, 1, "Stage", stageBar, stageText);

        preview.setMinWidth(320);
        chartHint.getStyleClass().add("placeholder");
        chartHint.setWrapText(true);
        chartHint.setMouseTransparent(true);
        StackPane chartBox = new StackPane(chart, chartHint);
        chartHint.visibleProperty().bind(chart.emptyProperty());
        chart.visibleProperty().bind(chart.emptyProperty().not());
        // the preview's two squares get a little more room than the chart
        GridPane middle = new GridPane();
        middle.setHgap(10);
        for (double pc : new double[] {44, 56}) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(pc);
            c.setHgrow(Priority.ALWAYS);
            middle.getColumnConstraints().add(c);
        }
        RowConstraints r = new RowConstraints();
        r.setVgrow(Priority.ALWAYS);
        middle.getRowConstraints().add(r);
        middle.addRow(0, chartBox, preview);
        VBox.setVgrow(middle, Priority.ALWAYS);

        Label stagesTitle = new Label("Stages");
        stagesTitle.getStyleClass().add("section-title");
        stageRows.setId("trainer-stages");
        ScrollPane stagesScroll = new ScrollPane(stageRows);
        stagesScroll.setFitToWidth(true);
        stagesScroll.getStyleClass().add("stages-scroll");
        VBox stagesBox = new VBox(4, stagesTitle, stagesScroll);
        VBox.setVgrow(stagesScroll, Priority.ALWAYS);
        HBox.setHgrow(stagesBox, Priority.ALWAYS);
        log.setPrefWidth(320);
        log.setMinWidth(260);
        log.setId("trainer-log");
        log.setCellFactory(v -> new ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(v.widthProperty().subtract(24));
                setMaxWidth(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        Label logTitle = new Label("Messages");
        logTitle.getStyleClass().add("section-title");
        VBox logBox = new VBox(4, logTitle, log);
        VBox.setVgrow(log, Priority.ALWAYS);
        HBox bottom = new HBox(10, stagesBox, logBox);
        bottom.setPrefHeight(190);
        bottom.setMinHeight(100);

        result.setId("trainer-result");
        result.setWrapText(true);
        result.getStyleClass().add("trainer-result");
        result.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(result, Priority.ALWAYS);
        result.setMinHeight(Region.USE_PREF_SIZE);
        compareFinal.setMinWidth(Region.USE_PREF_SIZE);
        HBox resultRow = new HBox(10, result, compareFinal);
        resultRow.setAlignment(Pos.CENTER_LEFT);

        VBox center = new VBox(8, head, bars, middle, resultRow, bottom);
        center.setPadding(new Insets(10, 12, 10, 10));
        center.setMinWidth(500);
        return center;
    }

    private static void progressRow(GridPane grid, int row, String name, ProgressBar bar,
                                    Label text) {
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setPrefWidth(300);
        bar.setMinWidth(80);
        text.setMinWidth(Region.USE_PREF_SIZE);
        text.getStyleClass().add("progress-text");
        grid.addRow(row, TrainerForm.label(name), bar, text);
    }

    // ---- starting, resuming, cancelling -------------------------------------------------------------

    boolean running() {
        return handle != null || starting;
    }

    private void setRunning(boolean on) {
        form.setDisable(on);
        start.setDisable(on);
        cancel.setDisable(!on);
        resumeBox.setDisable(on);
    }

    void startDistillation() {
        if (running()) {
            return;
        }
        DistillJob job;
        try {
            Path out = Runs.newRun(ctx.runs.get(), form.runName.getText());
            job = form.distillJob(out, CHECKPOINT_SECONDS);
        } catch (IllegalArgumentException e) {
            ctx.error("The distillation cannot start", e.getMessage());
            return;
        }
        launch(job, null);
    }

    void trainTeacher() {
        if (running()) {
            return;
        }
        TrainJob job;
        try {
            Path run = Runs.newRun(ctx.runs.get(), form.data.getValue() + "-teacher");
            job = form.teacherJob(run.resolve(run.getFileName() + ".onnx"), CHECKPOINT_SECONDS);
        } catch (IllegalArgumentException e) {
            ctx.error("The teacher cannot be trained", e.getMessage());
            return;
        }
        launch(job, null);
    }

    void resume(Jobs.Interrupted job) {
        if (!running()) {
            resumeBox.setVisible(false);
            launch(job.spec(), job);
        }
    }

    /** Plans the job off the UI thread (a distillation opens its teacher), then starts or resumes it. */
    private void launch(JobSpec job, Jobs.Interrupted from) {
        starting = true;
        setRunning(true);
        clearMonitor();
        title.setText(from == null ? "Preparing\u2026" : "Resuming " + Runs.runName(from) + "\u2026");
        Path runs = ctx.runs.get();
        ctx.tasks.execute(BackgroundTask.of("plan the job", m -> {
            if (from == null) {
                Files.createDirectories(runs);
            }
            return Jobs.stages(job);
        }).onSuccess(plan -> {
            starting = false;
            ProgressLog log = new ProgressLog(200);
            try {
                handle = from == null ? Jobs.start(job, log) : Jobs.resume(from.folder(), log);
            } catch (Exception ex) {
                setRunning(false);
                title.setText("No job running");
                ctx.error("The job cannot start", TaskFailure.oneLine(ex));
                return;
            }
            began(job, plan, log, from);
        }).onFailure(f -> {
            starting = false;
            setRunning(false);
            title.setText("No job running");
            ctx.error(job instanceof TrainJob ? "The teacher cannot be trained" : "The distillation cannot start",
                    f.reason());
        }));
    }

    private void began(JobSpec job, List<Stage> plan, ProgressLog log, Jobs.Interrupted from) {
        spec = job;
        events = log;
        stages = plan;
        offsets = new long[plan.size() + 1];
        for (int i = 0; i < plan.size(); i++) {
            offsets[i + 1] = offsets[i] + plan.get(i).iterations();
        }
        chart.reset(plan);
        rows.clear();
        stageRows.getChildren().clear();
        for (Stage s : plan) {
            StageRow row = new StageRow(s, () -> openIn(s.file(), PdvizApp.View.COMPARE),
                    () -> openIn(s.file(), PdvizApp.View.PLAYER));
            if (from != null && s.index() < from.round() && Files.exists(s.file())) {
                row.finishedEarlier();
                lastStudent = s.file();
            }
            rows.add(row);
            stageRows.getChildren().add(row);
        }
        String what = job instanceof TrainJob t ? "Training a teacher on " + t.data()
                : "Distilling " + teacherName((DistillJob) job);
        title.setText(what + (from != null ? " (resumed)" : ""));
        log.message("run folder: " + runFolder(job));
        if (job instanceof DistillJob d) {
            previews.distillation(d);
        } else {
            previews.training();
        }
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

    void cancel() {
        if (handle != null) {
            handle.cancel();
            title.setText(title.getText() + ": stopping after this iteration\u2026");
            cancel.setDisable(true);
        }
    }

    // ---- following the job -----------------------------------------------------------------------------

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
        for (String m : u.messages()) {
            log.getItems().add(m);
        }
        if (!u.messages().isEmpty()) {
            log.scrollTo(log.getItems().size() - 1);
        }
        chart.add(u.losses());
        Progress p = u.latest();
        if (p != null && p.round() < rows.size()) {
            long done = offsets[p.round()] + p.iteration();
            long total = offsets[stages.size()];
            overall.setProgress(total == 0 ? 0 : (double) done / total);
            overallText.setText(String.format("stage %d of %d, iteration %,d of %,d", p.round() + 1, p.rounds(),
                    done, total));
            stageBar.setProgress(p.iterations() == 0 ? 0 : (double) p.iteration() / p.iterations());
            stageText.setText(String.format("%s: iteration %,d of %,d, loss %s", p.label().replace("->",
                    " \u2192 "), p.iteration(), p.iterations(), TrainerForm.compact(p.loss())));
            speed.setText(Double.isFinite(p.stepsPerSecond()) ? String.format("%,.0f it/s   ETA %s",
                    p.stepsPerSecond(), duration(p.etaSeconds())) : "");
            rows.get(p.round()).running(p.iteration(), p.loss());
        }
        for (RoundSummary r : u.finished()) {
            if (r.round() < rows.size()) {
                rows.get(r.round()).finished(r);
            }
            lastStudent = r.file();
            stageDone(r);
        }
    }

    private void finished() {
        timer.stop();
        JobHandle h = handle;
        handle = null;
        setRunning(false);
        rows.forEach(StageRow::stopped);
        speed.setText("");
        try {
            JobResult r = h.await();
            if (r.cancelled()) {
                title.setText("Cancelled");
                result.setText(String.format("Stopped after %s. %s The state is saved: resume it on the left.",
                        duration(r.seconds()), r.rounds().isEmpty() ? "No stage had finished."
                                : "Kept: " + String.join(", ", r.rounds().stream()
                                .map(s -> s.file().getFileName().toString()).toList()) + "."));
            } else {
                title.setText("Finished");
                overall.setProgress(1);
                result.setText(summary(r));
                log.getItems().add((r.spec() instanceof TrainJob ? "teacher: " : "student: ") + r.network());
                log.scrollTo(log.getItems().size() - 1);
            }
        } catch (Exception e) {
            title.setText("Failed");
            result.setText(TaskFailure.oneLine(e));
            ctx.error("The job failed", TaskFailure.oneLine(e));
        }
        compareFinal.setDisable(lastStudent == null || !(spec instanceof DistillJob));
        refreshInterrupted();
    }

    private static String summary(JobResult r) {
        if (r.spec() instanceof TrainJob t) {
            return String.format("Trained on %s: %,d iterations in %s on %s. It is now the teacher: press Start"
                    + " distillation.", t.data(), r.iterations(), duration(r.seconds()), deviceName(r.device()));
        }
        String s = String.format("Done: %d stages in %s on %s.", r.rounds().size(), duration(r.seconds()),
                deviceName(r.device()));
        var e = r.evaluation();
        if (e != null) {
            s += String.format(" Same noise, %d samples: student-%d is %.1fx closer to the teacher's %d-step samples"
                            + " than the teacher's own %d-step DDIM (RMSE %.4f vs %.4f).", e.count(), e.steps(),
                    e.improvement(), e.referenceSteps(), e.steps(), e.student(), e.teacherDdim());
        }
        return s;
    }

    /** DJL's device names (cpu(), gpu(0)) in words. */
    static String deviceName(String djl) {
        return djl == null ? "?" : djl.startsWith("cpu") ? "the CPU" : djl.startsWith("gpu") ? "GPU "
                + djl.replaceAll("\\D", "") : djl;
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        if (seconds < 9.95) {
            return String.format("%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s < 3600 ? String.format("%dm %02ds", s / 60, s % 60)
                : String.format("%dh %02dm", s / 3600, (s % 3600) / 60);
    }

    private void clearMonitor() {
        overall.setProgress(0);
        stageBar.setProgress(0);
        overallText.setText("");
        stageText.setText("");
        speed.setText("");
        result.setText("");
        log.getItems().clear();
        rows.clear();
        stageRows.getChildren().setAll(hint("The stages of a job appear here: each finished one writes a checkpoint"
                + " that joins the library."));
        lastStudent = null;
        compareFinal.setDisable(true);
        previews.clear("Each finished stage is sampled here");
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }

    // ---- finished stages: library and preview ------------------------------------------------------------

    /** A stage wrote its checkpoint: it joins the library now, and the preview samples it. */
    private void stageDone(RoundSummary r) {
        JobSpec job = spec;
        ctx.tasks.execute(BackgroundTask.of("add " + r.file().getFileName() + " to the library",
                m -> ctx.library.add(r.file()))
                .onSuccess(entry -> {
                    ctx.refreshModels();
                    if (job instanceof TrainJob) {
                        selectTeacher(entry);
                    }
                })
                .onFailure(f -> log.getItems().add("cannot add " + r.file() + ": " + f.reason())));
        previews.stageWritten(r, job instanceof TrainJob);
    }

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

    // ---- interrupted jobs and the runs folder --------------------------------------------------------------

    private void runsFolderChanged() {
        form.runsFolder.setText(ctx.runs.get().toString());
        refreshInterrupted();
    }

    void refreshInterrupted() {
        Path runs = ctx.runs.get();
        ctx.tasks.execute(BackgroundTask.of("look for interrupted jobs in " + runs, m -> Runs.interrupted(runs))
                .onSuccess(this::showInterrupted));
    }

    private void showInterrupted(Runs.Found found) {
        interrupted.clear();
        interrupted.addAll(found.jobs());
        resumeBox.getChildren().clear();
        Label head = new Label(found.jobs().size() == 1 ? "An interrupted job: resume it?"
                : "Interrupted jobs: resume one?");
        head.getStyleClass().add("section-title");
        resumeBox.getChildren().add(head);
        int i = 0;
        for (Jobs.Interrupted job : found.jobs()) {
            Label what = new Label(Runs.runName(job) + "\n" + (job.spec() instanceof TrainJob ? "teacher training"
                    : "distillation") + ", stopped at " + job.where());
            what.setWrapText(true);
            what.setMinWidth(0);
            what.setMinHeight(Region.USE_PREF_SIZE);
            what.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(what, Priority.ALWAYS);
            Button resume = Tips.tip(new Button("Resume"), "trainer-resume-" + i,
                    "Continue this job from its last saved state (" + job.folder() + ")");
            resume.setMinWidth(Region.USE_PREF_SIZE);
            resume.setOnAction(e -> resume(job));
            HBox row = new HBox(8, what, resume);
            row.setAlignment(Pos.CENTER_LEFT);
            resumeBox.getChildren().add(row);
            i++;
        }
        for (String p : found.problems()) {
            resumeBox.getChildren().add(hint("unreadable job: " + p));
        }
        resumeBox.setVisible(!found.jobs().isEmpty() || !found.problems().isEmpty());
    }

    List<Jobs.Interrupted> interrupted() {
        return List.copyOf(interrupted);
    }

    private void chooseRunsFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Folder for training runs");
        File current = ctx.runs.get().toFile();
        if (current.isDirectory()) {
            dc.setInitialDirectory(current);
        }
        File f = dc.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            setRunsFolder(f.toPath());
        }
    }

    /** Writes runs to {@code folder} from now on; the models already there join the library. */
    void setRunsFolder(Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        ctx.runs.set(abs);
        ctx.tasks.execute(BackgroundTask.of("add the models in " + abs, m -> {
            ctx.library.addFolder(abs);
            return abs;
        }).onSuccess(added -> ctx.refreshModels())
                .onFailure(f -> ctx.error("The runs folder cannot be read", f.message())));
    }

    // ---- the page -------------------------------------------------------------------------------------

    @Override
    public PdvizApp.View view() {
        return PdvizApp.View.TRAINER;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void shown() {
        if (!running()) {
            refreshInterrupted();
        }
    }

    @Override
    public void restyle() {
        preview.restyle();
        // larger type needs a wider settings column
        root.setDividerPositions(Math.min(0.42, 0.31 * Math.sqrt(Math.max(1, ctx.fontScale.get()))));
    }

    /**
     * Asks before a running job is stopped by closing the window. Stopping saves its state, so it can
     * be resumed from this page later.
     */
    @Override
    public boolean confirmClose() {
        if (!running()) {
            return true;
        }
        ButtonType stop = new ButtonType("Stop the job and close", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep training", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Closing the window stops it after the current iteration."
                + " Its finished stages stay, and its state is saved: resume it later from the trainer.", stop, keep);
        a.setTitle("pdviz");
        a.setHeaderText("A training job is running");
        a.getDialogPane().setId("trainer-close-dialog");
        a.getDialogPane().setMinWidth(520);
        if (root.getScene() != null) {
            a.initOwner(root.getScene().getWindow());
        }
        ctx.style(a.getDialogPane());
        boolean close = a.showAndWait().filter(b -> b == stop).isPresent();
        if (close && handle != null) {
            handle.cancel();
        }
        return close;
    }

    @Override
    public void close() {
        timer.stop();
        JobHandle h = handle;
        if (h != null) {
            // the job thread saves its state on cancel; give it time to finish writing before the JVM exits
            h.cancel();
            h.awaitQuietly(60_000);
        }
        previews.close();
    }

    /** The running job's handle (tests), or null. */
    JobHandle handle() {
        return handle;
    }

    List<StageRow> rows() {
        return rows;
    }

    Path lastStudent() {
        return lastStudent;
    }
}

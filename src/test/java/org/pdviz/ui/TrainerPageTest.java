package org.pdviz.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pdviz.ui.UiTestSupport.fx;
import static org.pdviz.ui.UiTestSupport.waitFor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.app.jobs.JobListener;
import org.pdviz.app.jobs.Jobs;
import org.pdviz.app.jobs.TrainJob;
import org.pdviz.app.library.ModelChoice;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.sampling.SampledRun;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.param.Parameterization;
import org.pdviz.runtime.Device;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The trainer panel end to end, headless: a short 2-D distillation of a tiny teacher (trained once
 * for the whole class: DJL is slow to start), its progress, its students in the library and in the
 * comparison; cancel, the close guard, resume; a teacher trained on the page.
 */
@ExtendWith(ApplicationExtension.class)
class TrainerPageTest {

    @TempDir
    static Path shared;

    static Path teacherFile;

    MainWindow window;
    Stage stage;
    TrainerPage page;
    Path runs;

    @BeforeAll
    static void tinyTeacher() throws Exception {
        teacherFile = shared.resolve("tiny-teacher.onnx");
        Jobs.run(new TrainJob("gaussians8", "mlp", Map.of("width", "32", "depth", "2"), Parameterization.V, Weighting.SNR_PLUS_ONE, 300L, 128,
                3e-3, 0.99, 1.0, 1, Device.CPU, 1, 0, teacherFile, "pdviz train (test)", null), false, JobListener.NONE,
                () -> false);
    }

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        runs = Files.createTempDirectory(shared, "runs");
        window = MainWindow.open(stage, UiTestSupport.home(), PdvizApp.View.TRAINER, null, runs);
        page = window.page(PdvizApp.View.TRAINER);
        ModelEntry teacher;
        try {
            teacher = window.context().library.add(teacherFile);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        window.context().refreshModels();
        page.model.settings.select(teacher.file());
    }

    private void settings(int from, int to, int iterations) {
        fx(() -> {
            TrainerSettings s = page.model.settings;
            s.from.set(from);
            s.to.set(to);
            s.iterations.set(iterations);
            s.batch.set(64);
            s.lr.set("1e-3");
            s.threads.set(1);
        });
    }

    @Test
    void aShortDistillationRunsLiveAndItsStudentsJoinTheLibraryAndSample(FxRobot robot) throws Exception {
        Set<Path> shippedBefore = files(UiTestSupport.home().models());
        assertEquals("gaussians8-tiny-teacher", fx(() -> settings().teacher.get().name()));
        assertTrue(fx(() -> settings().teacherNoteProperty().get()).contains("starts from its weights"));
        assertTrue(fx(() -> settings().devices()).contains(TrainerSettings.CPU));
        waitFor("the GPU check", () -> !settings().deviceNoteProperty().get().startsWith("checking"));
        // the CPU-only build: the GPU is not offered, and the note says why
        assertEquals(List.of(TrainerSettings.CPU), fx(() -> List.copyOf(settings().devices())));
        assertTrue(fx(() -> settings().deviceNoteProperty().get()).contains("CPU-only"));

        settings(16, 4, 80);
        robot.clickOn("#trainer-start");
        waitFor("the job to start", () -> job().handle() != null);
        waitFor("the job to finish", () -> !job().isRunning());
        assertEquals("Finished", fx(() -> job().titleProperty().get()), fx(() -> job().resultProperty().get()));
        assertFalse(fx(() -> page.start.isDisabled() || page.form.isDisabled() || !page.cancel.isDisabled()),
                "the panes follow the model: settings and start enabled again, cancel disabled");

        // progress: both stages ran to the end, and the chart drew their losses from the job's events
        assertEquals(2, job().stages().size());
        assertTrue(job().stages().stream().allMatch(StageState::isDone));
        assertEquals(1.0, fx(() -> job().overallProperty().get()), 1e-9);
        assertTrue(fx(() -> job().overallTextProperty().get()).contains("160 of 160"), job().overallTextProperty().get());
        assertTrue(fx(() -> job().losses().size()) >= 2 * 16, "loss points: " + job().losses().size());
        assertEquals(job().losses().size(), (int) fx(() -> page.monitor.chart.points()), "the chart drew every loss point");
        assertTrue(fx(() -> job().resultProperty().get()).contains("closer"), job().resultProperty().get());
        assertTrue(robot.lookup("." + JobNotice.STYLE).queryAll().isEmpty(), "on the trainer page: no notification");

        // the students are in the run folder and in the library, with their lineage back to the teacher
        Path run = runs.resolve(fx(() -> settings().runName.get()));
        assertTrue(Files.isRegularFile(run.resolve("student-8.onnx")) && Files.isRegularFile(run.resolve(
                "student-4.onnx")), run.toString());
        waitFor("the students in the library", () -> entry(run.resolve("student-4.onnx")) != null);
        ModelEntry s4 = entry(run.resolve("student-4.onnx"));
        ModelEntry s8 = entry(run.resolve("student-8.onnx"));
        assertNotNull(s8);
        assertEquals(4, s4.steps());
        assertEquals("gaussians8-student-8", s4.card().lineage().parent());
        assertEquals("gaussians8-tiny-teacher", s8.card().lineage().parent());
        assertEquals("gaussians8-tiny-teacher", ModelChoice.rootTeacher(window.context().models, s4).orElseThrow().name());

        // the preview sampled the newest student beside the teacher's own 4-step DDIM
        waitFor("the preview", () -> preview() != null && preview().model().steps() == 4);
        var view = preview();
        assertTrue(fx(() -> page.monitor.preview.view()) == view, "the preview pane shows the model's preview");
        assertEquals("gaussians8-student-4", view.model().model());
        assertEquals(16, view.reference().steps());
        assertTrue(view.model().rmse() > 0 && view.teacherDdim().rmse() > 0);
        UiTestSupport.screenshot(window.scene().getRoot(), "trainer");

        // one click: the comparison around the new student samples it
        robot.clickOn("#trainer-compare-final");
        assertEquals(PdvizApp.View.COMPARE, window.current());
        ComparePage compare = window.page(PdvizApp.View.COMPARE);
        waitFor("the comparison", () -> !compare.busy() && compare.runs().size() == 3);
        List<SampledRun> panes = compare.runs();
        assertEquals("gaussians8-tiny-teacher", panes.get(0).spec().model().name());
        assertEquals(s4.file(), panes.get(1).spec().model().file());
        assertEquals(4, panes.get(1).steps());
        float[] samples = panes.get(1).trajectory().finalSample();
        assertEquals(compare.batch.getValue() * 2, samples.length);
        for (float v : samples) {
            assertTrue(Float.isFinite(v));
        }
        assertEquals(shippedBefore, files(UiTestSupport.home().models()), "nothing is written into models/");
    }

    @Test
    void aJobThatFinishesWhileTheUserIsOnAnotherPageSaysSoAndOpensItsStudent(FxRobot robot) throws Exception {
        settings(8, 4, 40);
        // in one go on the FX thread, so the short job cannot be seen to end before the page changes
        assertTrue(fx(() -> {
            page.start.fire();
            window.show(PdvizApp.View.LIBRARY);
            return job().isRunning();
        }), "the job started");
        waitFor("the job to finish", () -> !job().isRunning());
        assertEquals("Finished", fx(() -> job().titleProperty().get()), fx(() -> job().resultProperty().get()));
        waitFor("the notification", () -> !robot.lookup("." + JobNotice.STYLE).queryAll().isEmpty());
        javafx.scene.Node notice = robot.lookup("." + JobNotice.STYLE).query();
        String said = noticeText(robot, notice);
        assertTrue(said.contains("Job finished: " + fx(() -> settings().runName.get())), said);
        assertTrue(said.contains("the newest student is gaussians8-student-4"), said);
        UiTestSupport.screenshot(notice.getScene().getRoot(), "trainer-notice");

        // a click opens the result: the comparison around the new student
        robot.clickOn(robot.from(notice).lookup(".button").match(n -> n instanceof javafx.scene.control.Button b
                && b.getText().equals("Compare")).queryButton());
        waitFor("the compare view", () -> window.current() == PdvizApp.View.COMPARE);
        waitFor("the notification to close", () -> robot.lookup("." + JobNotice.STYLE).queryAll().isEmpty());
        ComparePage compare = window.page(PdvizApp.View.COMPARE);
        Path student = runs.resolve(fx(() -> settings().runName.get())).resolve("student-4.onnx");
        waitFor("the comparison", () -> !compare.busy() && compare.runs().size() == 3);
        assertEquals(student.toAbsolutePath().normalize(), compare.runs().get(1).spec().model().file());
    }

    @Test
    void aJobStoppedWhileTheUserTurnsToAnotherPageSaysSoAndOpensTheTrainer(FxRobot robot) throws Exception {
        settings(32, 4, 2500);
        robot.clickOn("#trainer-start");
        waitFor("the job to run", () -> job().handle() != null && !job().losses().isEmpty());
        // in one go on the FX thread, so the job cannot be seen to end before the page changes
        fx(() -> {
            page.model.cancel();
            window.show(PdvizApp.View.PLAYER);
        });
        waitFor("the job to stop", () -> !job().isRunning());
        waitFor("the notification", () -> !robot.lookup("." + JobNotice.STYLE).queryAll().isEmpty());
        javafx.scene.Node notice = robot.lookup("." + JobNotice.STYLE).query();
        String said = noticeText(robot, notice);
        assertTrue(said.contains("Job stopped: " + fx(() -> settings().runName.get())), said);
        assertTrue(said.contains("its state is saved"), said);
        robot.clickOn(notice);
        waitFor("the trainer page", () -> window.current() == PdvizApp.View.TRAINER);
        waitFor("the notification to close", () -> robot.lookup("." + JobNotice.STYLE).queryAll().isEmpty());
        waitFor("the resume offer", () -> page.model.interrupted().size() == 1);
    }

    private static String noticeText(FxRobot robot, javafx.scene.Node notice) {
        return fx(() -> robot.from(notice).lookup(".label").queryAll().stream()
                .map(n -> ((javafx.scene.control.Labeled) n).getText()).collect(Collectors.joining(" | ")));
    }

    @Test
    void cancelKeepsTheFinishedRoundsTheWindowAsksBeforeClosingAndTheJobResumes(FxRobot robot) throws Exception {
        settings(32, 4, 2500);
        robot.clickOn("#trainer-start");
        waitFor("the job to run", () -> job().handle() != null && !job().losses().isEmpty());

        // closing the window while the job runs asks first; "Keep training" keeps both
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitFor("the close dialog", () -> robot.lookup("#trainer-close-dialog").tryQuery().isPresent());
        robot.clickOn("Keep training");
        waitFor("the dialog to close", () -> robot.lookup("#trainer-close-dialog").tryQuery().isEmpty());
        assertTrue(stage.isShowing());
        assertTrue(fx(() -> job().isRunning() && !job().handle().isCancelRequested()));

        waitFor("the first round", () -> job().stages().get(0).isDone());
        robot.clickOn("#trainer-cancel");
        waitFor("the job to stop", () -> !job().isRunning());
        assertEquals("Cancelled", fx(() -> job().titleProperty().get()));
        long kept = job().stages().stream().filter(StageState::isDone).count();
        assertTrue(kept >= 1 && kept < 3, "stages kept: " + kept);
        Path run = runs.resolve(fx(() -> settings().runName.get()));
        assertTrue(Files.isRegularFile(run.resolve("student-16.onnx")));
        assertFalse(Files.exists(run.resolve("student-4.onnx")));
        waitFor("the kept student in the library", () -> entry(run.resolve("student-16.onnx")) != null);

        // the interrupted job is offered for resuming, and resumes to the end
        waitFor("the resume offer", () -> page.model.interrupted().size() == 1);
        assertEquals(run.resolve(".job"), fx(() -> page.model.interrupted().get(0).folder()));
        robot.clickOn("#trainer-resume-0");
        waitFor("the resumed job", () -> job().handle() != null);
        assertTrue(fx(() -> job().titleProperty().get()).contains("resumed"));
        waitFor("the resumed job to finish", () -> !job().isRunning());
        assertEquals("Finished", fx(() -> job().titleProperty().get()), fx(() -> job().resultProperty().get()));
        assertTrue(job().stages().stream().allMatch(StageState::isDone));
        for (int steps : new int[] {16, 8, 4}) {
            assertTrue(Files.isRegularFile(run.resolve("student-" + steps + ".onnx")), "student-" + steps);
        }
        assertFalse(Files.exists(run.resolve(".job")), "a finished job's folder is removed");
        waitFor("nothing left to resume", () -> page.model.interrupted().isEmpty());
    }

    @Test
    void closingTheWindowStopsTheJobWhichResumesInTheNextSession(FxRobot robot) throws Exception {
        settings(32, 4, 2500);
        robot.clickOn("#trainer-start");
        waitFor("the first round", () -> job().handle() != null && job().stages().get(0).isDone());
        var handle = job().handle();
        Path run = runs.resolve(fx(() -> settings().runName.get()));
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitFor("the close dialog", () -> robot.lookup("#trainer-close-dialog").tryQuery().isPresent());
        robot.clickOn("Stop the job and close");
        waitFor("the window to close", () -> !stage.isShowing());
        assertTrue(handle.isDone() && handle.await().cancelled(), "closing stopped the job and waited for it");
        assertTrue(Files.isRegularFile(run.resolve(".job").resolve(Jobs.STATE_FILE)), "its state is saved");

        // the next session (a new window on the same runs folder) offers it, with the finished rounds in the library
        MainWindow next = fx(() -> MainWindow.open(new Stage(), UiTestSupport.home(), PdvizApp.View.TRAINER, null,
                runs));
        TrainerPage again = next.page(PdvizApp.View.TRAINER);
        assertTrue(fx(() -> next.context().models.stream().anyMatch(m -> m.file().equals(run.resolve(
                "student-16.onnx")))), "the kept student is in the next session's library");
        waitFor("the resume offer", () -> again.model.interrupted().size() == 1);
        robot.clickOn("#trainer-resume-0");
        waitFor("the resumed job", () -> again.model.job.handle() != null);
        assertTrue(fx(() -> again.model.job.stages().get(0).isDone()), "the first round finished in the earlier session");
        waitFor("the resumed job to finish", () -> !again.model.job.isRunning());
        assertEquals("Finished", fx(() -> again.model.job.titleProperty().get()),
                fx(() -> again.model.job.resultProperty().get()));
        assertTrue(Files.isRegularFile(run.resolve("student-4.onnx")));
        fx(() -> next.scene().getWindow().hide());
    }

    @Test
    void aTeacherTrainedHereJoinsTheLibraryAndBecomesTheTeacher(FxRobot robot) throws Exception {
        fx(() -> {
            settings().data.set("moons");
            settings().teacherIterations.set(60);
            settings().threads.set(1);
        });
        robot.clickOn("#trainer-train-teacher");
        waitFor("the teacher's training", () -> job().handle() != null);
        waitFor("the teacher's training to finish", () -> !job().isRunning());
        assertEquals("Finished", fx(() -> job().titleProperty().get()), fx(() -> job().resultProperty().get()));
        Path file = runs.resolve("moons-teacher").resolve("moons-teacher.onnx");
        assertTrue(Files.isRegularFile(file));
        waitFor("the new teacher selected", () -> settings().teacher.get() != null
                && settings().teacher.get().file().equals(file));
        ModelEntry e = entry(file);
        assertEquals("moons", e.dataset());
        assertEquals(null, e.steps());
        assertEquals("mlp", e.card().family().name());
        assertEquals(60L, e.card().lineage().iterations());
        assertTrue(e.card().lineage().command().startsWith("pdviz train --data moons"), e.card().lineage().command());
        waitFor("the teacher's preview", () -> preview() != null);
        assertEquals(StagePreviews.FEW_STEPS, preview().teacherDdim().steps());
        assertTrue(fx(() -> settings().runName.get()).startsWith("moons-teacher-512to4"));
    }

    @Test
    void numbersReadAsPeopleWriteThem() {
        assertEquals("3e-4", TrainerText.format(3e-4));
        assertEquals("1e-3", TrainerText.format(0.001));
        assertEquals("5e-5", TrainerText.format(5e-5));
        assertEquals("0.05", TrainerText.format(0.05));
        assertEquals("2.06e-4", TrainerText.compact(2.0649e-4));
        assertEquals("1.8e-3", TrainerText.compact(0.0018));
        assertEquals("0.0123", TrainerText.compact(0.012345));
        assertEquals("0.5", TrainerText.compact(0.5));
        assertEquals("0.4 s", TrainerText.duration(0.42));
        assertEquals("1m 05s", TrainerText.duration(65));
        assertEquals("the CPU", TrainerText.deviceName("cpu()").toString());
        assertEquals("GPU 0", TrainerText.deviceName("gpu(0)").toString());
        assertEquals("CPU", TrainerText.deviceName("cpu()").in(org.pdviz.app.i18n.Texts.of(org.pdviz.app.i18n.Language.ZH)));
    }

    private TrainerSettings settings() {
        return page.model.settings;
    }

    private JobMonitor job() {
        return page.model.job;
    }

    /** The model's preview of the newest stage, read on the FX thread (null before one). */
    private org.pdviz.app.jobs.RoundPreview.View preview() {
        return fx(() -> {
            StagePreviews.Shown s = page.model.previews.shownProperty().get();
            return s == null ? null : s.view();
        });
    }

    private ModelEntry entry(Path file) {
        return fx(() -> window.context().models.stream().filter(m -> m.file().equals(file.toAbsolutePath()
                .normalize())).findFirst().orElse(null));
    }

    private static Set<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.collect(Collectors.toSet());
        }
    }
}

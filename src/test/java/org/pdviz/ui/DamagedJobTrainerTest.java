package org.pdviz.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pdviz.ui.UiTestSupport.fx;
import static org.pdviz.ui.UiTestSupport.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.app.jobs.DistillJob;
import org.pdviz.app.jobs.JobListener;
import org.pdviz.app.jobs.Jobs;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.train.TeacherEngine;
import org.pdviz.train.family.Families;
import org.pdviz.train.family.Family;
import org.pdviz.train.family.Weights;
import org.pdviz.train.onnx.FamilyOnnx;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12, defect 9 in the app: an interrupted job whose state.bin is damaged is offered as "Start
 * over", which runs it again in its folder, keeping the finished student, to the end.
 */
@ExtendWith(ApplicationExtension.class)
class DamagedJobTrainerTest {

    @TempDir
    static Path dir;

    MainWindow window;
    Path run;
    byte[] finished;

    @Start
    void start(Stage stage) throws Exception {
        Family f = Families.build("mlp", DataShape.of(2), 1, Map.of("width", 16, "depth", 2, "embedding", 8));
        Path teacher = dir.resolve("teacher.onnx");
        FamilyOnnx.write(f, Weights.initialize(f, 11), new ModelCard(ModelCard.FORMAT, "teacher", "moons", "v",
                ModelCard.ScheduleSpec.of(CosineSchedule.CLIPPED), new int[] {2}, new double[] {-1, 1}, null, f.card(),
                null, null), teacher);
        Path runs = Files.createDirectories(dir.resolve("runs"));
        run = runs.resolve("damaged");
        DistillJob job = new DistillJob(teacher, null, null, null, null, null, 8, 2, 20, 32, 3e-3, Weighting.SNR_PLUS_ONE, 1.0, 5,
                Device.CPU, 1, TeacherEngine.ORT, 0, 0, run, "pdviz distill (test)", null, null);
        int[] iterations = {0};
        Jobs.run(job, Jobs.Start.FRESH, p -> iterations[0]++, () -> iterations[0] >= 25);
        Files.write(run.resolve(".job").resolve(Jobs.STATE_FILE), new byte[] {'P', 'D', 'V', 'Z'});
        finished = Files.readAllBytes(run.resolve("student-4.onnx"));
        window = MainWindow.open(stage, UiTestSupport.home(), PdvizApp.View.TRAINER, null, runs);
    }

    @Test
    void aDamagedStateIsOfferedAsStartOverWhichKeepsTheFinishedStudent(FxRobot robot) throws Exception {
        TrainerPage page = window.page(PdvizApp.View.TRAINER);
        waitFor("the offer", () -> page.model.interrupted().size() == 1);
        assertTrue(page.model.interrupted().get(0).damaged());
        Button button = robot.lookup("#trainer-resume-0").queryAs(Button.class);
        assertEquals(window.context().i18n.get("trainer.restart"), fx(button::getText));
        UiTestSupport.screenshot(window.scene().getRoot(), "trainer-start-over");
        fx(button::fire);
        waitFor("the job to start over and finish", () -> window.context().lastError.get() != null
                || "Finished".equals(page.model.job.titleProperty().get()) && !page.model.job.isRunning());
        assertEquals(null, window.context().lastError.get());
        assertEquals("Finished", fx(() -> page.model.job.titleProperty().get()),
                fx(() -> page.model.job.resultProperty().get()));
        assertArrayEquals(finished, Files.readAllBytes(run.resolve("student-4.onnx")), "the finished student is kept");
        assertTrue(Files.isRegularFile(run.resolve("student-2.onnx")));
        assertFalse(Files.exists(run.resolve(".job")));
    }
}

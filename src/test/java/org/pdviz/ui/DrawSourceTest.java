package org.pdviz.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pdviz.ui.UiTestSupport.fx;
import static org.pdviz.ui.UiTestSupport.waitFor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.app.library.ModelChoice;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.live.LiveService;
import org.pdviz.app.live.LiveSettings;
import org.pdviz.app.sampling.SampledRun;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The trainer panel's Draw source, headless: strokes drawn with the robot become points under the
 * brush and the eraser removes them; a tiny live run shows each round's samples, puts its student in
 * the library with its lineage back to the exact teacher, and opens the comparison on teacher |
 * student | the teacher's own DDIM. Files, words and presets replace the drawing.
 */
@ExtendWith(ApplicationExtension.class)
class DrawSourceTest {

    @TempDir
    Path dir;

    MainWindow window;
    TrainerPage page;
    DrawModel model;

    @Start
    void start(Stage stage) throws IOException {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        window = MainWindow.open(stage, UiTestSupport.home(), PdvizApp.View.TRAINER, null, runs);
        page = window.page(PdvizApp.View.TRAINER);
        model = page.model.draw;
    }

    /** 8 -> 4 steps in a few seconds: a copy stage and one round of 40 iterations, a 32-wide mlp. */
    static LiveSettings tiny() {
        LiveSettings s = LiveSettings.classroom().withPreviews(100);
        String[][] set = {{"from", "8"}, {"copyIterations", "40"}, {"firstRoundIterations", "40"},
            {"iterationsPerRound", "40"}, {"width", "32"}, {"depth", "2"}, {"batch", "64"}, {"threads", "1"},
            {"evalCount", "64"}, {"referenceSteps", "32"}};
        for (String[] kv : set) {
            s = s.with(kv[0], kv[1]);
        }
        return s;
    }

    /** The screen point of data point (x, y) on the canvas. */
    private Point2D screen(double x, double y) {
        return fx(() -> {
            ScatterView c = page.draw.canvas;
            Bounds b = c.localToScreen(c.getBoundsInLocal());
            // invert toData by sampling two pixels: the map is affine with one scale on both axes
            double[] o = c.toData(0, 0);
            double k = c.pixelsPerUnit();
            return new Point2D(b.getMinX() + (x - o[0]) * k, b.getMinY() + (o[1] - y) * k);
        });
    }

    private void stroke(FxRobot robot, double[]... path) {
        robot.moveTo(screen(path[0][0], path[0][1]));
        robot.press(MouseButton.PRIMARY);
        for (int i = 1; i < path.length; i++) {
            robot.moveTo(screen(path[i][0], path[i][1]));
        }
        robot.release(MouseButton.PRIMARY);
    }

    @Test
    void strokesDrawnWithTheRobotDistilLiveIntoAStudentInTheLibraryAndTheComparison(FxRobot robot) throws Exception {
        robot.clickOn("#trainer-source-draw");
        assertTrue(fx(() -> page.draw.getScene() != null), "the Draw source is on screen");
        // a horizontal stroke and a vertical one: a cross
        stroke(robot, new double[] {-0.7, 0}, new double[] {-0.2, 0}, new double[] {0.3, 0}, new double[] {0.7, 0});
        stroke(robot, new double[] {0, -0.7}, new double[] {0, 0.7});
        int drawn = fx(() -> model.countProperty().get());
        assertTrue(drawn >= 100, "points drawn: " + drawn);
        double r = fx(() -> model.brushRadius.get());
        float[] p = fx(model::points);
        for (int i = 0; i < p.length; i += 2) {
            boolean onCross = Math.abs(p[i + 1]) <= r + 0.03 || Math.abs(p[i]) <= r + 0.03;
            assertTrue(onCross && Math.abs(p[i]) <= 1 && Math.abs(p[i + 1]) <= 1, "a point off the strokes: " + p[i]
                    + ", " + p[i + 1]);
        }
        // the eraser takes the points under it, and only those
        robot.clickOn("#draw-erase");
        stroke(robot, new double[] {0.5, 0.15}, new double[] {0.5, -0.15});
        float[] left = fx(model::points);
        assertTrue(left.length / 2 < drawn, "the eraser removed points");
        for (int i = 0; i < left.length; i += 2) {
            assertTrue(Math.hypot(left[i] - 0.5, left[i + 1]) > r - 1e-6 || Math.abs(left[i + 1]) > 0.15);
        }
        robot.clickOn("#draw-brush");
        UiTestSupport.screenshot(window.scene().getRoot(), "draw-strokes");

        fx(() -> model.settings = tiny());
        robot.clickOn("#draw-run");
        waitFor("the live run to finish", () -> !model.runningProperty().get());
        LiveService.Result result = fx(() -> model.resultProperty().get());
        assertNotNull(result, fx(() -> model.status().get()) + " / " + window.context().lastError.get());
        // each finished stage arrived with its 4-step samples: the copy, then the 4-step student
        List<LiveService.Round> rounds = fx(() -> List.copyOf(model.rounds()));
        assertEquals(2, rounds.size());
        assertEquals(4, rounds.get(1).steps());
        for (LiveService.Round round : rounds) {
            assertEquals(4, round.previewSteps());
            assertEquals(2 * 100, round.preview().length);
        }
        assertEquals(2, (int) fx(() -> page.draw.lookupAll(".frame-panel").size()), "one panel per round");
        assertTrue(fx(() -> model.outcome().get()).contains("RMSE"), model.outcome().get());

        // the student is in the library, descended from the exact teacher of the drawn points
        Path student = result.student();
        assertEquals("student-4.onnx", student.getFileName().toString());
        waitFor("the student in the library", () -> entry(student) != null);
        ModelEntry s4 = entry(student);
        assertEquals(4, s4.steps());
        ModelEntry teacher = fx(() -> ModelChoice.rootTeacher(window.context().models, s4).orElseThrow());
        assertEquals(student.resolveSibling(LiveService.TEACHER_FILE), teacher.file());
        assertEquals(result.points(), ((Number) teacher.card().family().params().get("components")).intValue());

        // done: the comparison opened on teacher at 512 steps | student-4 | the teacher's own 4-step DDIM
        waitFor("the comparison", () -> window.current() == PdvizApp.View.COMPARE);
        ComparePage compare = window.page(PdvizApp.View.COMPARE);
        waitFor("the comparison's samples", () -> !compare.busy() && compare.runs().size() == 3);
        List<SampledRun> panes = fx(() -> List.copyOf(compare.runs()));
        assertEquals(teacher.file(), panes.get(0).spec().model().file());
        assertEquals(512, panes.get(0).steps());
        assertEquals(student, panes.get(1).spec().model().file());
        assertEquals(4, panes.get(1).steps());
        assertEquals(teacher.file(), panes.get(2).spec().model().file());
        assertEquals(4, panes.get(2).steps());

        // the player animates the student's 4 steps
        fx(() -> window.show(PdvizApp.View.TRAINER));
        robot.clickOn("#draw-play");
        assertEquals(PdvizApp.View.PLAYER, window.current());
        assertEquals(student, fx(() -> window.context().selected.get().file()));
        fx(() -> window.show(PdvizApp.View.TRAINER));
        UiTestSupport.screenshot(window.scene().getRoot(), "draw-done");
    }

    @Test
    void aFileAWordAndAPresetReplaceTheDrawingAndBadFilesSayWhy() throws Exception {
        Path csv = dir.resolve("tri.csv");
        Files.writeString(csv, "x,y\n0,0\n10,0\n5,20\n5,10\n");
        fx(() -> model.load(csv));
        waitFor("the file's points", () -> model.countProperty().get() == 4);
        float[] v = fx(model::points);
        // fitted into [-1, 1] with the aspect kept: y spans [-1, 1], x half of it
        assertEquals(-1, v[1], 1e-6);
        assertEquals(1, v[5], 1e-6);
        assertEquals(-0.5, v[0], 1e-6);
        assertEquals("tri", fx(model::name));

        Path three = dir.resolve("three.csv");
        Files.writeString(three, "1,2,3\n4,5,6\n");
        fx(() -> model.load(three));
        waitFor("the error", () -> window.context().lastError.get() != null);
        assertTrue(window.context().lastError.get().contains("three.csv"), window.context().lastError.get());
        assertEquals(4, (int) fx(() -> model.countProperty().get()), "a bad file leaves the drawing as it was");

        fx(() -> model.word("Hi"));
        waitFor("the word's points", () -> model.countProperty().get() == DrawModel.PRESET_POINTS);
        assertEquals("Hi", fx(model::name));
        fx(() -> model.preset("rings"));
        assertEquals(DrawModel.PRESET_POINTS, (int) fx(() -> model.countProperty().get()));
        fx(model::clear);
        assertEquals(0, (int) fx(() -> model.countProperty().get()));
        // too few points: a dialog says so and nothing runs
        fx(model::run);
        assertTrue(window.context().lastError.get().contains("at least " + DrawModel.MIN_POINTS),
                window.context().lastError.get());
        assertTrue(!fx(() -> model.runningProperty().get()));

        // in Chinese, with larger type, the source reads whole (a screenshot to look at)
        fx(() -> model.preset("face"));
        fx(() -> window.setLanguage(org.pdviz.app.i18n.Language.ZH));
        fx(() -> page.drawSource.fire());
        fx(() -> window.font(1));
        assertEquals("画出你的数据", fx(() -> page.drawSource.getText()));
        assertTrue(fx(() -> page.draw.run.getText()).contains("蒸馏"));
        UiTestSupport.screenshot(window.scene().getRoot(), "zh-draw");
    }

    private ModelEntry entry(Path file) {
        return fx(() -> window.context().models.stream().filter(m -> m.file().equals(file)).findFirst().orElse(null));
    }
}

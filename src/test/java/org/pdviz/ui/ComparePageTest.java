package org.pdviz.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pdviz.ui.UiTestSupport.fx;
import static org.pdviz.ui.UiTestSupport.waitFor;

import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pdviz.app.library.ModelChoice;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.sampling.SampledRun;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ComparePageTest {

    MainWindow window;
    ComparePage compare;

    @Start
    void start(Stage stage) {
        window = UiTestSupport.open(stage, PdvizApp.View.COMPARE);
        compare = window.page(PdvizApp.View.COMPARE);
    }

    @Test
    void theDefaultComparisonIsAlignedOnTAndStartsFromTheSameNoise(FxRobot robot) throws Exception {
        waitFor("the comparison", () -> !compare.busy() && !compare.runs().isEmpty());
        List<SampledRun> runs = compare.runs();
        // chosen by card: an MNIST-like teacher at 512 steps as the reference, its plain 4-step DDIM last,
        // and its 4-step student in between when the library has one
        SampledRun ref = runs.get(0), plain = runs.get(runs.size() - 1);
        ModelEntry teacher = ref.spec().model();
        assertTrue(!teacher.isStudent() && teacher.dataset().startsWith("mnist"), teacher.toString());
        assertEquals(512, ref.steps());
        assertEquals(teacher, plain.spec().model());
        assertEquals(4, plain.steps());
        boolean hasStudent = ModelChoice.studentsOf(window.context().models, teacher).stream()
                .anyMatch(e -> e.steps() == 4);
        assertEquals(hasStudent ? 3 : 2, runs.size());

        // same seed => the same z_1 in every pane
        for (SampledRun r : runs) {
            assertArrayEquals(ref.z(0), r.z(0));
        }
        // aligned on t: scrubbing the reference shows the last state each pane reached
        int[][] expect = {{0, 0}, {127, 0}, {128, 1}, {129, 1}, {256, 2}, {383, 2}, {384, 3}, {511, 3}, {512, 4}};
        for (int[] e : expect) {
            fx(() -> compare.transport.seek(e[0]));
            List<CompareColumn> cols = compare.columns();
            assertEquals(e[0], cols.get(0).shownPosition());
            assertEquals(e[1], cols.get(cols.size() - 1).shownPosition(), "reference at " + e[0]);
            assertEquals(String.format("frame %d / %d, t = %.4f", e[1], 4, (4 - e[1]) / 4.0),
                    fx(() -> cols.get(cols.size() - 1).frameText()));
        }
        assertEquals(String.format("frame %d / %d, t = %.4f", 512, 512, 0.0), fx(() -> compare.columns().get(0).frameText()));

        // per pane: evaluations, time, same-noise RMSE to the reference (0 for the reference itself)
        assertEquals(0.0, compare.columns().get(0).rmse());
        double rmse = compare.columns().get(runs.size() - 1).rmse();
        assertEquals(independentRmse(plain.trajectory().finalSample(), ref.trajectory().finalSample(), 16), rmse, 1e-9);
        assertTrue(rmse > 0.01, "4-step DDIM differs from 512 steps: " + rmse);
        String stats = fx(() -> ((javafx.scene.control.Label) robot.lookup("#compare-stats-" + (runs.size() - 1))
                .query()).getText());
        assertTrue(stats.contains("4 network evaluations per sample: 128x fewer") && stats.contains(" faster (")
                && stats.contains(String.format("%.4f", rmse)), stats);

        // a stats line that wraps in one pane only: the text rows stay level, and so do the pictures
        javafx.scene.control.Label longer = compare.columns().get(0).textRows().get(2);
        fx(() -> longer.setText(longer.getText() + "\none more line\nand one more"));
        waitFor("the stats rows level", () -> spread(fx(() -> compare.columns().stream()
                .map(c -> c.textRows().get(2).getHeight()).toList())) < 0.5);
        assertTrue(fx(() -> longer.getHeight() > compare.columns().get(1).textRows().get(2).prefHeight(-1) + 10),
                "the taller text sets the height of every pane's row");
        List<Double> frames = fx(() -> java.util.stream.IntStream.range(0, runs.size())
                .mapToObj(i -> ((javafx.scene.layout.Region) robot.lookup("#compare-frame-" + i).query()).getHeight())
                .toList());
        assertTrue(spread(frames) < 0.5, "the pictures keep one height: " + frames);

        fx(() -> compare.transport.seek(320));
        UiTestSupport.screenshot(window.scene().getRoot(), "compare");
    }

    private static double spread(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0)
                - values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    @Test
    void panesCanBeAddedAndTheComparisonReruns(FxRobot robot) {
        waitFor("the comparison", () -> !compare.busy() && !compare.runs().isEmpty());
        int panes = compare.columns().size();
        robot.clickOn("#compare-add");
        assertEquals(panes + 1, compare.columns().size());
        robot.clickOn("#compare-run");
        waitFor("the rerun", () -> !compare.busy() && compare.runs().size() == panes + 1);
        SampledRun added = compare.runs().get(panes);
        assertEquals(8, added.steps());
        fx(() -> compare.transport.seek(192));
        assertEquals(3, compare.columns().get(panes).shownPosition(), "t = 0.625 is position 3 of 8");
        assertNull(window.context().lastError.get());
    }

    @Test
    void aStudentInTheLibraryJoinsTheDefaultComparisonByItsLineage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        org.pdviz.app.PdvizHome home = UiTestSupport.homeWithStudent(dir);
        MainWindow other = fx(() -> MainWindow.open(new Stage(), home, PdvizApp.View.COMPARE, null));
        ComparePage c = other.page(PdvizApp.View.COMPARE);
        waitFor("the comparison", () -> !c.busy() && !c.runs().isEmpty());
        List<SampledRun> runs = c.runs();
        assertEquals(3, runs.size());
        assertEquals("exact-mnist-class-means", runs.get(0).card().name());
        assertEquals(512, runs.get(0).steps());
        assertEquals("class-means-student-4", runs.get(1).card().name());
        assertEquals(4, runs.get(1).steps());
        assertEquals("exact-mnist-class-means", runs.get(2).card().name());
        assertEquals(4, runs.get(2).steps());
        fx(() -> c.transport.seek(200));
        assertEquals(1, c.columns().get(1).shownPosition());
        UiTestSupport.screenshot(other.scene().getRoot(), "compare-three-panes");
        fx(() -> ((Stage) other.scene().getWindow()).close());
    }

    /** Mean over samples of each sample's RMS difference, written out independently of BatchDifferences. */
    static double independentRmse(float[] a, float[] b, int count) {
        int dim = a.length / count;
        double total = 0;
        for (int i = 0; i < count; i++) {
            double s = 0;
            for (int j = 0; j < dim; j++) {
                double d = (double) a[i * dim + j] - b[i * dim + j];
                s += d * d;
            }
            total += Math.sqrt(s / dim);
        }
        return total / count;
    }
}

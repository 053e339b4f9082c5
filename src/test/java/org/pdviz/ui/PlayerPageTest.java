package org.pdviz.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pdviz.ui.UiTestSupport.fx;
import static org.pdviz.ui.UiTestSupport.waitFor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.player.DisplayRanges;
import org.pdviz.app.render.ImageGrid;
import org.pdviz.app.render.Raster;
import org.pdviz.app.sampling.SampledRun;
import org.pdviz.core.ddim.StartNoise;
import org.pdviz.core.model.DataRange;
import org.pdviz.core.schedule.CosineSchedule;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class PlayerPageTest {

    MainWindow window;
    PlayerPage player;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = UiTestSupport.open(stage, PdvizApp.View.PLAYER);
        player = window.page(PdvizApp.View.PLAYER);
    }

    private SampledRun sampleWith(FxRobot robot, int steps) {
        waitFor("the first run", () -> player.run() != null && !player.busy());
        fx(() -> player.steps.getValueFactory().setValue(steps));
        robot.clickOn("#player-sample");
        waitFor("the run with " + steps + " steps", () -> !player.busy() && player.run().steps() == steps);
        return player.run();
    }

    @Test
    void loadsAShippedModelPlaysToTheEndAndScrubs(FxRobot robot) throws Exception {
        // the library's default, chosen by card: an MNIST-like teacher at 512 steps, 16 digits
        waitFor("the first run", () -> player.run() != null && !player.busy());
        SampledRun first = player.run();
        assertTrue(first.card().dataset().startsWith("mnist"), first.card().dataset());
        assertEquals(512, first.steps());
        assertEquals(16, first.spec().count());
        // z_1 is the documented start noise of seed 0
        assertArrayEquals(StartNoise.batch(0, 0, 16, 784), first.z(0));

        SampledRun run = sampleWith(robot, 16);
        assertEquals(16, run.trajectory().frames().size());
        fx(() -> player.transport.playback().setFramesPerSecond(480));
        robot.clickOn("#transport-play");
        waitFor("the end of the run", () -> !player.transport.playback().playing()
                && player.transport.position().get() == 16);
        assertEquals("16 / 16", player.readouts().text("readout-frame"));
        assertEquals("0.0000", player.readouts().text("readout-t"));

        // scrub: the slider moves the frame, the read-outs and the pictures follow
        fx(() -> player.transport.scrubber().setValue(8));
        assertEquals(8, player.transport.position().get());
        CosineSchedule s = CosineSchedule.CLIPPED;
        assertEquals(String.format("%.4f", 0.5), player.readouts().text("readout-t"));
        assertEquals(String.format("%.4f", s.alpha(0.5)), player.readouts().text("readout-alpha"));
        assertEquals(String.format("%.4f", s.sigma(0.5)), player.readouts().text("readout-sigma"));
        assertEquals(ScheduleReadouts.signed(s.logSnr(0.5)), player.readouts().text("readout-logsnr"));
        assertEquals("+0.000", player.readouts().text("readout-logsnr"), "log-SNR is 0 at t = 1/2");
        assertEquals(String.format("%.4f", s.phi(0.5)), player.readouts().text("readout-phi"));
        // the z_t picture is frame 8's z rendered by ImageGrid, pixel for pixel
        FramePanel z = player.panels().get(0);
        DataRange zr = DisplayRanges.image(DisplayRanges.Quantity.Z, run.range());
        Raster expected = ImageGrid.render(run.z(8), 16, run.trajectory().shape(), zr.lo(), zr.hi(),
                ImageGrid.Layout.square(16, GridView.SCALE, GridView.GAP));
        int[] shown = fx(() -> {
            var img = z.grid.image();
            int[] px = new int[expected.width() * expected.height()];
            img.getPixelReader().getPixels(0, 0, expected.width(), expected.height(),
                    javafx.scene.image.PixelFormat.getIntArgbInstance(), px, 0, expected.width());
            return px;
        });
        assertArrayEquals(expected.argb(), shown);
        UiTestSupport.screenshot(window.scene().getRoot(), "player");

        // keyboard: Home, arrows, End, space
        robot.type(KeyCode.HOME);
        assertEquals(0, player.transport.position().get());
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);
        assertEquals(2, player.transport.position().get());
        robot.type(KeyCode.LEFT);
        assertEquals(1, player.transport.position().get());
        robot.type(KeyCode.END);
        assertEquals(16, player.transport.position().get());
        double fps = player.transport.playback().framesPerSecond();
        robot.type(KeyCode.MINUS);
        assertTrue(player.transport.playback().framesPerSecond() < fps);
        fx(() -> player.transport.playback().setFramesPerSecond(1));
        robot.type(KeyCode.SPACE);
        assertTrue(player.transport.playback().playing());
        assertEquals(0, player.transport.position().get(), "play at the end starts again from t = 1");
        robot.type(KeyCode.SPACE);
        assertFalse(player.transport.playback().playing());
    }

    @Test
    void exportsTheFrameAsPngAndTheTrajectoryAsJson(FxRobot robot) throws Exception {
        SampledRun run = sampleWith(robot, 8);
        fx(() -> player.transport.seek(3));
        Path png = dir.resolve("frame.png"), json = dir.resolve("trajectory.json");
        player.exportFrame(png);
        player.exportTrajectory(json);
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img);
        assertTrue(img.getWidth() >= 900 && img.getHeight() >= 900, img.getWidth() + "x" + img.getHeight());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(8, root.get("steps").asInt());
        assertEquals(8, root.get("frames").size());
        assertEquals(run.card().name(), root.get("model").asText());
        assertEquals(run.t(3), root.get("frames").get(3).get("t").asDouble(), 1e-12);
        assertEquals(16 * 784, root.get("final").size());
    }

    @Test
    void twoDimensionalDataShowsEachPointsPathSoFar(FxRobot robot) throws Exception {
        waitFor("the first run", () -> player.run() != null && !player.busy());
        ModelEntry points = window.context().models.stream()
                .filter(e -> e.card().dataset().equals("gaussians8")).findFirst().orElseThrow();
        fx(() -> window.context().selected.set(points));
        waitFor("the 2-D run", () -> !player.busy() && player.run().card().name().equals(points.name()));
        SampledRun run = player.run();
        assertEquals(512, run.steps());
        assertEquals(256, run.spec().count());
        fx(() -> player.transport.seek(400));
        ScatterView.Scene z = player.panels().get(0).scatter.scene();
        assertEquals(400, z.paths().size());
        assertArrayEquals(run.z(0), z.paths().get(0));
        assertArrayEquals(run.z(400), z.points());
        ScatterView.Scene eps = player.panels().get(2).scatter.scene();
        assertArrayEquals(run.frame(400).epsHat(), eps.points());
        UiTestSupport.screenshot(window.scene().getRoot(), "player-points");
    }

    @Test
    void aRunCanBeCancelledAndThePreviousFramesStay(FxRobot robot) {
        SampledRun before = sampleWith(robot, 8);
        ModelEntry points = window.context().models.stream()
                .filter(e -> e.card().dataset().equals("gaussians8")).findFirst().orElseThrow();
        fx(() -> {
            player.model.setValue(points);   // starts its default run; replace it with a long one
            player.steps.getValueFactory().setValue(4096);
            player.sample();
        });
        assertTrue(player.busy());
        waitFor("progress", () -> player.progress.getProgress() > 0);
        robot.clickOn("#player-cancel");
        waitFor("the cancel", () -> !player.busy());
        assertEquals("cancelled", fx(() -> player.status.getText()));
        assertEquals(before, player.run(), "the last finished run stays on screen");
    }
}

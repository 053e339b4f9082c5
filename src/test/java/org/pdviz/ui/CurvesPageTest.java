package org.pdviz.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pdviz.ui.UiTestSupport.fx;
import static org.pdviz.ui.UiTestSupport.waitFor;

import javafx.geometry.Point2D;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pdviz.app.sampling.SampledRun;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class CurvesPageTest {

    MainWindow window;

    @Start
    void start(Stage stage) {
        window = UiTestSupport.open(stage, PdvizApp.View.CURVES);
    }

    @Test
    void theCursorFollowsThePlayersFrameAndTheGridIsMarked(FxRobot robot) throws Exception {
        // opened directly, the curves start the player's default run to follow
        PlayerPage player = window.page(PdvizApp.View.PLAYER);
        CurvesPage curves = window.page(PdvizApp.View.CURVES);
        waitFor("the player's run", () -> player.run() != null && !player.busy());
        SampledRun run = player.run();
        waitFor("the player's grid on the curves", () -> window.context().grids.stream()
                .anyMatch(m -> m.source().equals(PlayerPage.SOURCE) && m.steps() == run.steps()));
        for (int p : new int[] {0, 100, 256, 511, 512}) {
            fx(() -> player.transport.seek(p));
            double t = run.t(p);
            assertEquals(t, curves.canvas().cursorT(), 0.0);
            assertEquals(curves.canvas().x(t), curves.canvas().cursorX(), 0.0);
            assertTrue(fx(curves::readout).startsWith(String.format("t = %.4f", t)), fx(curves::readout));
        }
        assertTrue(curves.canvas().cursorX() < curves.canvas().x(0.01), "the final frame is at t = 0, the left edge");
        fx(() -> player.transport.seek(128));
        UiTestSupport.screenshot(window.scene().getRoot(), "curves");

        // clicking on the curves moves the player to that t
        Point2D at = fx(() -> curves.canvas().localToScreen(curves.canvas().x(0.25), 200));
        robot.clickOn(at);
        int expected = org.pdviz.app.compare.TimeAlignment.position(run.steps(), 0.25);
        waitFor("the player at t = 0.25", () -> Math.abs(run.t(player.transport.position().get()) - 0.25) < 2.0 / 512);
        assertTrue(Math.abs(player.transport.position().get() - expected) <= 1, player.transport.position().get()
                + " vs " + expected);
        assertEquals(run.t(player.transport.position().get()), curves.canvas().cursorT(), 0.0);
    }
}

package org.pdviz.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pdviz.ui.UiTestSupport.fx;
import static org.pdviz.ui.UiTestSupport.waitFor;

import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.schedule.GridOptions;
import org.pdviz.core.schedule.TimestepSpacing;
import org.pdviz.runtime.DiffusersReference;
import org.pdviz.runtime.card.CardOverrides;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The player's advanced settings: diffusers' dummy model (opened with its side card) sampled from
 * diffusers' deterministic start with leading spacing and diffusers' clipping gives the number its
 * own test asserts; the options are offered only for a discrete schedule.
 */
@ExtendWith(ApplicationExtension.class)
class PlayerAdvancedTest {

    MainWindow window;
    PlayerPage player;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = UiTestSupport.open(stage, PdvizApp.View.PLAYER);
        player = window.page(PdvizApp.View.PLAYER);
    }

    @Test
    void theAdvancedSettingsReproduceDiffusersFullLoop(FxRobot robot) throws Exception {
        waitFor("the first run", () -> player.run() != null && !player.busy());
        assertTrue(fx(() -> player.advanced.spacing.isDisabled()), "a cosine model has one grid");
        Path model = DiffusersReference.dummyModel(dir.resolve("dummy.onnx"), null);
        Path deter = DiffusersReference.npy(dir.resolve("deter.npy"), DiffusersReference.sampleDeter(), 4, 3, 8, 8);
        fx(() -> window.context().openModels(List.of(model), CardOverrides.of(DiffusersReference.card("eps", 1e-4)),
                e -> window.context().selected.set(e), () -> { }));
        waitFor("the dummy model in the player", () -> player.model.getValue() != null
                && player.model.getValue().file().equals(model.toAbsolutePath().normalize()) && !player.busy());
        assertFalse(fx(() -> player.advanced.spacing.isDisabled()), "a discrete model takes the options");
        fx(() -> {
            player.advancedToggle.setSelected(true);
            player.steps.getValueFactory().setValue(10);
            player.clip.setSelected(true);
            player.advanced.spacing.setValue(TimestepSpacing.LEADING);
            player.advanced.clipStyle.setValue(SamplerSettings.ClipStyle.DIFFUSERS);
            player.advanced.setStart(deter);
            assertTrue(player.seed.isDisabled() && player.batch.isDisabled(), "the start file brings noise and batch");
            player.sample();
        });
        waitFor("the run from the start file", () -> !player.busy() && player.run() != null
                && player.run().start() != null);
        var run = player.run();
        assertEquals(4, run.trajectory().count(), "the start's batch");
        assertEquals(900, (long) run.trajectory().grid().from(0).position());
        assertEquals(new GridOptions(TimestepSpacing.LEADING, 0, GridOptions.FinalAlpha.ONE, GridOptions.StepTo.NEXT),
                run.spec().grid());
        double sum = 0;
        for (float v : run.trajectory().finalSample()) {
            sum += Math.abs(v);
        }
        assertEquals(172.0067, sum, 1e-2, "diffusers' test_full_loop_no_noise");
        String caption = fx(() -> ((javafx.scene.control.Label) robot.lookup("#player-caption").query()).getText());
        assertTrue(caption.contains("deter.npy") && caption.contains("leading"), caption);
        UiTestSupport.screenshot(window.scene().getRoot(), "player-advanced");
    }
}

package org.pdviz.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pdviz.ui.UiTestSupport.fx;
import static org.pdviz.ui.UiTestSupport.waitFor;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.core.model.TimeInput;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.BetaSchedule;
import org.pdviz.core.schedule.DiscreteSchedule;
import org.pdviz.runtime.DiscreteModels;
import org.pdviz.runtime.card.ModelCard;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A diffusers-style file without a card (inputs "sample" and an int64 "timestep", eps) opened in the
 * window: the form asks how it is called and on which schedule, prefilled from the graph; then the
 * player samples it on the trailing timesteps and the curves draw its discrete schedule.
 */
@ExtendWith(ApplicationExtension.class)
class DiscreteModelUiTest {

    MainWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = UiTestSupport.open(stage, PdvizApp.View.LIBRARY);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCardlessDdpmModelIsDescribedInTheFormThenSampledAndDrawn(FxRobot robot) throws Exception {
        double[] table = DiscreteSchedule.of(BetaSchedule.LINEAR, 1000, 1e-4, 0.02).alphaBar();
        Path file = DiscreteModels.gaussian(dir.resolve("ddpm.onnx"), table, DiscreteModels.Time.INT64_INDEX, null);
        fx(() -> window.openFiles(List.of(file)));
        waitFor("the form", () -> robot.lookup("#missing-fields-dialog").tryQuery().isPresent());
        DialogPane form = robot.lookup("#missing-fields-dialog").queryAs(DialogPane.class);
        assertEquals("sample", ((ChoiceBox<String>) form.lookup("#field-sample-input")).getValue());
        assertEquals("timestep", ((ChoiceBox<String>) form.lookup("#field-time-input-name")).getValue());
        ChoiceBox<TimeInput> kind = (ChoiceBox<TimeInput>) form.lookup("#field-time-input");
        assertEquals(TimeInput.INDEX, kind.getValue(), "an int64 time input suggests the timestep index");
        assertEquals("linear", ((ChoiceBox<String>) form.lookup("#field-schedule")).getValue(), "discrete, linear betas");
        fx(() -> ((ChoiceBox<Parameterization>) form.lookup("#field-parameterization")).setValue(Parameterization.EPS));
        assertFalse(form.lookup("#missing-fields-ok").isDisabled());
        // the card's own check speaks in the form
        fx(() -> kind.setValue(TimeInput.T));
        assertTrue(form.lookup("#missing-fields-ok").isDisabled());
        String problem = ((Label) form.lookup("#field-problem")).getText();
        assertTrue(problem.contains("'index' or 'logSnr'"), problem);
        fx(() -> kind.setValue(TimeInput.INDEX));
        assertFalse(form.lookup("#missing-fields-ok").isDisabled());
        UiTestSupport.screenshot(form, "library-missing-fields-discrete");
        robot.clickOn("#missing-fields-ok");
        waitFor("the model in the library", () -> window.context().models.stream()
                .anyMatch(e -> e.file().equals(file.toAbsolutePath().normalize())));
        ModelEntry added = window.context().selected.get();
        ModelCard card = added.card();
        assertEquals(new ModelCard.Inputs("sample", "timestep"), card.inputsValue());
        assertEquals("index", card.timeInput());
        assertEquals(1000, card.scheduleValue().maxSteps());

        fx(() -> window.show(PdvizApp.View.PLAYER));
        PlayerPage player = window.page(PdvizApp.View.PLAYER);
        waitFor("a run of the new model", () -> player.run() != null && !player.busy()
                && player.run().card().name().equals("ddpm"));
        assertEquals(512, player.run().steps());
        assertEquals(999, (long) player.run().level(0).position(), "the first step starts at the last timestep");
        assertEquals(1.0, player.run().level(0).t());

        fx(() -> window.show(PdvizApp.View.CURVES));
        CurvesPage curves = window.page(PdvizApp.View.CURVES);
        waitFor("the discrete curves", () -> fx(() -> curves.canvas().curves().timesteps()) == 1000);
        fx(() -> player.transport.seek(128));
        String readout = fx(curves::readout);
        assertTrue(readout.startsWith("t = 0.7500  (timestep " + (long) player.run().level(128).position() + ")"),
                readout);
        UiTestSupport.screenshot(window.scene().getRoot(), "curves-discrete");
    }
}

package org.pdviz.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pdviz.ui.UiTestSupport.fx;
import static org.pdviz.ui.UiTestSupport.waitFor;

import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.runtime.onnx.OnnxGraph;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12, defect 1: {@code pdviz app --model M.onnx} where M's card has logSnrMin > logSnrMax used
 * to pass the load, then throw on the UI thread (a blank library, "sampling failed"). The card is now
 * refused at load: a dialog names the file and the fields, and the window works on.
 */
@ExtendWith(ApplicationExtension.class)
class BadModelWindowTest {

    @TempDir
    static Path dir;

    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = MainWindow.open(stage, UiTestSupport.home(), PdvizApp.View.LIBRARY, reversedSchedule(dir));
    }

    static Path reversedSchedule(Path dir) throws Exception {
        OnnxGraph g = new OnnxGraph("reversed");
        g.input("z", "B", 2);
        g.input("t", "B");
        g.opNamed("out", "Identity", Map.of(), "z");
        g.output("out", "B", 2);
        String card = "{\"format\": 1, \"name\": \"reversed\", \"dataset\": \"moons\", \"parameterization\": \"x\","
                + " \"schedule\": {\"name\": \"cosine\", \"logSnrMin\": 20, \"logSnrMax\": -20},"
                + " \"dataShape\": [2], \"dataRange\": [-1, 1], \"steps\": null}";
        Path file = dir.resolve("M.onnx");
        OnnxGraph.write(g.model("test", Map.of(ModelCard.METADATA_KEY, card)), file);
        return file;
    }

    @Test
    void aCardWithAReversedLogSnrRangeIsRefusedAndTheWindowWorksOn(FxRobot robot) {
        waitFor("the error dialog", () -> window.context().lastError.get() != null);
        String message = window.context().lastError.get();
        assertTrue(message.contains("M.onnx") && message.contains("logSnrMin") && message.contains("logSnrMax"),
                message);
        assertEquals(1, message.lines().count(), message);
        DialogPane pane = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertEquals(message, pane.getContentText());
        fx(() -> ((Stage) pane.getScene().getWindow()).close());
        // the library is not blank, holds no trace of the file, and every card the views get was checked
        LibraryPage library = window.page(PdvizApp.View.LIBRARY);
        assertTrue(fx(library::listed) > 0);
        assertFalse(window.context().models.stream().anyMatch(e -> e.file().getFileName().toString().equals("M.onnx")));
        assertTrue(window.context().models.stream().allMatch(e -> e.card() == null
                || org.pdviz.runtime.card.CardCheck.problems(e.card()).isEmpty()));
        // the curves draw the selected model's schedule (where the reversed range used to throw)
        fx(() -> window.show(PdvizApp.View.CURVES));
        UiTestSupport.waitFor("the curves", () -> window.page(PdvizApp.View.CURVES) != null);
        assertEquals(message, window.context().lastError.get(), "no further error");
    }
}

package org.pdviz.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pdviz.ui.UiTestSupport.fx;
import static org.pdviz.ui.UiTestSupport.waitFor;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.controlsfx.control.SegmentedButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window as a whole: every view opens, every control explains itself, fonts and themes switch. */
@ExtendWith(ApplicationExtension.class)
class WindowTest {

    MainWindow window;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = UiTestSupport.open(stage, PdvizApp.View.LIBRARY);
    }

    @Test
    void everyControlOnEveryViewHasATooltip(FxRobot robot) {
        for (PdvizApp.View v : PdvizApp.View.values()) {
            robot.clickOn("#nav-" + v.id());
            assertEquals(v, window.current());
            List<String> missing = new ArrayList<>();
            fx(() -> collectMissing(window.scene().getRoot(), missing));
            assertTrue(missing.isEmpty(), v.id() + ": controls without a tooltip: " + missing);
        }
        PlayerPage player = window.page(PdvizApp.View.PLAYER);
        ComparePage compare = window.page(PdvizApp.View.COMPARE);
        // the runs the views started are not what this test checks (on a loaded machine they take minutes):
        // stop them, which a task slot does at the sampler's next step
        fx(() -> {
            player.cancel();
            compare.cancel();
        });
        waitFor("background runs to stop", () -> !player.busy() && !compare.busy());
    }

    /** Controls a user operates; labels and the insides of composite controls (their skins) are not walked. */
    private static void collectMissing(Node n, List<String> missing) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof SplitPane sp) {
            sp.getItems().forEach(c -> collectMissing(c, missing));
        } else if (n instanceof ScrollPane sp) {
            collectMissing(sp.getContent(), missing);
        } else if (n instanceof SegmentedButton sb) {
            sb.getButtons().forEach(c -> collectMissing(c, missing));
        } else if (n instanceof Control c && !(n instanceof Label)) {
            if (c.getTooltip() == null) {
                missing.add(c.getClass().getSimpleName() + (c.getId() == null ? "" : "#" + c.getId()));
            }
        } else if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collectMissing(c, missing));
        }
    }

    @Test
    void fontScalingThemesAndFullScreen(FxRobot robot) {
        String before = window.scene().getRoot().getStyle();
        // each click grows the top bar, which moves the buttons: the next click waits for that layout
        robot.clickOn("#font-larger");
        waitFor("the first step larger", () -> window.context().fontScale.get() == AppContext.FONT_SCALES[3]);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#font-larger");
        waitFor("the second step larger", () -> window.context().fontScale.get() != AppContext.FONT_SCALES[3]);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fontPx() > px(before), window.scene().getRoot().getStyle());
        assertEquals(AppContext.FONT_SCALES[4], window.context().fontScale.get());
        robot.clickOn("#font-smaller");
        waitFor("a step smaller", () -> window.context().fontScale.get() != AppContext.FONT_SCALES[4]);
        assertEquals(AppContext.FONT_SCALES[3], window.context().fontScale.get());
        assertTrue(window.scene().getStylesheets().stream().anyMatch(s -> s.endsWith("styles/light.css")));
        robot.clickOn("#theme");
        assertTrue(window.scene().getStylesheets().stream().anyMatch(s -> s.endsWith("styles/dark.css")),
                window.scene().getStylesheets().toString());
        assertTrue(window.context().dark.get());
        robot.clickOn("#nav-player");
        PlayerPage player = window.page(PdvizApp.View.PLAYER);
        waitFor("the player's run", () -> player.run() != null && !player.busy());
        fx(() -> player.transport.seek(300));
        try {
            UiTestSupport.screenshot(window.scene().getRoot(), "player-dark-large");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        robot.type(javafx.scene.input.KeyCode.F11);
        waitFor("full screen", stage::isFullScreen);
        robot.type(javafx.scene.input.KeyCode.F11);
        waitFor("back from full screen", () -> !stage.isFullScreen());
    }

    @Test
    void theLanguageMenuSwitchesEveryTextAndKeepsThePagesAsTheyAre(FxRobot robot) throws Exception {
        var node = java.util.prefs.Preferences.userRoot().node(System.getProperty("pdviz.prefs", "org/pdviz-tests"));
        robot.clickOn("#nav-curves");
        Page curves = window.page(PdvizApp.View.CURVES);
        var models = window.context().models;
        var chosen = models.get(models.size() - 1);
        fx(() -> window.context().selected.set(chosen));
        robot.clickOn("#language");
        robot.clickOn("#language-zh");
        assertEquals(org.pdviz.app.i18n.Language.ZH, window.context().i18n.language());
        assertEquals("模型库", robot.lookup("#nav-library").queryAs(javafx.scene.control.ToggleButton.class).getText());
        assertEquals("中文", robot.lookup("#language").queryAs(javafx.scene.control.MenuButton.class).getText());
        assertTrue(stage.getTitle().contains("渐进式蒸馏"), stage.getTitle());
        assertTrue(window.scene().getRoot().getStyle().contains("-fx-font-family"), window.scene().getRoot().getStyle());
        assertEquals("zh", node.get("language", null), "the choice is remembered");
        assertTrue(curves == window.page(PdvizApp.View.CURVES) && window.context().selected.get() == chosen,
                "the pages and the selection are kept");
        assertEquals(PdvizApp.View.CURVES, window.current());
        fx(() -> window.setLanguage(org.pdviz.app.i18n.Language.EN));
        assertEquals("Library", robot.lookup("#nav-library").queryAs(javafx.scene.control.ToggleButton.class).getText());
        assertEquals("en", node.get("language", null));
        node.removeNode();
    }

    private double fontPx() {
        return px(window.scene().getRoot().getStyle());
    }

    private static double px(String style) {
        return Double.parseDouble(style.replaceAll(".*-fx-font-size:\\s*([0-9.]+)px.*", "$1"));
    }
}

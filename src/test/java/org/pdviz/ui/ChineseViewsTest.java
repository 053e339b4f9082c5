package org.pdviz.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pdviz.ui.UiTestSupport.fx;
import static org.pdviz.ui.UiTestSupport.waitFor;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToggleButton;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pdviz.app.i18n.Language;
import org.pdviz.app.jobs.Runs;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.ui.lesson.LessonView;
import org.pdviz.ui.phi.PhiView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every view opened in Chinese: its words are Chinese, no label is cut short (a clipped label shows
 * an ellipsis instead of its text), and a screenshot of each is saved as
 * {@code target/screenshots/zh-VIEW.png} for people to look at. The views work on the exact MNIST
 * teacher (a few arithmetic nodes), so nothing waits for a network.
 */
@ExtendWith(ApplicationExtension.class)
class ChineseViewsTest {

    MainWindow window;

    @Start
    void start(Stage stage) {
        window = MainWindow.open(stage, UiTestSupport.home(), PdvizApp.View.LIBRARY, null, Runs.defaultFolder(),
                Language.ZH);
    }

    static boolean chinese(String s) {
        return s != null && s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    @Test
    void everyViewOpensInChineseWithNothingClipped(FxRobot robot) throws Exception {
        AppContext ctx = window.context();
        ModelEntry exact = fx(() -> ctx.models.stream()
                .filter(e -> e.file().getFileName().toString().equals("exact-mnist-class-means.onnx")).findFirst()
                .orElseThrow());
        fx(() -> ctx.selected.set(exact));
        List<String> problems = new ArrayList<>();
        for (PdvizApp.View v : PdvizApp.View.values()) {
            robot.clickOn("#nav-" + v.id());
            ToggleButton nav = robot.lookup("#nav-" + v.id()).queryAs(ToggleButton.class);
            assertTrue(chinese(nav.getText()), v.id() + ": " + nav.getText());
            switch (v) {
                case PLAYER -> {
                    PlayerPage player = window.page(v);
                    waitFor("the player's run", () -> player.run() != null && !player.busy());
                    fx(() -> player.transport.seek(player.run().last() / 2));
                    fx(() -> player.advancedToggle.setSelected(true)); // its row is checked for clipping too
                }
                case COMPARE -> {
                    ComparePage compare = window.page(v);
                    fx(() -> compare.useDefaults(exact));
                    waitFor("the comparison", () -> !compare.runs().isEmpty() && !compare.busy());
                    fx(() -> compare.transport.seek(256));
                }
                case PHI -> {
                    PhiView phi = (PhiView) fx(() -> window.page(v).node().getUserData());
                    waitFor("the phi view", () -> phi.model().readyProperty().get());
                }
                default -> {
                }
            }
            UiTestSupport.screenshot(window.scene().getRoot(), "zh-" + v.id());
            fx(() -> clipped(window.scene().getRoot(), v.id(), problems));
            fx(() -> overflow(window, v.id(), problems));
        }
        robot.clickOn("#nav-lesson");
        LessonView lesson = (LessonView) fx(() -> window.page(PdvizApp.View.LESSON).node().getUserData());
        for (int slide = 0; slide < 9; slide++) { // slides with a computed figure show "computing" here
            int s = slide;
            fx(() -> lesson.show(s));
            assertTrue(chinese(fx(() -> lesson.lesson().step(s).title())));
            WaitForAsyncUtils.waitForFxEvents();
            if (slide == 1 || slide == 7) {
                UiTestSupport.screenshot(window.scene().getRoot(), "zh-lesson-" + (slide + 1));
            }
            fx(() -> clipped(window.scene().getRoot(), "lesson " + (s + 1), problems));
            fx(() -> overflow(window, "lesson " + (s + 1), problems));
        }
        assertTrue(problems.isEmpty(), "labels cut short in Chinese:\n" + String.join("\n", problems));
    }

    /** The page on screen fits the window (a page taller than its room pushes its bottom row out of sight). */
    static void overflow(MainWindow window, String where, List<String> out) {
        Node page = window.page(window.current()).node();
        double bottom = page.localToScene(page.getLayoutBounds()).getMaxY();
        if (bottom > window.scene().getHeight() + 0.5) {
            out.add(where + ": the page reaches y = " + Math.round(bottom) + " in a window " + Math.round(
                    window.scene().getHeight()) + " high");
        }
    }

    /** Visible labels whose text on screen is not their whole text (JavaFX put in an ellipsis). */
    static void clipped(Node n, String where, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            for (Node t : l.getChildrenUnmodifiable()) {
                if (t instanceof Text shown && !shown.getText().equals(l.getText())
                        && shown.getText().endsWith(l.getEllipsisString())) {
                    out.add(where + ": " + (l.getId() == null ? l.getClass().getSimpleName() : "#" + l.getId())
                            + " shows '" + shown.getText() + "' of '" + l.getText() + "'");
                }
            }
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> clipped(c, where, out));
        }
    }
}

package org.pdviz.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pdviz.app.PdvizHome;
import org.pdviz.app.lesson.Lesson;
import org.pdviz.runtime.TestPaths;
import org.pdviz.ui.Screenshots;
import org.pdviz.ui.task.UiExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class LessonViewTest {

    LessonView lesson;
    Stage stage;
    final UiExecutor executor = new UiExecutor();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        lesson = new LessonView(new PdvizHome(TestPaths.home()), executor, new org.pdviz.ui.Localizer(org.pdviz.app.i18n.Language.EN));
        stage.setScene(new Scene(lesson.root(), 1280, 720));
        stage.show();
    }

    @AfterEach
    void close() {
        lesson.close();
        executor.close();
    }

    String counter(FxRobot robot) {
        return robot.lookup("#lesson-counter").queryAs(Label.class).getText();
    }

    void expect(FxRobot robot, int step) {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(step, lesson.current() + 1);
        assertEquals(step + " / 9", counter(robot));
        Lesson.Step s = lesson.lesson().step(step - 1);
        assertEquals(s.title(), robot.lookup("#lesson-title").queryAs(Label.class).getText());
        assertEquals(s.formulas().size(), robot.lookup("#lesson-formulas").queryAs(VBox.class).getChildren().size(),
                "every formula rendered");
    }

    @Test
    void keyboardNavigatesTheSteps(FxRobot robot) {
        expect(robot, 1);
        robot.type(KeyCode.RIGHT);
        expect(robot, 2);
        robot.type(KeyCode.PAGE_DOWN);
        expect(robot, 3);
        robot.type(KeyCode.SPACE);
        expect(robot, 4);
        robot.type(KeyCode.LEFT);
        expect(robot, 3);
        robot.type(KeyCode.PAGE_UP);
        expect(robot, 2);
        robot.type(KeyCode.END);
        expect(robot, 9);
        robot.type(KeyCode.RIGHT);
        expect(robot, 9);
        robot.type(KeyCode.HOME);
        expect(robot, 1);
        robot.type(KeyCode.LEFT);
        expect(robot, 1);
        robot.clickOn("#lesson-next");
        expect(robot, 2);
    }

    /** Walks the whole lesson, waiting for each computed view, and keeps a picture of every slide. */
    @Test
    void everySlideComputesItsLiveView(FxRobot robot) throws Exception {
        // the waits bound a hang, not a speed: on a loaded machine a slide's view takes a minute or more
        for (int step = 1; step <= 9; step++) {
            expect(robot, step);
            WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS,
                    () -> robot.lookup("#lesson-live #computing").tryQuery().isEmpty());
            assertTrue(robot.lookup("#lesson-live #failed").tryQuery().isEmpty(), "slide " + step + " failed");
            if ("phi".equals(lesson.lesson().step(step - 1).live())) {
                WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> robot.lookup("#phi-readout").tryQuery()
                        .map(n -> !((Label) n).getText().isEmpty()).orElse(false));
            }
            WaitForAsyncUtils.waitForFxEvents();
            Screenshots.save(stage.getScene(), String.format("lesson-%02d-%s", step, lesson.lesson().step(step - 1).id()));
            robot.type(KeyCode.PAGE_DOWN);
        }
    }
}

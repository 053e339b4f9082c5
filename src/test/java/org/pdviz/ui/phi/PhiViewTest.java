package org.pdviz.ui.phi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.app.PdvizHome;
import org.pdviz.app.draw.Palette;
import org.pdviz.app.export.Animation;
import org.pdviz.app.export.GifFiles;
import org.pdviz.app.phi.PhiDiagram;
import org.pdviz.app.phi.PhiFrame;
import org.pdviz.app.phi.PhiPoint;
import org.pdviz.app.phi.RotationStep;
import org.pdviz.app.phi.SamplePanel;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.runtime.TestPaths;
import org.pdviz.ui.Screenshots;
import org.pdviz.ui.task.UiExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the phi view with the shipped exact MNIST teacher (512 steps against its own 4-step DDIM). */
@ExtendWith(ApplicationExtension.class)
class PhiViewTest {

    PhiView view;
    Stage stage;
    final UiExecutor executor = new UiExecutor();

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        // the exact teacher by file: the test does not depend on which trained models are shipped
        view = PhiView.open(new PdvizHome(TestPaths.home()),
                TestPaths.home().resolve("models/exact/exact-mnist-class-means.onnx"), executor);
        stage.setScene(new Scene(view.root(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        view.close();
        executor.close();
    }

    void awaitReady() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.model().readyProperty().get());
    }

    void awaitPredictions() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.model().current().hasPredictions());
        WaitForAsyncUtils.waitForFxEvents();
    }

    String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theSliderMovesZOnTheCircleAndTheReadoutsFollow(FxRobot robot) throws Exception {
        awaitReady();
        assertEquals("exact-mnist-class-means", view.model().session().models().teacher().model());
        assertEquals(512, view.model().session().models().teacher().steps());
        assertEquals(4, view.model().session().models().student().steps());
        int before = view.model().index();
        robot.clickOn("#phi-slider .thumb");
        robot.type(KeyCode.RIGHT, 3);
        WaitForAsyncUtils.waitForFxEvents();
        int after = view.model().index();
        assertEquals(before + 24, after, "three block increments of 8 grid steps");
        CosineSchedule s = (CosineSchedule) view.model().session().grid().schedule();
        double phi = view.model().session().grid().phi(after);
        assertEquals(after / 1024.0, view.model().current().level().t(), 0);
        assertEquals("\u03c6 = " + PhiDiagram.degrees(phi, 1), text(robot, "#phi-readout"));
        assertEquals(String.format(Locale.ROOT, "t = %.3f", after / 1024.0), text(robot, "#t-readout"));
        assertEquals(String.format(Locale.ROOT, "log-SNR = %.2f", CosineSchedule.logSnrOfPhi(phi)),
                text(robot, "#logsnr-readout"));
        assertEquals(String.format(Locale.ROOT, "\u03b1 = cos \u03c6 = %.3f", s.alpha(after / 1024.0)),
                text(robot, "#alpha-readout"));

        // the geometry: z on the unit circle at angle phi, v its tangent
        awaitPredictions();
        PhiPoint p = view.model().current();
        assertEquals(Math.cos(phi), p.z().a(), 1e-6);
        assertEquals(Math.sin(phi), p.z().b(), 1e-6);
        assertEquals(0, p.v().dot(p.z()), 1e-6, "v perpendicular to the radius");
        assertEquals(1, p.v().norm(), 1e-6);
        double a = p.level().alpha(), sg = p.level().sigma();
        assertEquals(p.xHat().a(), a * p.z().a() - sg * p.vHat().a(), 1e-4, "x_hat = alpha z - sigma v_hat");
        assertEquals(p.xHat().b(), a * p.z().b() - sg * p.vHat().b(), 1e-4);
        // the read-outs show the model's numbers for the chosen pixel
        assertEquals(String.format(Locale.ROOT, "%+.4f", p.coordinate().xHat()), text(robot, "#value-xhat"));
        assertEquals(String.format(Locale.ROOT, "%+.4f", p.coordinate().z()), text(robot, "#value-z"));
        assertEquals(p.coordinate().z(), a * p.coordinate().x() + sg * p.coordinate().eps(), 1e-5);

        // the drawn point: the z dot sits where the mapping puts (cos phi, sin phi)
        CanvasPane d = view.diagramPane();
        WritableImage img = Screenshots.snapshot(d);
        PhiDiagram.Mapping m = PhiDiagram.mapping(d.getWidth(), d.getHeight());
        int zx = (int) Math.round(m.px(Math.cos(phi))), zy = (int) Math.round(m.py(Math.sin(phi)));
        assertColor(Palette.Z, img.getPixelReader().getArgb(zx, zy), "z dot");
        int xx = (int) Math.round(m.px(p.xHat().a())), xy = (int) Math.round(m.py(p.xHat().b()));
        assertColor(Palette.X_HAT, img.getPixelReader().getArgb(xx, xy), "x_hat dot");
        Screenshots.save(stage.getScene(), "phi-view");

        // the rotations drawn: the 4-step sampler's angles are the phi differences
        for (RotationStep r : view.model().session().studentPath(view.model().sample()).rotations()) {
            assertEquals(r.from().phi() - r.to().phi(), r.angle(), 1e-12);
            assertEquals(s.phiSpan() / 4, r.angle(), 1e-12);
        }
    }

    static void assertColor(int expected, int actual, String what) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = (expected >> shift) & 0xFF, g = (actual >> shift) & 0xFF;
            assertTrue(Math.abs(e - g) < 40, what + ": expected " + Integer.toHexString(expected) + ", drawn "
                    + Integer.toHexString(actual));
        }
    }

    @Test
    void clickingAPixelFollowsIt(FxRobot robot) throws Exception {
        awaitReady();
        CanvasPane panel = view.panel(PhiFrame.Quantity.Z);
        SamplePanel.Box box = SamplePanel.content(panel.getWidth(), panel.getHeight());
        int row = 10, col = 12;
        Point2D at = panel.localToScreen(box.x() + (col + 0.5) * box.w() / 28, box.y() + (row + 0.5) * box.h() / 28);
        robot.clickOn(at);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(row * 28 + col, view.model().coordinate());
        assertEquals("sample 0, pixel (row 10, column 12)", text(robot, "#pixel-label"));
        var set = view.model().session().samples();
        int j = view.model().sample() * 784 + row * 28 + col;
        assertEquals(String.format(Locale.ROOT, "%+.4f", set.x()[j]), text(robot, "#value-x"));
        assertEquals(String.format(Locale.ROOT, "%+.4f", set.eps()[j]), text(robot, "#value-eps"));
        awaitPredictions();
        assertEquals(String.format(Locale.ROOT, "%+.4f", view.model().current().coordinate().vHat()), text(robot, "#value-vhat"));
        assertFalse(text(robot, "#value-epshat").contains("\u2026"));

        // another sample from the strip of the teacher's results
        CanvasPane strip = robot.lookup("#sample-strip").queryAs(CanvasPane.class);
        double cell = Math.min(strip.getWidth() / set.count(), strip.getHeight());
        robot.clickOn(strip.localToScreen(3.5 * cell, cell / 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, view.model().sample());
        assertTrue(text(robot, "#pixel-label").startsWith("sample 3, pixel (row 10, column 12)"));
        Screenshots.save(stage.getScene(), "phi-view-pixel");
    }

    @Test
    void exportsTheScrubAsALoopingGifAndPngFrames(FxRobot robot) throws Exception {
        awaitReady();
        var task = WaitForAsyncUtils.asyncFx(() -> view.model().export(PhiModel.Export.PHI, dir, true, 4)).get();
        // a task's outcome is read on the FX thread
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(task::isDone).get());
        Animation.Written w = WaitForAsyncUtils.asyncFx(task::value).get();
        assertNotNull(w, String.valueOf(WaitForAsyncUtils.asyncFx(task::failure).get()));
        assertEquals(4, w.frames().size());
        for (Path f : w.frames()) {
            assertTrue(Files.size(f) > 1000);
        }
        GifFiles.Info gif = GifFiles.read(w.gif());
        assertEquals(4, gif.frames());
        assertEquals(1280, gif.width());
        assertTrue(gif.loopsForever());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#status").startsWith("wrote 4 frames"), text(robot, "#status"));
    }
}

package org.pdviz.ui.phi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.app.i18n.Language;
import org.pdviz.app.i18n.Texts;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.library.ModelLibrary;
import org.pdviz.app.phi.PhiModelChoice;
import org.pdviz.app.phi.PhiSession;
import org.pdviz.runtime.TestPaths;
import org.pdviz.ui.task.UiExecutor;

/**
 * The phi view's model without a window or the JavaFX toolkit: one thread stands in for the UI
 * thread. The exact MNIST teacher (512 steps) against its own 4-step DDIM.
 */
class PhiModelTest {

    final ExecutorService ui = Executors.newSingleThreadExecutor();
    final UiExecutor executor = new UiExecutor(ui, () -> Texts.of(Language.EN));
    PhiModel model;

    @TempDir
    Path dir;

    @BeforeEach
    void open() throws Exception {
        ModelLibrary library = ModelLibrary.scan(TestPaths.home().resolve("models"));
        ModelEntry teacher = library.add(TestPaths.home().resolve("models/exact/exact-mnist-class-means.onnx"));
        model = onUi(() -> new PhiModel(library, PhiModelChoice.around(library, teacher), executor,
                new org.pdviz.ui.Localizer(Language.EN)));
        waitFor("the first load", () -> model.readyProperty().get());
    }

    @AfterEach
    void close() throws Exception {
        onUi(() -> {
            model.close();
            return null;
        });
        executor.close();
        ui.shutdownNow();
    }

    <T> T onUi(Callable<T> c) throws Exception {
        return ui.submit(c).get(60, TimeUnit.SECONDS);
    }

    void waitFor(String what, BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!onUi(condition::getAsBoolean)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what + "; status: " + onUi(() ->
                        model.statusProperty().get()));
            }
            Thread.sleep(10);
        }
    }

    @Test
    void movingPhiMovesThePictureAndThePredictionsFollow() throws Exception {
        assertEquals("x is the teacher's sample, \u03b5 its starting noise (seed 0)", onUi(() ->
                model.statusProperty().get()));
        assertEquals("few-step", onUi(() -> model.studentLabelProperty().get()), "the teacher's own plain DDIM");
        long before = onUi(() -> model.revisionProperty().get());
        int index = onUi(() -> {
            model.phi.set(model.grid().phi(300));
            return model.index();
        });
        assertEquals(300, index);
        assertTrue(onUi(() -> model.revisionProperty().get()) > before, "the panes are told to repaint");
        waitFor("the predictions at 300", () -> model.current().hasPredictions());
        var p = onUi(model::current);
        assertEquals(300 / 1024.0, p.level().t(), 0);
        double a = p.level().alpha(), s = p.level().sigma();
        assertEquals(p.coordinate().xHat(), a * p.coordinate().z() - s * p.coordinate().vHat(), 1e-4,
                "x_hat = alpha z - sigma v_hat at the followed pixel");

        // the student's predictions are another source, computed on demand; the teacher's stay cached
        onUi(() -> {
            model.source.set(PhiSession.Source.STUDENT);
            return null;
        });
        waitFor("the few-step model's predictions", () -> model.current().hasPredictions());
        assertTrue(onUi(() -> model.session().cached(PhiSession.Source.TEACHER, 300) != null));
    }

    @Test
    void pickingFollowsAPixelAndASampleAndTheSeedReloadsKeepingThem() throws Exception {
        onUi(() -> {
            model.pickPixel(10 * 28 + 12);
            model.pickSample(3);
            return null;
        });
        assertEquals(292, onUi(model::coordinate));
        assertEquals(3, onUi(model::sample));
        assertEquals(292, onUi(() -> model.current().coordinate().index()));
        assertEquals("pixel 784 outside 0..783", assertThrows(java.util.concurrent.ExecutionException.class,
                () -> onUi(() -> {
                    model.pickPixel(784);
                    return null;
                })).getCause().getMessage());

        onUi(() -> {
            model.seed.set(7);
            return null;
        });
        assertFalse(onUi(() -> model.readyProperty().get()), "a new seed samples again");
        waitFor("the reload", () -> model.readyProperty().get());
        assertEquals(7, onUi(() -> model.session().samples().seed()));
        assertEquals(3, onUi(model::sample), "the same shape keeps the sample followed");
        assertEquals(292, onUi(model::coordinate));
    }

    @Test
    void anExportThatCannotWriteSaysWhyInItsOwnWords() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        var task = onUi(() -> model.export(PhiModel.Export.PHI, file, true, 4));
        waitFor("the export", task::isDone);
        String status = onUi(() -> model.statusProperty().get());
        assertTrue(status.startsWith("Could not export the phi scrub to " + file + ": "), status);
        assertFalse(onUi(() -> model.workingProperty().get()));

        var ok = onUi(() -> model.export(PhiModel.Export.TEACHER_SAMPLING, dir.resolve("frames"), false, 3));
        waitFor("the export", ok::isDone);
        assertEquals(3, ok.value().frames().size());
        assertNull(ok.value().gif());
        assertEquals("wrote 3 frames to " + dir.resolve("frames"), onUi(() -> model.statusProperty().get()));
    }
}

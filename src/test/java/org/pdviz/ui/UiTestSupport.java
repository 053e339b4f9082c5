package org.pdviz.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.pdviz.app.PdvizHome;
import org.pdviz.runtime.card.CardJson;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.runtime.onnx.OnnxGraph;
import org.testfx.util.WaitForAsyncUtils;

/** Opening the window in tests, waiting for background work, screenshots and model-file fixtures. */
final class UiTestSupport {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private UiTestSupport() {
    }

    static PdvizHome home() {
        return PdvizHome.locate();
    }

    static Path shipped(String relative) {
        return home().models().resolve(relative);
    }

    static MainWindow open(Stage stage, PdvizApp.View view) {
        return MainWindow.open(stage, home(), view, null);
    }

    /** Waits (up to 60 s) for a condition read on the FX thread. */
    static void waitFor(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> fx(condition::getAsBoolean)); // a loaded 2-core machine
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void fx(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Saves a snapshot of a node as target/screenshots/NAME.png and returns the file. */
    static Path screenshot(Node node, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        WritableImage img = fx(() -> node.snapshot(null, null));
        Path file = SCREENSHOTS.resolve(name + ".png");
        if (!ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        return file;
    }

    /** A file that is not an ONNX model at all. */
    static Path garbage(Path dir) throws IOException {
        Path f = dir.resolve("broken.onnx");
        Files.writeString(f, "this is not a model");
        return f;
    }

    /** A valid ONNX graph with a full card that breaks the model contract (its input is named 'a', not 'z'). */
    static Path wrongContract(Path dir) throws IOException {
        ModelCard card = cardOf(shipped("exact/exact-gaussians8.onnx"));
        OnnxGraph g = new OnnxGraph("wrong");
        g.input("a", "B", 2);
        g.input("t", "B");
        g.opNamed("x", "Identity", Map.of(), "a");
        g.output("x", "B", 2);
        Path f = dir.resolve("wrong-inputs.onnx");
        OnnxGraph.write(g.model("test", Map.of(ModelCard.METADATA_KEY, CardJson.write(card.withName("wrong-inputs")))), f);
        return f;
    }

    /** A card-less identity model whose input leaves the data shape open ([B, D]). */
    static Path openShape(Path dir) throws IOException {
        OnnxGraph g = new OnnxGraph("identity");
        g.input("z", "B", "D");
        g.input("t", "B");
        g.opNamed("out", "Identity", Map.of(), "z");
        g.output("out", "B", "D");
        Path f = dir.resolve("identity.onnx");
        OnnxGraph.write(g.model("test", Map.of()), f);
        return f;
    }

    /** The shipped 2-D exact teacher with its card removed. */
    static Path withoutCard(Path dir) throws IOException {
        var m = OnnxGraph.read(shipped("exact/exact-gaussians8.onnx")).toBuilder().clearMetadataProps().build();
        Path f = dir.resolve("nocard.onnx");
        OnnxGraph.write(m, f);
        return f;
    }

    /**
     * A home whose models/ holds the MNIST class-means teacher and a "student" distilled from it
     * for 4 steps (the same graph with a student's card: the defaults only read cards).
     */
    static PdvizHome homeWithStudent(Path dir) throws IOException {
        Path models = Files.createDirectories(dir.resolve("models/mnist"));
        Path teacherFile = shipped("exact/exact-mnist-class-means.onnx");
        Files.copy(teacherFile, models.resolve("teacher.onnx"));
        ModelCard teacher = cardOf(teacherFile);
        ModelCard student = teacher.withName("class-means-student-4").withSteps(4).withLineage(
                new ModelCard.Lineage(teacher.name(), 7, 1000L, 1L, "2026-01-01T00:00:00Z", 0.01, "test"));
        var proto = OnnxGraph.read(teacherFile).toBuilder().clearMetadataProps()
                .addMetadataProps(ai.onnx.proto.OnnxMl.StringStringEntryProto.newBuilder()
                        .setKey(ModelCard.METADATA_KEY).setValue(CardJson.write(student)))
                .build();
        OnnxGraph.write(proto, models.resolve("student-4.onnx"));
        Files.createDirectories(dir.resolve("assets"));
        Path styles = Files.createDirectories(dir.resolve("styles"));
        try (var css = Files.list(home().styles())) {
            for (Path f : css.toList()) {
                Files.copy(f, styles.resolve(f.getFileName()));
            }
        }
        return new PdvizHome(dir);
    }

    static ModelCard cardOf(Path file) throws IOException {
        var m = OnnxGraph.read(file);
        return m.getMetadataPropsList().stream().filter(p -> p.getKey().equals(ModelCard.METADATA_KEY))
                .map(p -> {
                    try {
                        return CardJson.read(p.getValue());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).findFirst().orElseThrow();
    }
}

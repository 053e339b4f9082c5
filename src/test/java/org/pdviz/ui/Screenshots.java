package org.pdviz.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Saves pictures of views under target/screenshots/ (for people to look at; tests read them back). */
public final class Screenshots {

    public static final Path DIR = Path.of("target", "screenshots");

    private Screenshots() {
    }

    public static Path save(Scene scene, String name) throws IOException, InterruptedException, ExecutionException {
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        return write(img, name);
    }

    public static WritableImage snapshot(Node node) throws InterruptedException, ExecutionException {
        return WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get();
    }

    public static Path write(WritableImage img, String name) throws IOException {
        Files.createDirectories(DIR);
        Path f = DIR.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", f.toFile());
        return f;
    }
}

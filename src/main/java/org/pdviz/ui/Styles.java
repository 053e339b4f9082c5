package org.pdviz.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import org.pdviz.app.PdvizHome;

/** Applies the stylesheet from {@code styles/}. */
final class Styles {
    private Styles() {
    }

    static void apply(Scene scene, PdvizHome home) {
        Path css = home.styles().resolve("pdviz.css");
        if (Files.exists(css)) {
            scene.getStylesheets().add(css.toUri().toString());
        }
    }
}

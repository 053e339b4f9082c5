package org.pdviz.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.pdviz.app.PdvizHome;

/**
 * The look, from {@code styles/}: {@code pdviz.css} (layout and sizes, in em so they follow the
 * font) and one theme, {@code light.css} or {@code dark.css}. The font size is set on the root,
 * so scaling it scales the whole window.
 */
final class Styles {

    static final String BASE = "pdviz.css";
    static final String LIGHT = "light.css";
    static final String DARK = "dark.css";

    private Styles() {
    }

    static void apply(Scene scene, PdvizHome home) {
        apply(scene, home, false);
    }

    static void apply(Scene scene, PdvizHome home, boolean dark) {
        List<String> sheets = new ArrayList<>();
        for (String name : new String[] {BASE, dark ? DARK : LIGHT}) {
            Path css = home.styles().resolve(name);
            if (Files.exists(css)) {
                sheets.add(css.toUri().toString());
            }
        }
        scene.getStylesheets().setAll(sheets);
    }

    static void fontSize(Parent root, double px) {
        root.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", px));
    }
}

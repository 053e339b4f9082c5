package org.pdviz.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.pdviz.app.PdvizHome;
import org.pdviz.app.i18n.Fonts;
import org.pdviz.app.i18n.Language;

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

    /**
     * The root's font size and, for Chinese, the first installed family of {@link Fonts#CJK}
     * (pdviz.css names DejaVu Sans, which has no CJK glyphs; JavaFX would fall back glyph by glyph,
     * but without bold faces). English keeps the stylesheet's family.
     */
    static void font(Parent root, double px, Language language) {
        String size = String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", px);
        String family = language == Language.EN ? null
                : Fonts.first(Fonts.chain(language), javafx.scene.text.Font.getFamilies()).orElse(null);
        root.setStyle(family == null ? size : size + " -fx-font-family: \"" + family + "\";");
    }

    /**
     * The family a language's texts are drawn in on a canvas, as {@link #font} chose it for the
     * window; null (JavaFX's default family) for English.
     */
    static String family(Language language) {
        return language == Language.EN ? null
                : Fonts.first(Fonts.chain(language), javafx.scene.text.Font.getFamilies()).orElse(null);
    }

    /** A canvas font in the window's language's family. */
    static javafx.scene.text.Font canvasFont(Language language, javafx.scene.text.FontWeight weight, double size) {
        return javafx.scene.text.Font.font(family(language), weight, size);
    }
}

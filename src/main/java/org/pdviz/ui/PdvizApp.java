package org.pdviz.ui;

import java.nio.file.Path;
import java.util.Map;
import javafx.application.Application;
import javafx.stage.Stage;
import org.pdviz.app.PdvizHome;
import org.pdviz.app.i18n.Language;
import org.pdviz.app.i18n.LanguagePreference;
import org.pdviz.app.jobs.Runs;
import org.pdviz.core.Identified;

/** The JavaFX application: one window whose pages are the views below. */
public final class PdvizApp extends Application {

    /** The views that {@code pdviz app --view NAME} opens; each is a page of the main window. */
    public enum View implements Identified {
        LIBRARY, PLAYER, COMPARE, CURVES, PHI, LESSON, TRAINER;

        /** Its name in the top bar (bundle key {@code view.ID}). */
        public String titleKey() {
            return "view." + id();
        }

        /** What it shows, for the tooltip (bundle key {@code view.ID.about}). */
        public String aboutKey() {
            return "view." + id() + ".about";
        }

        public static View parse(String id) {
            return Identified.parse(View.class, "view", id);
        }
    }

    private MainWindow window;

    public static void launchWindow(String... args) {
        Application.launch(PdvizApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Map<String, String> named = getParameters().getNamed();
        View view = named.containsKey("view") ? View.parse(named.get("view")) : View.LIBRARY;
        Path model = named.containsKey("model") ? Path.of(named.get("model")) : null;
        Path runs = named.containsKey("runs") ? Path.of(named.get("runs")) : Runs.defaultFolder();
        Language lang = LanguagePreference.user().resolve(named.containsKey("lang") ? Language.parse(named.get("lang")) : null);
        org.pdviz.runtime.card.CardOverrides card = org.pdviz.runtime.card.CardOverrides.NONE;
        if (named.containsKey("card")) {
            try {
                card = org.pdviz.runtime.card.CardOverrides.of(org.pdviz.runtime.card.CardJson.readFile(
                        Path.of(named.get("card"))));
            } catch (org.pdviz.runtime.card.CardException e) {
                throw new IllegalArgumentException(e.getMessage(), e); // checked by pdviz app before the window opens
            }
        }
        window = MainWindow.open(stage, PdvizHome.locate(), view, model, card, runs, lang);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}

package org.pdviz.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javafx.application.Application;
import javafx.stage.Stage;
import org.pdviz.app.PdvizHome;
import org.pdviz.app.jobs.Runs;

/** The JavaFX application: one window whose pages are the views below. */
public final class PdvizApp extends Application {

    /** The views that {@code pdviz app --view NAME} opens; each is a page of the main window. */
    public enum View {
        LIBRARY("Library", "the models, grouped by data set, with their cards"),
        PLAYER("Player", "DDIM sampling frame by frame: z_t, x_hat, eps_hat, v_hat"),
        COMPARE("Compare", "samplers side by side from the same noise, aligned on t"),
        CURVES("Curves", "the schedule and the loss weights against t, with the samplers' time grids"),
        PHI("Phi", "the v-trajectory: z on a circle, v its tangent, DDIM steps as rotations"),
        LESSON("Lesson", "a guided lesson on progressive distillation, for the classroom"),
        TRAINER("Trainer", "distil a teacher into few-step students and watch it: progress, loss, previews");

        private final String title;
        private final String about;

        View(String title, String about) {
            this.title = title;
            this.about = about;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String title() {
            return title;
        }

        public String about() {
            return about;
        }

        public static View parse(String id) {
            for (View v : values()) {
                if (v.id().equalsIgnoreCase(id.trim())) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown view '" + id + "', expected one of "
                    + java.util.Arrays.stream(values()).map(View::id).toList());
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
        window = MainWindow.open(stage, PdvizHome.locate(), view, model, runs);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}

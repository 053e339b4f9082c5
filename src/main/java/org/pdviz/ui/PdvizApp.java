package org.pdviz.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.pdviz.app.PdvizHome;

/** The JavaFX application: one window, the model library beside the views. */
public final class PdvizApp extends Application {

    /** The views that {@code pdviz app --view NAME} opens. */
    public enum View {
        LIBRARY;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static void launchWindow(String... args) {
        Application.launch(PdvizApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Map<String, String> named = getParameters().getNamed();
        PdvizHome home = PdvizHome.locate();
        MainWindow window = new MainWindow(home);
        if (named.containsKey("model")) {
            window.addModel(Path.of(named.get("model")));
        }
        Scene scene = new Scene(window.root(), 1280, 800);
        Styles.apply(scene, home);
        stage.setTitle("pdviz: progressive distillation, step by step");
        stage.setScene(scene);
        stage.show();
    }
}

package org.pdviz.ui.standalone;

import java.util.Locale;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.pdviz.app.PdvizHome;
import org.pdviz.ui.lesson.LessonView;
import org.pdviz.ui.phi.PhiView;

/**
 * Opens the phi view or the lesson on its own, until the main window offers them
 * ({@code pdviz app --view phi|lesson}). Arguments: {@code --view=phi|lesson}, optional
 * {@code --fullscreen}, {@code --width=W --height=H}, for the phi view {@code --model=FILE}, and for the lesson
 * {@code --step=N} (1-based).
 */
public final class ViewLauncher extends Application {

    private static Parent openPhi(PdvizHome home, String model) {
        try {
            return PhiView.open(home, java.nio.file.Path.of(model)).root();
        } catch (org.pdviz.runtime.ModelFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public void start(Stage stage) {
        Map<String, String> named = getParameters().getNamed();
        String view = named.getOrDefault("view", "phi").toLowerCase(Locale.ROOT);
        PdvizHome home = PdvizHome.locate();
        Parent root = switch (view) {
            case "phi" -> named.containsKey("model") ? openPhi(home, named.get("model")) : PhiView.create(home);
            case "lesson" -> LessonView.create(home);
            default -> throw new IllegalArgumentException("--view takes phi or lesson, got '" + view + "'");
        };
        if (root.getUserData() instanceof LessonView lesson && named.containsKey("step")) {
            lesson.show(Math.max(0, Math.min(lesson.lesson().size() - 1, Integer.parseInt(named.get("step")) - 1)));
        }
        double w = Double.parseDouble(named.getOrDefault("width", "1280"));
        double h = Double.parseDouble(named.getOrDefault("height", "800"));
        stage.setScene(new Scene(root, w, h));
        stage.setTitle(view.equals("phi") ? "pdviz: the v-trajectory" : "pdviz: progressive distillation, a lesson");
        if (getParameters().getUnnamed().contains("--fullscreen") || named.containsKey("fullscreen")) {
            stage.setFullScreen(true);
        }
        stage.setOnHidden(e -> {
            if (root.getUserData() instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing on exit: nothing to report
                }
            } else if (root.getUserData() instanceof PhiView v) {
                v.close();
            }
        });
        stage.show();
    }
}

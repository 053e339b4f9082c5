package org.pdviz.ui.phi;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import org.pdviz.app.PdvizHome;
import org.pdviz.app.i18n.Language;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.library.ModelLibrary;
import org.pdviz.app.phi.PhiFrame;
import org.pdviz.app.phi.PhiModelChoice;
import org.pdviz.ui.Localizer;
import org.pdviz.ui.task.UiExecutor;

/**
 * The v-trajectory view: scrub the angle phi and watch z move on the circle in the plane of x and
 * eps, v its tangent, the model's predictions there, and the teacher's many small rotations beside
 * the student's few big ones. The state and the commands are the {@link PhiModel}'s; this class
 * lays out the panes bound to it (toolbar, pictures, scrub bar) and handles the keys.
 *
 * <p>Place {@link #root()} in any window; close the view with it.
 */
public final class PhiView implements AutoCloseable {

    private final PhiModel model;
    private final BorderPane root = new BorderPane();
    private final PhiToolbar toolbar;
    private final PhiPanels panels;
    private final PhiScrubBar scrubBar;
    private Path exportDir;

    /**
     * A view around a model file (added to the library): a teacher against its student or its own
     * 4-step DDIM, a student against its teacher.
     *
     * @throws org.pdviz.runtime.ModelFileException when the file is not a usable model
     */
    public static PhiView open(PdvizHome home, Path model, UiExecutor executor)
            throws org.pdviz.runtime.ModelFileException {
        ModelLibrary library = ModelLibrary.scan(home.models());
        ModelEntry picked = library.add(model);
        return new PhiView(library, PhiModelChoice.around(library, picked), executor);
    }

    /** A view of {@code choice} (null: none in the library); its background work runs on {@code executor}. */
    public PhiView(ModelLibrary library, PhiModelChoice choice, UiExecutor executor) {
        this(library, choice, executor, new Localizer(Language.EN));
    }

    /** As above, its words in {@code i18n}'s language (the window's): a change of language repaints, nothing reloads. */
    public PhiView(ModelLibrary library, PhiModelChoice choice, UiExecutor executor, Localizer i18n) {
        this.model = new PhiModel(library, choice, executor, i18n);
        this.toolbar = new PhiToolbar(model, this::chooseAndExport);
        this.panels = new PhiPanels(model);
        this.scrubBar = new PhiScrubBar(model);
        root.getStyleClass().add("phi-view");
        root.getStylesheets().add(PhiView.class.getResource("phi.css").toExternalForm());
        root.setTop(toolbar);
        root.setCenter(panels);
        root.setBottom(scrubBar);
        root.setUserData(this);
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                model.togglePlay();
                e.consume();
            } else if (new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN).match(e)) {
                chooseAndExport(PhiModel.Export.PHI);
                e.consume();
            }
        });
    }

    public Parent root() {
        return root;
    }

    public PhiModel model() {
        return model;
    }

    private void chooseAndExport(PhiModel.Export what) {
        if (model.session() == null) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(model.i18n().get("phi.export.chooser"));
        if (exportDir != null) {
            chooser.setInitialDirectory(exportDir.toFile());
        }
        java.io.File dir = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (dir != null) {
            exportDir = dir.toPath();
            model.export(what, dir.toPath(), true);
        }
    }

    /** Hides the title and model rows, for a view embedded in a lesson slide. */
    public void setCompact(boolean compact) {
        for (Node n : new Node[] {toolbar, panels.lower, scrubBar.statusRow}) {
            n.setVisible(!compact);
            n.setManaged(!compact);
        }
        // type follows the slide's (the lesson scales its font with the window)
        root.setStyle(compact ? "-fx-font-size: 0.7em;" : "");
        for (Label l : new Label[] {scrubBar.alphaLabel, scrubBar.sigmaLabel}) {
            l.setVisible(!compact);
            l.setManaged(!compact);
        }
        panels.right.setPrefWidth(compact ? 400 : 540);
        panels.right.setMinWidth(compact ? 300 : 420);
    }

    /** The diagram of the plane of x and eps (tests read its pixels). */
    public CanvasPane diagramPane() {
        return panels.diagram;
    }

    public CanvasPane panel(PhiFrame.Quantity q) {
        return panels.panels[q.ordinal()];
    }

    /** Stops the background work and closes the models. */
    @Override
    public void close() {
        model.close();
    }
}

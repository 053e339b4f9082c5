package org.pdviz.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.pdviz.app.PdvizHome;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.library.ModelLibrary;
import org.pdviz.app.render.SamplePlots;
import org.pdviz.core.ddim.DdimSampler;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.ddim.SamplingMonitor;
import org.pdviz.core.ddim.Trajectory;
import org.pdviz.runtime.ModelFileException;
import org.pdviz.runtime.OnnxDenoiser;

/** The library on the left; the selected model's card and a preview of its samples on the right. */
final class MainWindow {

    private final ModelLibrary library;
    private final TreeView<Object> tree = new TreeView<>();
    private final Label card = new Label("Pick a model on the left.");
    private final ImageView preview = new ImageView();
    private final ProgressBar progress = new ProgressBar(0);
    private final BorderPane root = new BorderPane();

    MainWindow(PdvizHome home) {
        library = ModelLibrary.scan(home.models());
        tree.setShowRoot(false);
        tree.setCellFactory(v -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item instanceof ModelEntry e
                        ? e.name() + (e.steps() == null ? "  (teacher)" : "  (" + e.steps() + " steps)") : item.toString());
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.getValue() instanceof ModelEntry e) {
                show(e);
            }
        });
        refresh();
        progress.setVisible(false);
        VBox right = new VBox(12, card, progress, preview);
        right.setPadding(new Insets(16));
        SplitPane split = new SplitPane(tree, right);
        split.setDividerPositions(0.25);
        root.setCenter(split);
    }

    Parent root() {
        return root;
    }

    void addModel(Path file) {
        try {
            library.add(file);
            refresh();
        } catch (ModelFileException e) {
            new Alert(Alert.AlertType.ERROR, e.getMessage()).show();
        }
    }

    private void refresh() {
        TreeItem<Object> top = new TreeItem<>("models");
        for (Map.Entry<String, List<ModelEntry>> g : library.byDataset().entrySet()) {
            TreeItem<Object> group = new TreeItem<>(g.getKey());
            group.setExpanded(true);
            g.getValue().forEach(e -> group.getChildren().add(new TreeItem<>(e)));
            top.getChildren().add(group);
        }
        tree.setRoot(top);
    }

    private void show(ModelEntry e) {
        card.setText(e.card() == null ? e.file().toString() : e.card().name() + "\n" + e.card().description());
        int steps = e.steps() != null ? e.steps() : 64;
        Task<Trajectory> task = new Task<>() {
            @Override
            protected Trajectory call() throws Exception {
                try (OnnxDenoiser d = OnnxDenoiser.open(e.file())) {
                    int count = d.shape().isImage() ? 64 : 1000;
                    return new DdimSampler(d.card().scheduleValue()).sample(d.card().name(), d,
                            new SamplerSettings(steps, 0, count, null, SamplerSettings.Recording.FINAL),
                            new SamplingMonitor() {
                                @Override
                                public void stepDone(int done, int total) {
                                    updateProgress(done, total);
                                }
                            });
                }
            }
        };
        progress.progressProperty().bind(task.progressProperty());
        progress.visibleProperty().bind(task.runningProperty());
        task.setOnSucceeded(ev -> {
            Trajectory tr = task.getValue();
            preview.setImage(javafx.embed.swing.SwingFXUtils.toFXImage(SamplePlots.samples(tr.model() + ", "
                    + steps + " steps", tr.finalSample(), tr.count(), tr.shape(), e.card().rangeValue()), null));
        });
        task.setOnFailed(ev -> card.setText(card.getText() + "\n" + task.getException().getMessage()));
        Thread th = new Thread(task, "sample-preview");
        th.setDaemon(true);
        th.start();
    }
}

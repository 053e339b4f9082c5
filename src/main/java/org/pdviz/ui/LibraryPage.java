package org.pdviz.ui;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.pdviz.app.library.ModelChoice;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.runtime.card.ModelCard;

/** The model library: models grouped by data set on the left, the selected model's card on the right. */
final class LibraryPage implements Page {

    private final AppContext ctx;
    private final TreeView<Object> tree = new TreeView<>();
    private final Label title = new Label("Pick a model on the left");
    private final Label description = new Label();
    private final GridPane fields = new GridPane();
    private final Button toPlayer = Tips.tip(new Button("Open in player"), "library-play",
            "Sample this model step by step in the player");
    private final Button toCompare = Tips.tip(new Button("Compare"), "library-compare",
            "Side by side from the same noise: the teacher at 512 steps, the student, the teacher's plain few-step DDIM");
    private final Button open = Tips.tip(new Button("Open model file\u2026"), "library-open",
            "Add any .onnx model from disk (or drop files on the window)");
    private final SplitPane root;
    private boolean updating;

    LibraryPage(AppContext ctx, Runnable chooseFiles) {
        this.ctx = ctx;
        tree.setId("library-tree");
        tree.setShowRoot(false);
        tree.setCellFactory(v -> new TreeCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("group");
                if (empty || item == null) {
                    setText(null);
                } else if (item instanceof ModelEntry e) {
                    setText(ModelChoice.displayName(ctx.models, e) + "   " + role(e));
                } else {
                    setText(item.toString());
                    getStyleClass().add("group");
                }
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!updating && b != null && b.getValue() instanceof ModelEntry e) {
                ctx.selected.set(e);
            }
        });
        Tips.tip(tree, "Shipped models and the files you added, grouped by data set");
        ctx.models.addListener((javafx.collections.ListChangeListener<ModelEntry>) c -> rebuild());
        ctx.selected.addListener((o, a, b) -> {
            selectInTree(b);
            showCard(b);
        });
        open.setOnAction(e -> chooseFiles.run());
        toPlayer.setOnAction(e -> ctx.navigate(PdvizApp.View.PLAYER));
        toCompare.setOnAction(e -> {
            ComparePage compare = ctx.page(PdvizApp.View.COMPARE);
            compare.useDefaults(ctx.selected.get());
            ctx.navigate(PdvizApp.View.COMPARE);
        });
        Label hint = new Label("or drop .onnx files anywhere on the window");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        VBox left = new VBox(8, tree, open, hint);
        VBox.setVgrow(tree, Priority.ALWAYS);
        left.setPadding(new Insets(10));
        title.getStyleClass().add("page-title");
        title.setId("card-title");
        description.setWrapText(true);
        description.getStyleClass().add("card-description");
        fields.setId("card-fields");
        fields.getStyleClass().add("card-fields");
        fields.setHgap(18);
        fields.setVgap(6);
        HBox actions = new HBox(10, toPlayer, toCompare);
        VBox right = new VBox(14, title, description, fields, actions);
        right.setPadding(new Insets(18));
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        root = new SplitPane(left, scroll);
        root.setDividerPositions(0.3);
        rebuild();
        showCard(ctx.selected.get());
    }

    static String role(ModelEntry e) {
        if (e.card() == null) {
            return "(no card)";
        }
        return e.isStudent() ? "student, " + e.steps() + (e.steps() == 1 ? " step" : " steps") : "teacher";
    }

    private void rebuild() {
        updating = true;
        try {
            TreeItem<Object> top = new TreeItem<>("models");
            Map<String, List<ModelEntry>> groups = ctx.models.stream()
                    .collect(Collectors.groupingBy(ModelEntry::dataset, java.util.LinkedHashMap::new, Collectors.toList()));
            for (Map.Entry<String, List<ModelEntry>> g : groups.entrySet()) {
                TreeItem<Object> group = new TreeItem<>(g.getKey());
                group.setExpanded(true);
                g.getValue().forEach(e -> group.getChildren().add(new TreeItem<>(e)));
                top.getChildren().add(group);
            }
            tree.setRoot(top);
        } finally {
            updating = false;
        }
        selectInTree(ctx.selected.get());
    }

    private void selectInTree(ModelEntry e) {
        if (tree.getRoot() == null || e == null) {
            return;
        }
        updating = true;
        try {
            for (TreeItem<Object> g : tree.getRoot().getChildren()) {
                for (TreeItem<Object> m : g.getChildren()) {
                    if (m.getValue().equals(e)) {
                        tree.getSelectionModel().select(m);
                        return;
                    }
                }
            }
        } finally {
            updating = false;
        }
    }

    /** Number of models listed in the tree. */
    int listed() {
        return tree.getRoot() == null ? 0 : tree.getRoot().getChildren().stream().mapToInt(g -> g.getChildren().size()).sum();
    }

    /** The data-set groups in the tree. */
    List<String> groups() {
        return tree.getRoot().getChildren().stream().map(g -> g.getValue().toString()).toList();
    }

    GridPane fields() {
        return fields;
    }

    private void showCard(ModelEntry e) {
        fields.getChildren().clear();
        toPlayer.setDisable(e == null);
        toCompare.setDisable(e == null);
        if (e == null) {
            title.setText("Pick a model on the left");
            description.setText("Each model's card says what it is: its data, what its output means, how many steps it"
                    + " was distilled for and where it came from.");
            return;
        }
        ModelCard c = e.card();
        title.setText(e.name());
        if (c == null) {
            description.setText("This file has no model card. Open it with 'Open model file' to give the missing fields.");
            row(0, "File", e.file().toString());
            toPlayer.setDisable(true);
            toCompare.setDisable(true);
            return;
        }
        description.setText(c.description() == null ? "" : c.description());
        int r = 0;
        r = row(r, "Data set", c.dataset());
        r = row(r, "Role", e.isStudent() ? "student: distilled for " + c.steps() + " sampling steps"
                : "teacher: sampled with any number of steps (default " + ModelChoice.TEACHER_STEPS + ")");
        r = row(r, "Parameterisation", c.parameterization() + "  (" + meaning(c.parameterization()) + ")");
        r = row(r, "Data shape", java.util.Arrays.toString(c.dataShape()) + ", range " + c.rangeValue().lo() + " to "
                + c.rangeValue().hi());
        r = row(r, "Schedule", (c.schedule() == null ? "cosine" : c.schedule().name()) + ", log-SNR clipped to ["
                + c.scheduleValue().logSnrMin() + ", " + c.scheduleValue().logSnrMax() + "]");
        if (c.family() != null) {
            r = row(r, "Network", c.family().name() + (c.family().params().isEmpty() ? "" : "  " + c.family().params()));
        }
        ModelCard.Lineage l = c.lineage();
        if (l != null) {
            r = row(r, "Parent", l.parent() == null ? "none (trained from data or exact)" : l.parent()
                    + (l.round() == null ? "" : ", round " + l.round()));
            if (l.iterations() != null) {
                r = row(r, "Iterations", String.format("%,d", l.iterations()));
            }
            if (l.finalLoss() != null) {
                r = row(r, "Final loss", String.format("%.5g", l.finalLoss()));
            }
            if (l.seed() != null) {
                r = row(r, "Seed", l.seed().toString());
            }
            if (l.created() != null) {
                r = row(r, "Created", l.created());
            }
            if (l.command() != null) {
                r = row(r, "Made by", l.command());
            }
            if (l.data() != null) {
                r = row(r, "Data", l.data().describe());
            }
        }
        r = row(r, "File", e.file() + String.format("  (%,d bytes)", e.bytes()));
    }

    private static String meaning(String p) {
        return switch (p) {
            case "x" -> "predicts the clean data x";
            case "eps" -> "predicts the noise \u03B5";
            case "v" -> "predicts v = \u03B1\u03B5 \u2212 \u03C3x";
            case "both" -> "predicts x and \u03B5, mixed with weight \u03C3\u00B2 on x";
            default -> "?";
        };
    }

    private int row(int r, String key, String value) {
        Label k = new Label(key);
        k.getStyleClass().add("card-key");
        k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.setWrapText(true);
        v.getStyleClass().add("card-value");
        fields.addRow(r, k, v);
        return r + 1;
    }

    @Override
    public PdvizApp.View view() {
        return PdvizApp.View.LIBRARY;
    }

    @Override
    public Node node() {
        return root;
    }
}

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
import org.pdviz.app.i18n.Texts;
import org.pdviz.app.library.ModelChoice;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.core.schedule.BetaSchedule;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.core.schedule.Schedule;
import org.pdviz.runtime.card.ModelCard;

/** The model library: models grouped by data set on the left, the selected model's card on the right. */
final class LibraryPage implements Page {

    private final AppContext ctx;
    private final TreeView<Object> tree = new TreeView<>();
    private final Label title = new Label();
    private final Label description = new Label();
    private final GridPane fields = new GridPane();
    private final Button toPlayer = new Button();
    private final Button toCompare = new Button();
    private final Button open = new Button();
    private final SplitPane root;
    private boolean updating;

    LibraryPage(AppContext ctx, Runnable chooseFiles) {
        this.ctx = ctx;
        Localizer t = ctx.i18n;
        Tips.tip(t.bind(toPlayer, "library.play"), "library-play", t.text("library.play.tip"));
        Tips.tip(t.bind(toCompare, "library.compare"), "library-compare", t.text("library.compare.tip"));
        Tips.tip(t.bind(open, "library.open"), "library-open", t.text("library.open.tip"));
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
                    setText(ModelChoice.displayName(ctx.models, e) + "   " + role(t.texts(), e));
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
        Tips.tip(tree, t.text("library.tree.tip"));
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
        Label hint = t.bind(new Label(), "library.drop.hint");
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
        t.onChange(() -> {
            tree.refresh();
            showCard(ctx.selected.get());
        });
    }

    /** A model's role in a few words: teacher, student with its steps, or no card. */
    static String role(Texts t, ModelEntry e) {
        if (e.card() == null) {
            return t.get("model.role.no_card");
        }
        return e.isStudent() ? t.format(e.steps() == 1 ? "model.role.student.one" : "model.role.student", e.steps())
                : t.get("model.role.teacher");
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

    /** The card in the current language (derived from the entry: redrawn when the language changes). */
    private void showCard(ModelEntry e) {
        Texts t = ctx.i18n.texts();
        fields.getChildren().clear();
        toPlayer.setDisable(e == null);
        toCompare.setDisable(e == null);
        if (e == null) {
            title.setText(t.get("library.pick"));
            description.setText(t.get("library.pick.about"));
            return;
        }
        ModelCard c = e.card();
        title.setText(e.name());
        if (c == null) {
            description.setText(t.get("library.no_card"));
            row(0, t.get("library.card.file"), e.file().toString());
            toPlayer.setDisable(true);
            toCompare.setDisable(true);
            return;
        }
        description.setText(c.description() == null ? "" : c.description());
        int r = 0;
        r = row(r, t.get("library.card.dataset"), c.dataset());
        r = row(r, t.get("library.card.role"), e.isStudent() ? t.format("library.card.role.student", c.steps())
                : t.format("library.card.role.teacher", ModelChoice.TEACHER_STEPS));
        r = row(r, t.get("library.card.parameterization"), c.parameterization() + "  (" + meaning(t, c.parameterization()) + ")");
        r = row(r, t.get("library.card.shape"), t.format("library.card.shape.value", java.util.Arrays.toString(c.dataShape()),
                c.rangeValue().lo(), c.rangeValue().hi()));
        r = row(r, t.get("library.card.schedule"), schedule(t, c));
        r = row(r, t.get("library.card.time"), t.format("library.card.time.value", c.timeInputValue().id(),
                c.inputsValue().z(), c.inputsValue().t()));
        if (c.family() != null) {
            r = row(r, t.get("library.card.network"), c.family().name()
                    + (c.family().params().isEmpty() ? "" : "  " + c.family().params()));
        }
        ModelCard.Lineage l = c.lineage();
        if (l != null) {
            r = row(r, t.get("library.card.parent"), l.parent() == null ? t.get("library.card.parent.none")
                    : l.round() == null ? l.parent() : t.format("library.card.parent.round", l.parent(), l.round()));
            if (l.iterations() != null) {
                r = row(r, t.get("library.card.iterations"), String.format("%,d", l.iterations()));
            }
            if (l.finalLoss() != null) {
                r = row(r, t.get("library.card.loss"), String.format("%.5g", l.finalLoss()));
            }
            if (l.seed() != null) {
                r = row(r, t.get("library.card.seed"), l.seed().toString());
            }
            if (l.created() != null) {
                r = row(r, t.get("library.card.created"), l.created());
            }
            if (l.command() != null) {
                r = row(r, t.get("library.card.command"), l.command());
            }
            if (l.data() != null) {
                r = row(r, t.get("library.card.data"), data(t, l.data()));
            }
        }
        r = row(r, t.get("library.card.file"), t.format("library.card.file.value", e.file(), String.format("%,d", e.bytes())));
    }

    /** What a parameterisation means, in words (the symbols stay symbols). */
    /** The schedule in the window's language: the cosine one's range, or a discrete one's betas or table and T. */
    static String schedule(Texts t, ModelCard c) {
        ModelCard.ScheduleSpec spec = c.schedule() == null ? ModelCard.ScheduleSpec.of(CosineSchedule.CLIPPED)
                : c.schedule();
        Schedule s = spec.value();
        if (s instanceof CosineSchedule cos) {
            return t.format("library.card.schedule.value", CosineSchedule.NAME, cos.logSnrMin(), cos.logSnrMax());
        }
        int steps = s.maxSteps();
        if (spec.alphasCumprod() != null) {
            return t.format("library.card.schedule.table", steps);
        }
        BetaSchedule b = BetaSchedule.parse(spec.betas());
        return b.usesRange() ? t.format("library.card.schedule.discrete", b.id(), spec.betaStart(), spec.betaEnd(), steps)
                : t.format("library.card.schedule.squaredcos", b.id(), steps);
    }

    static String meaning(Texts t, String p) {
        return switch (p) {
            case "x" -> t.get("model.param.x");
            case "eps" -> t.get("model.param.eps");
            case "v" -> t.get("model.param.v");
            case "both" -> t.get("model.param.both");
            default -> "?";
        };
    }

    /** The data a model learned from: file (or source), samples, hash, normalisation, note. */
    private static String data(Texts t, ModelCard.DataOrigin d) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (d.count() != null) {
            parts.add(t.format("library.data.samples", String.format("%,d", d.count())));
        }
        if (d.sha256() != null) {
            parts.add("sha256 " + d.sha256().substring(0, Math.min(12, d.sha256().length())) + "...");
        }
        if (d.normalization() != null) {
            parts.add(t.get("library.data.normalised"));
        }
        String source = d.file() != null ? d.file() : switch (d.source()) {
            case "points" -> t.get("library.data.source.points");
            case "teacher-samples" -> t.get("library.data.source.teacher_samples");
            default -> d.source();
        };
        String line = t.format("library.data.value", source, String.join(t.get("list.separator"), parts));
        return d.note() == null ? line : line + t.get("punct.colon") + d.note();
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

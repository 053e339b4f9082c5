package org.pdviz.ui;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.pdviz.app.library.ModelEntry;

/**
 * The trainer panel's settings on screen, bound to {@link TrainerSettings}: one section per job
 * source (a teacher of the library; a 2-D teacher trained here), then the distillation and where it
 * runs. A new source adds its section to {@link #sources} with {@link #section}.
 */
final class TrainerForm extends VBox {

    private final TrainerModel model;
    final ComboBox<ModelEntry> teacher;
    private final Spinner<Integer> width;
    private final Spinner<Integer> depth;
    private final Spinner<Integer> teacherIterations;
    private final Spinner<Integer> iterations;
    private final Spinner<Integer> batch;
    private final Spinner<Integer> seed;
    private final Spinner<Integer> threads;
    final Button changeRuns = new Button();
    private final Localizer t;
    /** The sections of the job sources, in the order shown. */
    final VBox sources = new VBox(12);

    TrainerForm(TrainerModel model) {
        super(12);
        this.model = model;
        this.t = model.ctx.i18n;
        teacher = Controls.modelBox(t, "trainer-teacher", t.text("trainer.teacher.tip"));
        width = Controls.intSpinner("trainer-width", 8, 4096, 256, t.text("trainer.width.tip"), 4);
        depth = Controls.intSpinner("trainer-depth", 1, 16, 3, t.text("trainer.depth.tip"), 3);
        teacherIterations = Controls.intSpinner("trainer-teacher-iterations", 1, 10_000_000, 10_000,
                t.text("trainer.teacher_iterations.tip"), 6);
        iterations = Controls.intSpinner("trainer-iterations", 1, 10_000_000, 1000, t.text("trainer.iterations.tip"), 6);
        batch = Controls.intSpinner("trainer-batch", 1, 65_536, 512, t.text("trainer.batch.tip"), 5);
        seed = Controls.intSpinner("trainer-seed", 0, Integer.MAX_VALUE, 0, t.text("trainer.seed.tip"), 5);
        threads = Controls.intSpinner("trainer-threads", 1, TrainerSettings.maxThreads(), 1, t.text("trainer.threads.tip"), 3);
        Tips.tip(t.bind(changeRuns, "trainer.runs.change"), "trainer-runs-change", t.text("trainer.runs.change.tip"));
        TrainerSettings s = model.settings;
        getStyleClass().add("trainer-form");
        setPadding(new Insets(10, 12, 10, 12));
        sources.getChildren().addAll(teacherSection(s), trainSection(s));
        getChildren().addAll(sources, distillSection(s), runSection(s));
    }

    /** A titled section of the form ({@code titleKey}: its title's text). */
    VBox section(String titleKey, Node... content) {
        Label head = t.bind(new Label(), titleKey);
        head.getStyleClass().add("section-title");
        VBox box = new VBox(6, head);
        box.getChildren().addAll(content);
        box.getStyleClass().add("trainer-section");
        return box;
    }

    private VBox teacherSection(TrainerSettings s) {
        teacher.setItems(s.teachers);
        teacher.valueProperty().bindBidirectional(s.teacher);
        teacher.setMaxWidth(Double.MAX_VALUE);
        Label note = new Label();
        note.textProperty().bind(s.teacherNoteProperty());
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        note.setId("trainer-teacher-note");
        HBox fresh = new HBox(6, label(t, "trainer.fresh.width"), Controls.bind(width, s.width),
                label(t, "trainer.fresh.depth"), Controls.bind(depth, s.depth));
        fresh.setAlignment(Pos.CENTER_LEFT);
        fresh.visibleProperty().bind(s.freshMlpProperty());
        fresh.managedProperty().bind(fresh.visibleProperty());
        return section("trainer.section.teacher", teacher, note, fresh);
    }

    private VBox trainSection(TrainerSettings s) {
        ChoiceBox<String> data = Tips.tip(new ChoiceBox<>(s.dataSets), "trainer-data", t.text("trainer.data.tip"));
        data.valueProperty().bindBidirectional(s.data);
        Button train = Tips.tip(t.bind(new Button(), "trainer.train"), "trainer-train-teacher", t.text("trainer.train.tip"));
        train.setOnAction(e -> {
            commit();
            model.trainTeacher();
        });
        HBox row = new HBox(6, data, label(t, "trainer.iterations.word"), Controls.bind(teacherIterations,
                s.teacherIterations));
        row.setAlignment(Pos.CENTER_LEFT);
        return section("trainer.section.train", row, train);
    }

    private VBox distillSection(TrainerSettings s) {
        ComboBox<Integer> from = Tips.tip(new ComboBox<>(s.fromChoices), "trainer-from", t.text("trainer.from.tip"));
        ComboBox<Integer> to = Tips.tip(new ComboBox<>(s.toChoices()), "trainer-to", t.text("trainer.to.tip"));
        from.valueProperty().bindBidirectional(s.from);
        to.valueProperty().bindBidirectional(s.to);
        from.setMinWidth(Region.USE_PREF_SIZE);
        to.setMinWidth(Region.USE_PREF_SIZE);
        TextField lr = Tips.tip(new TextField(), "trainer-lr", t.text("trainer.lr.tip"));
        lr.setTextFormatter(new TextFormatter<>(c -> c.getControlNewText().matches("[0-9.eE+-]{0,16}") ? c : null));
        lr.setPrefColumnCount(6);
        lr.textProperty().bindBidirectional(s.lr);
        ChoiceBox<String> weighting = Tips.tip(new ChoiceBox<>(s.weightings), "trainer-weighting",
                t.text("trainer.weighting.tip"));
        weighting.valueProperty().bindBidirectional(s.weighting);
        GridPane grid = grid();
        int r = 0;
        grid.addRow(r++, label(t, "trainer.steps"), hbox(from, new Label("\u2192"), to));
        grid.addRow(r++, label(t, "trainer.iterations"), Controls.bind(iterations, s.iterations));
        grid.addRow(r++, label(t, "player.batch"), Controls.bind(batch, s.batch));
        grid.addRow(r++, label(t, "trainer.lr"), lr);
        grid.addRow(r++, label(t, "trainer.weighting"), weighting);
        grid.addRow(r, label(t, "player.seed"), Controls.bind(seed, s.seed));
        return section("trainer.section.distill", grid);
    }

    private VBox runSection(TrainerSettings s) {
        ComboBox<String> device = Tips.tip(new ComboBox<>(s.devices()), "trainer-device", t.text("trainer.device.tip"));
        device.valueProperty().bindBidirectional(s.device);
        Label deviceNote = new Label();
        deviceNote.textProperty().bind(s.deviceNoteProperty());
        deviceNote.setWrapText(true);
        deviceNote.getStyleClass().add("hint");
        deviceNote.setId("trainer-device-note");
        TextField runName = Tips.tip(new TextField(), "trainer-run-name", t.text("trainer.run_name.tip"));
        runName.setPrefColumnCount(14);
        runName.textProperty().bindBidirectional(s.runName);
        Label runsFolder = new Label();
        runsFolder.textProperty().bind(Bindings.createStringBinding(() -> String.valueOf(
                model.runsFolderProperty().get()), model.runsFolderProperty()));
        runsFolder.getStyleClass().add("hint");
        runsFolder.setId("trainer-runs-folder");
        runsFolder.setWrapText(true);
        GridPane grid = grid();
        int r = 0;
        grid.addRow(r++, label(t, "trainer.device"), device);
        grid.add(deviceNote, 0, r++, 2, 1);
        grid.addRow(r++, label(t, "trainer.threads"), Controls.bind(threads, s.threads));
        grid.addRow(r++, label(t, "trainer.run_name"), runName);
        grid.addRow(r++, label(t, "trainer.runs"), changeRuns);
        grid.add(runsFolder, 0, r, 2, 1);
        return section("trainer.section.run", grid);
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(5);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(keys, values);
        return g;
    }

    private static HBox hbox(Node... nodes) {
        HBox h = new HBox(6, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    /** A field's name in the form. */
    static Label label(Localizer t, String key) {
        Label l = t.bind(new Label(), key);
        l.getStyleClass().add("field-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** Commits numbers still being typed into the spinners (before a job reads the settings). */
    void commit() {
        for (Spinner<Integer> s : List.of(width, depth, teacherIterations, iterations, batch, seed, threads)) {
            Controls.commit(s);
        }
    }
}

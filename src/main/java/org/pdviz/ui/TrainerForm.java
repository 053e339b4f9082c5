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
    final ComboBox<ModelEntry> teacher = Controls.modelBox("trainer-teacher",
            "The teacher to distil: any model of the library with a card. One of our networks (mlp, unet) starts the"
                    + " student from its own weights; any other (e.g. an exact teacher) is first copied into a fresh"
                    + " network");
    private final Spinner<Integer> width = Controls.intSpinner("trainer-width", 8, 4096, 256,
            "Width (units per hidden layer) of the fresh mlp student", 4);
    private final Spinner<Integer> depth = Controls.intSpinner("trainer-depth", 1, 16, 3,
            "Depth (hidden layers) of the fresh mlp student", 3);
    private final Spinner<Integer> teacherIterations = Controls.intSpinner("trainer-teacher-iterations", 1,
            10_000_000, 10_000, "Training iterations for the new teacher (an mlp 256x3 at batch 512: roughly 100-300"
                    + " per second on a laptop CPU)", 6);
    private final Spinner<Integer> iterations = Controls.intSpinner("trainer-iterations", 1, 10_000_000, 1000,
            "Iterations per round K (Algorithm 2): the learning rate falls linearly to 0 within each round", 6);
    private final Spinner<Integer> batch = Controls.intSpinner("trainer-batch", 1, 65_536, 512,
            "Batch size (default: 512 points for an mlp, 64 images for a unet)", 5);
    private final Spinner<Integer> seed = Controls.intSpinner("trainer-seed", 0, Integer.MAX_VALUE, 0,
            "Seed of the data, noise and times drawn: the same seed and thread count give the same student", 5);
    private final Spinner<Integer> threads = Controls.intSpinner("trainer-threads", 1, TrainerSettings.maxThreads(),
            1, "Threads for the tensor operations. On a busy machine fewer threads are steadier (PyTorch's threads"
                    + " spin while they wait)", 3);
    final Button changeRuns = Tips.tip(new Button("Change\u2026"), "trainer-runs-change",
            "Choose the folder where runs are written (default ~/.pdviz/runs; the project's models/ is never written)");
    /** The sections of the job sources, in the order shown. */
    final VBox sources = new VBox(12);

    TrainerForm(TrainerModel model) {
        super(12);
        this.model = model;
        TrainerSettings s = model.settings;
        getStyleClass().add("trainer-form");
        setPadding(new Insets(10, 12, 10, 12));
        sources.getChildren().addAll(teacherSection(s), trainSection(s));
        getChildren().addAll(sources, distillSection(s), runSection(s));
    }

    /** A titled section of the form. */
    static VBox section(String title, Node... content) {
        Label head = new Label(title);
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
        HBox fresh = new HBox(6, label("Fresh mlp: width"), Controls.bind(width, s.width), label("depth"),
                Controls.bind(depth, s.depth));
        fresh.setAlignment(Pos.CENTER_LEFT);
        fresh.visibleProperty().bind(s.freshMlpProperty());
        fresh.managedProperty().bind(fresh.visibleProperty());
        return section("Teacher", teacher, note, fresh);
    }

    private VBox trainSection(TrainerSettings s) {
        ChoiceBox<String> data = Tips.tip(new ChoiceBox<>(s.dataSets), "trainer-data",
                "2-D data set for a new teacher (seeded generators scaled to about [-1, 1])");
        data.valueProperty().bindBidirectional(s.data);
        Button train = Tips.tip(new Button("Train teacher"), "trainer-train-teacher",
                "Train a new 2-D teacher (mlp, v-prediction, SNR+1 weighting) in the runs folder; it joins the library"
                        + " and becomes the teacher to distil");
        train.setOnAction(e -> {
            commit();
            model.trainTeacher();
        });
        HBox row = new HBox(6, data, label("iterations"), Controls.bind(teacherIterations, s.teacherIterations));
        row.setAlignment(Pos.CENTER_LEFT);
        return section("\u2026or train a 2-D teacher here", row, train);
    }

    private VBox distillSection(TrainerSettings s) {
        ComboBox<Integer> from = Tips.tip(new ComboBox<>(s.fromChoices), "trainer-from",
                "The teacher's sampling steps N: the first round distils 2 of its DDIM steps into 1 student step");
        ComboBox<Integer> to = Tips.tip(new ComboBox<>(s.toChoices()), "trainer-to",
                "The final student's steps: each round halves the steps, N -> N/2 -> ... -> this");
        from.valueProperty().bindBidirectional(s.from);
        to.valueProperty().bindBidirectional(s.to);
        from.setMinWidth(Region.USE_PREF_SIZE);
        to.setMinWidth(Region.USE_PREF_SIZE);
        TextField lr = Tips.tip(new TextField(), "trainer-lr",
                "Initial learning rate of each round (Adam), decayed linearly to 0 (default: mlp 3e-4, unet 5e-5)");
        lr.setTextFormatter(new TextFormatter<>(c -> c.getControlNewText().matches("[0-9.eE+-]{0,16}") ? c : null));
        lr.setPrefColumnCount(6);
        lr.textProperty().bindBidirectional(s.lr);
        ChoiceBox<String> weighting = Tips.tip(new ChoiceBox<>(s.weightings), "trainer-weighting",
                "Weight on the x-space error: snr+1 (the same as a v-loss) or truncated max(SNR, 1)");
        weighting.valueProperty().bindBidirectional(s.weighting);
        GridPane grid = grid();
        int r = 0;
        grid.addRow(r++, label("Steps"), hbox(from, label("\u2192"), to));
        grid.addRow(r++, label("Iterations / round"), Controls.bind(iterations, s.iterations));
        grid.addRow(r++, label("Batch"), Controls.bind(batch, s.batch));
        grid.addRow(r++, label("Learning rate"), lr);
        grid.addRow(r++, label("Weighting"), weighting);
        grid.addRow(r, label("Seed"), Controls.bind(seed, s.seed));
        return section("Distillation", grid);
    }

    private VBox runSection(TrainerSettings s) {
        ComboBox<String> device = Tips.tip(new ComboBox<>(s.devices()), "trainer-device",
                "Where the training runs: the GPU is offered only when the trainer can use it");
        device.valueProperty().bindBidirectional(s.device);
        Label deviceNote = new Label();
        deviceNote.textProperty().bind(s.deviceNoteProperty());
        deviceNote.setWrapText(true);
        deviceNote.getStyleClass().add("hint");
        deviceNote.setId("trainer-device-note");
        TextField runName = Tips.tip(new TextField(), "trainer-run-name",
                "Name of the run: its folder in the runs folder (name-2, name-3, ... when it exists)");
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
        grid.addRow(r++, label("Device"), device);
        grid.add(deviceNote, 0, r++, 2, 1);
        grid.addRow(r++, label("Threads"), Controls.bind(threads, s.threads));
        grid.addRow(r++, label("Run name"), runName);
        grid.addRow(r++, label("Runs folder"), changeRuns);
        grid.add(runsFolder, 0, r, 2, 1);
        return section("Run", grid);
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

    static Label label(String text) {
        Label l = new Label(text);
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

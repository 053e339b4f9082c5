package org.pdviz.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import javafx.scene.layout.VBox;
import org.pdviz.app.jobs.Defaults;
import org.pdviz.app.jobs.Devices;
import org.pdviz.app.jobs.DistillJob;
import org.pdviz.app.jobs.TrainJob;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.core.data.PointSets;
import org.pdviz.runtime.card.ModelCard;

/**
 * The trainer panel's settings: the teacher (from the library, or one trained here on 2-D data),
 * the distillation (steps from and to, iterations per round, batch, learning rate, weighting, seed)
 * and where and how it runs (device, threads, run name). It turns them into the job specs of
 * {@code app.jobs}, with the equivalent command line recorded in the cards.
 */
final class TrainerForm extends VBox {

    static final String CPU = "CPU";
    static final String GPU = "GPU (CUDA)";
    /** The families the trainer knows; a teacher of another kind is distilled into a fresh network. */
    static final List<String> FAMILIES = List.of("mlp", "unet");

    final ComboBox<ModelEntry> teacher = Controls.modelBox("trainer-teacher",
            "The teacher to distil: any model of the library with a card. One of our networks (mlp, unet) starts the"
                    + " student from its own weights; any other (e.g. an exact teacher) is first copied into a fresh"
                    + " network");
    final Label teacherNote = new Label();
    final Spinner<Integer> width = Controls.intSpinner("trainer-width", 8, 4096, 256,
            "Width (units per hidden layer) of the fresh mlp student", 4);
    final Spinner<Integer> depth = Controls.intSpinner("trainer-depth", 1, 16, 3,
            "Depth (hidden layers) of the fresh mlp student", 3);
    private final HBox freshBox;

    final ChoiceBox<String> data = Tips.tip(new ChoiceBox<>(), "trainer-data",
            "2-D data set for a new teacher (seeded generators scaled to about [-1, 1])");
    final Spinner<Integer> teacherIterations = Controls.intSpinner("trainer-teacher-iterations", 1, 10_000_000,
            10_000, "Training iterations for the new teacher (an mlp 256x3 at batch 512: roughly 100-300 per"
                    + " second on a laptop CPU)", 6);
    final Button trainTeacher = Tips.tip(new Button("Train teacher"), "trainer-train-teacher",
            "Train a new 2-D teacher (mlp, v-prediction, SNR+1 weighting) in the runs folder; it joins the library"
                    + " and becomes the teacher to distil");

    final ComboBox<Integer> from = Tips.tip(new ComboBox<>(), "trainer-from",
            "The teacher's sampling steps N: the first round distils 2 of its DDIM steps into 1 student step");
    final ComboBox<Integer> to = Tips.tip(new ComboBox<>(), "trainer-to",
            "The final student's steps: each round halves the steps, N -> N/2 -> ... -> this");
    final Spinner<Integer> iterations = Controls.intSpinner("trainer-iterations", 1, 10_000_000, 1000,
            "Iterations per round K (Algorithm 2): the learning rate falls linearly to 0 within each round", 6);
    final Spinner<Integer> batch = Controls.intSpinner("trainer-batch", 1, 65_536, 512,
            "Batch size (default: 512 points for an mlp, 64 images for a unet)", 5);
    final TextField lr = Tips.tip(new TextField(), "trainer-lr",
            "Initial learning rate of each round (Adam), decayed linearly to 0 (default: mlp 3e-4, unet 5e-5)");
    final ChoiceBox<String> weighting = Tips.tip(new ChoiceBox<>(), "trainer-weighting",
            "Weight on the x-space error: snr+1 (the same as a v-loss) or truncated max(SNR, 1)");
    final Spinner<Integer> seed = Controls.intSpinner("trainer-seed", 0, Integer.MAX_VALUE, 0,
            "Seed of the data, noise and times drawn: the same seed and thread count give the same student", 5);

    final ComboBox<String> device = Tips.tip(new ComboBox<>(), "trainer-device",
            "Where the training runs: the GPU is offered only when the trainer can use it");
    final Label deviceNote = new Label("checking whether a GPU is usable\u2026");
    final Spinner<Integer> threads = Controls.intSpinner("trainer-threads", 1,
            Math.max(1, Runtime.getRuntime().availableProcessors()), defaultThreads(),
            "Threads for the tensor operations. On a busy machine fewer threads are steadier (PyTorch's threads"
                    + " spin while they wait)", 3);
    final TextField runName = Tips.tip(new TextField(), "trainer-run-name",
            "Name of the run: its folder in the runs folder (name-2, name-3, ... when it exists)");
    final Label runsFolder = new Label();
    final Button changeRuns = Tips.tip(new Button("Change\u2026"), "trainer-runs-change",
            "Choose the folder where runs are written (default ~/.pdviz/runs; the project's models/ is never written)");

    TrainerForm() {
        super(12);
        getStyleClass().add("trainer-form");
        setPadding(new Insets(10, 12, 10, 12));
        teacher.setMaxWidth(Double.MAX_VALUE);
        teacherNote.setWrapText(true);
        teacherNote.getStyleClass().add("hint");
        teacherNote.setId("trainer-teacher-note");
        freshBox = new HBox(6, label("Fresh mlp: width"), width, label("depth"), depth);
        freshBox.setAlignment(Pos.CENTER_LEFT);
        freshBox.managedProperty().bind(freshBox.visibleProperty());

        data.getItems().setAll(PointSets.names());
        data.setValue(data.getItems().contains("moons") ? "moons" : data.getItems().get(0));
        weighting.getItems().setAll("snr+1", "truncated");
        weighting.setValue(Defaults.WEIGHTING);
        List<Integer> powers = new ArrayList<>();
        for (int p = 2; p <= 4096; p *= 2) {
            powers.add(p);
        }
        from.getItems().setAll(powers);
        from.setValue(512);
        from.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        to.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

        from.valueProperty().addListener((o, a, b) -> fillTo());
        fillTo();
        to.setValue(4);
        lr.setTextFormatter(new TextFormatter<>(c -> c.getControlNewText().matches("[0-9.eE+-]{0,16}") ? c : null));
        lr.setPrefColumnCount(6);
        device.getItems().setAll(CPU);
        device.setValue(CPU);
        deviceNote.setWrapText(true);
        deviceNote.getStyleClass().add("hint");
        deviceNote.setId("trainer-device-note");
        runName.setPrefColumnCount(14);
        runsFolder.getStyleClass().add("hint");
        runsFolder.setId("trainer-runs-folder");
        runsFolder.setWrapText(true);

        VBox teacherBox = section("Teacher", teacher, teacherNote, freshBox);
        HBox trainRow = new HBox(6, data, label("iterations"), teacherIterations);
        trainRow.setAlignment(Pos.CENTER_LEFT);
        VBox trainBox = section("\u2026or train a 2-D teacher here", trainRow, trainTeacher);
        GridPane distill = grid();
        int r = 0;
        distill.addRow(r++, label("Steps"), hbox(from, label("\u2192"), to));
        distill.addRow(r++, label("Iterations / round"), iterations);
        distill.addRow(r++, label("Batch"), batch);
        distill.addRow(r++, label("Learning rate"), lr);
        distill.addRow(r++, label("Weighting"), weighting);
        distill.addRow(r++, label("Seed"), seed);
        VBox distillBox = section("Distillation", distill);
        GridPane run = grid();
        r = 0;
        run.addRow(r++, label("Device"), device);
        run.add(deviceNote, 0, r++, 2, 1);
        run.addRow(r++, label("Threads"), threads);
        run.addRow(r++, label("Run name"), runName);
        run.addRow(r++, label("Runs folder"), changeRuns);
        run.add(runsFolder, 0, r, 2, 1);
        VBox runBox = section("Run", run);
        getChildren().addAll(teacherBox, trainBox, distillBox, runBox);
    }

    private static int defaultThreads() {
        // half the cores: the window and the previews keep a core for themselves
        return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors() / 2));
    }

    private static VBox section(String title, Node... content) {
        Label head = new Label(title);
        head.getStyleClass().add("section-title");
        VBox box = new VBox(6, head);
        box.getChildren().addAll(content);
        box.getStyleClass().add("trainer-section");
        return box;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(5);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
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
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private void fillTo() {
        Integer f = from.getValue();
        Integer keep = to.getValue();
        List<Integer> below = new ArrayList<>();
        for (int p = 1; f != null && p < f; p *= 2) {
            below.add(p);
        }
        to.getItems().setAll(below);
        to.setValue(keep != null && below.contains(keep) ? keep : below.isEmpty() ? null
                : below.get(Math.max(0, Math.min(below.size() - 1, 2))));
    }

    /** The family a student of this teacher will be: the teacher's own, or a fresh network for its data. */
    static String studentFamily(ModelEntry e) {
        ModelCard c = e.card();
        if (trainable(e)) {
            return c.family().name();
        }
        return c.shapeValue().isImage() ? "unet" : "mlp";
    }

    /**
     * The teacher offered first: quick to distil on a CPU. A trained 2-D teacher of ours, else a 2-D
     * exact teacher (the one with most modes), else one of ours for images, else the first.
     */
    static ModelEntry defaultTeacher(List<ModelEntry> teachers) {
        java.util.Comparator<ModelEntry> rank = java.util.Comparator
                .comparing((ModelEntry e) -> e.card().shapeValue().isPoints() ? 0 : 1)
                .thenComparing(e -> e.isStudent() ? 1 : 0)
                .thenComparing(e -> trainable(e) ? 0 : 1)
                .thenComparing(e -> e.card().family() != null && e.card().family().params().get("components")
                        instanceof Number n ? -n.intValue() : 0)
                .thenComparing(ModelEntry::name);
        return teachers.stream().filter(e -> e.card() != null).min(rank).orElse(null);
    }

    static boolean trainable(ModelEntry e) {
        return e.card() != null && e.card().family() != null && FAMILIES.contains(e.card().family().name());
    }

    /** Sets the defaults that depend on the teacher, and says how its student starts. */
    void teacherChanged(ModelEntry e) {
        if (e == null || e.card() == null) {
            teacherNote.setText("Pick a teacher from the library, or train one below.");
            freshBox.setVisible(false);
            return;
        }
        ModelCard c = e.card();
        String family = studentFamily(e);
        boolean fresh = !trainable(e);
        freshBox.setVisible(fresh && "mlp".equals(family));
        if (fresh) {
            teacherNote.setText(e.name() + " (" + c.dataset() + ", " + c.parameterization() + ") is not one of our"
                    + " networks: a fresh " + family + " first learns to copy it (4 rounds' worth of iterations),"
                    + " then the halving rounds start.");
        } else {
            teacherNote.setText(e.name() + " (" + c.dataset() + ", " + family + ", " + c.parameterization() + (e
                    .isStudent() ? ", " + e.steps() + "-step student" : "") + "): the student starts from its weights,"
                    + " as in the paper.");
        }
        from.setValue(e.isStudent() && e.steps() >= 2 && Integer.bitCount(e.steps()) == 1 ? e.steps() : 512);
        fillTo();
        iterations.getValueFactory().setValue("unet".equals(family) ? 200 : 1000);
        batch.getValueFactory().setValue(Defaults.batch(family));
        lr.setText(format(Defaults.distillLr(family)));
        suggestName();
    }

    void suggestName() {
        ModelEntry e = teacher.getValue();
        String base = e == null ? "run" : e.name();
        String n = base.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
        runName.setText((n.isEmpty() ? "run" : n) + "-" + from.getValue() + "to" + to.getValue());
    }

    /** A small positive number in three digits, as people write it: 2.06e-4, 0.0123, 0.406. */
    static String compact(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        if (v != 0 && Math.abs(v) < 0.01) {
            String[] parts = String.format(Locale.ROOT, "%.2e", v).split("e");
            return parts[0].replaceAll("\\.?0+$", "") + "e" + Integer.parseInt(parts[1]);
        }
        String s = String.format(Locale.ROOT, "%.3g", v);
        return s.contains(".") && !s.contains("e") ? s.replaceAll("\\.?0+$", "") : s;
    }

    /** A rate as people write it: 3e-4, 0.001 -> 1e-3, 0.05. */
    static String format(double v) {
        if (v != 0 && Math.abs(v) < 0.01) {
            String[] parts = String.format(Locale.ROOT, "%.2e", v).split("e");
            return parts[0].replaceAll("\\.?0+$", "") + "e" + Integer.parseInt(parts[1]);
        }
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** Shows what the trainer said about the GPU: offered when usable, else the CPU with the reason. */
    void devices(Devices.Availability cuda) {
        if (cuda.usable()) {
            if (!device.getItems().contains(GPU)) {
                device.getItems().add(GPU);
            }
            device.setValue(GPU);
            deviceNote.setText("GPU: " + cuda.note() + ".");
        } else {
            device.getItems().setAll(CPU);
            device.setValue(CPU);
            deviceNote.setText("Training runs on the CPU; the GPU is not offered: " + cuda.note() + ".");
        }
    }

    private String deviceId() {
        return GPU.equals(device.getValue()) ? "cuda" : "cpu";
    }

    private void commitAll() {
        for (Spinner<Integer> s : List.of(width, depth, teacherIterations, iterations, batch, seed, threads)) {
            Controls.commit(s);
        }
    }

    double learningRate() {
        double v;
        try {
            v = Double.parseDouble(lr.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the learning rate '" + lr.getText() + "' is not a number (e.g. 3e-4)");
        }
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("the learning rate must be positive, got " + lr.getText());
        }
        return v;
    }

    /** The distillation job these settings describe, written to {@code out}. */
    DistillJob distillJob(Path out, double checkpointSeconds) {
        commitAll();
        ModelEntry e = teacher.getValue();
        if (e == null || e.card() == null) {
            throw new IllegalArgumentException("pick a teacher first (or train one)");
        }
        if (from.getValue() == null || to.getValue() == null) {
            throw new IllegalArgumentException("choose the steps to distil from and to");
        }
        boolean fresh = !trainable(e);
        String family = fresh ? studentFamily(e) : null;
        Map<String, String> net = new LinkedHashMap<>();
        if (fresh && "mlp".equals(family)) {
            net.put("width", String.valueOf(width.getValue()));
            net.put("depth", String.valueOf(depth.getValue()));
        }
        double rate = learningRate();
        StringBuilder cmd = new StringBuilder("pdviz distill --teacher ").append(e.file())
                .append(" --from ").append(from.getValue()).append(" --to ").append(to.getValue())
                .append(" --iterations-per-round ").append(iterations.getValue()).append(" --batch ")
                .append(batch.getValue()).append(" --lr ").append(format(rate)).append(" --weighting ")
                .append(weighting.getValue()).append(" --seed ").append(seed.getValue()).append(" --device ")
                .append(deviceId()).append(" --threads ").append(threads.getValue());
        if (family != null) {
            cmd.append(" --family ").append(family);
            net.forEach((k, v) -> cmd.append(" --net ").append(k).append('=').append(v));
        }
        cmd.append(" --out ").append(out).append("  (trainer panel)");
        return new DistillJob(e.file(), null, family, net, null, null, from.getValue(), to.getValue(),
                iterations.getValue(), batch.getValue(), rate, weighting.getValue(), Defaults.CLIP, seed.getValue(),
                deviceId(), threads.getValue(), "auto", -1, checkpointSeconds, out, cmd.toString(), null, null);
    }

    /** A new 2-D teacher (mlp, the family's defaults) written to {@code out}. */
    TrainJob teacherJob(Path out, double checkpointSeconds) {
        commitAll();
        String cmd = "pdviz train --data " + data.getValue() + " --family mlp --iterations "
                + teacherIterations.getValue() + " --seed " + seed.getValue() + " --device " + deviceId()
                + " --threads " + threads.getValue() + " --out " + out + "  (trainer panel)";
        return new TrainJob(data.getValue(), "mlp", Map.of(), Defaults.PARAMETERIZATION, Defaults.WEIGHTING,
                (long) teacherIterations.getValue(), null, null, Defaults.EMA, Defaults.CLIP, seed.getValue(),
                deviceId(), threads.getValue(), checkpointSeconds, out, cmd, null);
    }
}

package org.pdviz.ui.phi;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.Duration;
import org.pdviz.app.PdvizHome;
import org.pdviz.app.draw.Painter;
import org.pdviz.app.draw.Palette;
import org.pdviz.app.export.Animation;
import org.pdviz.app.export.PhiFrames;
import org.pdviz.app.export.SamplingFrames;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.library.ModelLibrary;
import org.pdviz.app.phi.Coordinate;
import org.pdviz.app.phi.ModelChoice;
import org.pdviz.app.phi.PhiData;
import org.pdviz.app.phi.PhiDiagram;
import org.pdviz.app.phi.PhiFrame;
import org.pdviz.app.phi.PhiGrid;
import org.pdviz.app.phi.PhiModels;
import org.pdviz.app.phi.PhiPoint;
import org.pdviz.app.phi.PhiPredictions;
import org.pdviz.app.phi.PhiSession;
import org.pdviz.app.phi.RotationPath;
import org.pdviz.app.phi.SamplePanel;
import org.pdviz.app.render.ImageGrid;
import org.pdviz.app.render.Raster;
import org.pdviz.core.ddim.SamplingMonitor;
import org.pdviz.core.schedule.NoiseLevel;
import org.pdviz.ui.task.BackgroundTask;
import org.pdviz.ui.task.TaskSlot;
import org.pdviz.ui.task.UiExecutor;

/**
 * The v-trajectory view: scrub the angle phi and watch z move on the circle in the plane of x and
 * eps, v its tangent, the model's predictions there, and the teacher's many small rotations beside
 * the student's few big ones. Models run off the UI thread; predictions are cached per slider
 * position, so scrubbing back is instant and the slider never waits.
 *
 * <p>Open it with {@link #create(PdvizHome)} (a Parent to place in any window).
 */
public final class PhiView implements AutoCloseable {

    /** Samples followed at once: the images shown in the strip, or the points of the scatter. */
    static final int IMAGE_COUNT = 8, POINT_COUNT = 512;
    /** Frames of an exported scrub. */
    static final int EXPORT_FRAMES = 49;

    private final ModelLibrary library;
    private final BorderPane root = new BorderPane();
    private final CanvasPane diagram = new CanvasPane(720, 560);
    private final CanvasPane[] panels = new CanvasPane[4];
    private final CanvasPane strip = new CanvasPane(360, 56);
    private final CanvasPane trace = new CanvasPane(420, 150);
    private final Slider slider = new Slider(0, Math.PI / 2, Math.PI / 4);
    private final Label phiLabel = readout("phi-readout"), tLabel = readout("t-readout"),
            logSnrLabel = readout("logsnr-readout"), alphaLabel = readout("alpha-readout"),
            sigmaLabel = readout("sigma-readout");
    private final Label pixelLabel = new Label("");
    private final Map<String, Label> values = new HashMap<>();
    private final Label status = new Label("");
    private final ProgressBar progress = new ProgressBar(0);
    private final ComboBox<ModelEntry> teacherBox = new ComboBox<>();
    private final ComboBox<ModelEntry> studentBox = new ComboBox<>();
    private final Spinner<Integer> studentSteps = new Spinner<>(1, 256, ModelChoice.STUDENT_STEPS);
    private final Spinner<Integer> seedBox = new Spinner<>(0, 1_000_000, 0);
    private final ToggleGroup sourceGroup = new ToggleGroup();
    private final ToggleButton fromTeacher = new ToggleButton("teacher"), fromStudent = new ToggleButton("student");
    private final Button play = new Button("\u25b6  scrub");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private final Timeline scrub = new Timeline();

    /** The models opened and both runs sampled from one seed: what a load delivers. */
    record Loaded(ModelChoice choice, PhiModels models, PhiData data) {
    }

    private final UiExecutor executor;
    private final TaskSlot<Loaded> loading;
    private final TaskSlot<PhiPredictions> predicting;
    private PhiModels models;
    private ModelChoice modelsChoice;
    private PhiSession session;
    private PhiGrid grid;
    private int index = -1, sample, coordinate;
    private PhiPredictions lastPredictions;
    private PhiPoint current;
    private RotationPath teacherPath, studentPath;
    private Path exportDir;
    private HBox lower, statusRow;
    private VBox right;

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
        return new PhiView(library, ModelChoice.around(library, picked), executor);
    }

    /** A view of {@code choice} (null: none in the library); its background work runs on {@code executor}. */
    public PhiView(ModelLibrary library, ModelChoice choice, UiExecutor executor) {
        this.library = library;
        this.executor = executor;
        this.loading = executor.slot();
        this.predicting = executor.slot();
        progress.progressProperty().bind(loading.progressProperty());
        loading.statusProperty().addListener((o, a, b) -> status.setText(b));
        root.getStyleClass().add("phi-view");
        root.getStylesheets().add(PhiView.class.getResource("phi.css").toExternalForm());
        root.setTop(toolbar());
        root.setCenter(center());
        root.setBottom(bottom());
        root.setUserData(this);
        installKeys();
        diagram.painter(this::paintDiagram);
        for (int q = 0; q < 4; q++) {
            int qq = q;
            panels[q].painter(p -> paintPanel(p, qq));
        }
        strip.painter(this::paintStrip);
        trace.painter(this::paintTrace);
        if (choice == null) {
            status.setText("No model in the library: add a teacher under models/ (pdviz exact --preset ...).");
            return;
        }
        teacherBox.setValue(choice.teacher());
        studentBox.setValue(choice.distilled() ? choice.student() : null);
        studentSteps.getValueFactory().setValue(choice.studentSteps());
        reload(choice);
    }

    public Parent root() {
        return root;
    }

    // ---- layout ------------------------------------------------------------------------------

    private VBox toolbar() {
        Label title = new Label("The v-trajectory");
        title.getStyleClass().add("title");
        List<ModelEntry> teachers = library.entries().stream().filter(e -> e.card() != null && !e.isStudent()).toList();
        List<ModelEntry> students = library.entries().stream().filter(ModelEntry::isStudent).toList();
        teacherBox.getItems().setAll(teachers);
        studentBox.getItems().add(null);
        studentBox.getItems().addAll(students);
        teacherBox.setCellFactory(v -> entryCell("teacher"));
        teacherBox.setButtonCell(entryCell("teacher"));
        studentBox.setCellFactory(v -> entryCell("plain DDIM"));
        studentBox.setButtonCell(entryCell("plain DDIM"));
        teacherBox.setId("teacher-box");
        studentBox.setId("student-box");
        teacherBox.setTooltip(new Tooltip("The teacher, sampled with " + ModelChoice.TEACHER_STEPS + " small steps"));
        studentBox.setTooltip(new Tooltip("A distilled student, or the teacher itself with few steps (plain DDIM)"));
        studentSteps.setPrefWidth(78);
        studentSteps.setId("student-steps");
        studentSteps.setTooltip(new Tooltip("Steps of the few-step sampler (plain DDIM)"));
        seedBox.setPrefWidth(96);
        seedBox.setEditable(true);
        seedBox.setId("seed");
        seedBox.setTooltip(new Tooltip("Noise seed: the same seed gives the same starting noise for every model"));
        teacherBox.valueProperty().addListener((o, a, b) -> reloadFromControls());
        studentBox.valueProperty().addListener((o, a, b) -> {
            studentSteps.setDisable(b != null);
            if (b != null) {
                studentSteps.getValueFactory().setValue(b.steps());
            }
            reloadFromControls();
        });
        studentSteps.valueProperty().addListener((o, a, b) -> reloadFromControls());
        seedBox.valueProperty().addListener((o, a, b) -> reloadFromControls());
        fromTeacher.setToggleGroup(sourceGroup);
        fromStudent.setToggleGroup(sourceGroup);
        fromTeacher.setSelected(true);
        fromTeacher.setId("source-teacher");
        fromStudent.setId("source-student");
        fromTeacher.setTooltip(new Tooltip("Show the teacher's predictions at the slider's angle"));
        fromStudent.setTooltip(new Tooltip("Show the student's predictions at the slider's angle"));
        sourceGroup.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
                return;
            }
            lastPredictions = null;
            index = -1;
            update();
        });
        MenuButton export = new MenuButton("Export for slides");
        export.setId("export");
        export.setTooltip(new Tooltip("Animations for slides: PNG frames and a looping GIF (Ctrl+E: the phi scrub)"));
        MenuItem phiGif = new MenuItem("phi scrub: GIF + PNG frames\u2026");
        phiGif.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        phiGif.setOnAction(e -> chooseAndExport(Export.PHI));
        MenuItem teacherRun = new MenuItem("teacher's sampling: GIF + PNG frames\u2026");
        teacherRun.setOnAction(e -> chooseAndExport(Export.TEACHER_SAMPLING));
        MenuItem studentRun = new MenuItem("few-step sampling: GIF + PNG frames\u2026");
        studentRun.setOnAction(e -> chooseAndExport(Export.STUDENT_SAMPLING));
        export.getItems().addAll(phiGif, teacherRun, studentRun);
        Label subtitle = new Label("z\u03c6 = cos\u03c6 x + sin\u03c6 \u03b5 moves on a circle, v = dz/d\u03c6 is its tangent,"
                + " and every DDIM step is a rotation");
        subtitle.getStyleClass().add("subtitle");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(title, subtitle, spacer, export);
        top.getStyleClass().add("title-row");
        teacherBox.setPrefWidth(230);
        studentBox.setPrefWidth(190);
        HBox controls = new HBox(fixed("teacher"), teacherBox, fixed("against"), studentBox, studentSteps,
                fixed("steps"), gap(), fixed("seed"), seedBox, gap(), fixed("predictions of"), fromTeacher, fromStudent);
        controls.getStyleClass().add("toolbar-row");
        return new VBox(top, controls);
    }

    private static Label fixed(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Region gap() {
        Region r = new Region();
        r.setMinWidth(12);
        return r;
    }

    private ListCell<ModelEntry> entryCell(String nullText) {
        return new ListCell<>() {
            @Override
            protected void updateItem(ModelEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty ? null : e == null ? nullText : e.name() + (e.steps() == null ? "" : " (" + e.steps() + ")"));
            }
        };
    }

    private HBox center() {
        diagram.setId("phi-diagram");
        HBox.setHgrow(diagram, Priority.ALWAYS);
        GridPane grid4 = new GridPane();
        grid4.setHgap(6);
        grid4.setVgap(6);
        String[] ids = {"panel-z", "panel-xhat", "panel-epshat", "panel-vhat"};
        for (int q = 0; q < 4; q++) {
            panels[q] = new CanvasPane(230, 230);
            panels[q].setId(ids[q]);
            int qq = q;
            panels[q].setOnMouseClicked(e -> pick(e, qq));
            Tooltip.install(panels[q], new Tooltip("Click a pixel (or a point) to follow it"));
            GridPane.setHgrow(panels[q], Priority.ALWAYS);
            GridPane.setVgrow(panels[q], Priority.ALWAYS);
            grid4.add(panels[q], q % 2, q / 2);
        }
        strip.setId("sample-strip");
        strip.setOnMouseClicked(this::pickFromStrip);
        Tooltip.install(strip, new Tooltip("The teacher's samples from this seed: click one to follow it"));
        strip.setMinHeight(40);
        strip.setPrefHeight(52);
        trace.setId("trace");
        trace.setPrefHeight(170);
        trace.setMinHeight(140);
        pixelLabel.setId("pixel-label");
        pixelLabel.getStyleClass().add("head");
        GridPane table = valuesTable();
        VBox numbers = new VBox(2, pixelLabel, table);
        numbers.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(trace, Priority.ALWAYS);
        lower = new HBox(8, numbers, trace);
        right = new VBox(6, strip, grid4, lower);
        right.setPadding(new Insets(8, 12, 4, 4));
        right.setPrefWidth(540);
        right.setMinWidth(420);
        VBox.setVgrow(grid4, Priority.ALWAYS);
        HBox box = new HBox(diagram, right);
        box.setPadding(new Insets(4));
        return box;
    }

    /** The chosen coordinate's numbers: true values and the model's, side by side. */
    private GridPane valuesTable() {
        GridPane t = new GridPane();
        t.getStyleClass().add("values");
        String[][] rows = {
            {"z", "z", null, ""},
            {"x", "x", "xhat", "x-hat"},
            {"\u03b5", "eps", "epshat", "eps-hat"},
            {"v", "v", "vhat", "v-hat"}};
        t.add(head(""), 0, 0);
        t.add(head("true"), 1, 0);
        t.add(head("model"), 2, 0);
        for (int r = 0; r < rows.length; r++) {
            Label name = new Label(rows[r][0]);
            name.getStyleClass().add("head");
            t.add(name, 0, r + 1);
            Label truth = value("value-" + rows[r][1], r == 3 ? "v-true" : null);
            t.add(truth, 1, r + 1);
            if (rows[r][2] != null) {
                t.add(value("value-" + rows[r][2], rows[r][3]), 2, r + 1);
            }
        }
        return t;
    }

    private static Label head(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("head");
        return l;
    }

    private Label value(String id, String style) {
        Label l = new Label("\u2013");
        l.setId(id);
        l.setMinWidth(82);
        if (style != null && !style.isEmpty()) {
            l.getStyleClass().add(style);
        }
        values.put(id, l);
        return l;
    }

    private VBox bottom() {
        slider.setId("phi-slider");
        slider.setShowTickMarks(true);
        slider.setMajorTickUnit(Math.PI / 8);
        slider.setMinorTickCount(1);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setTooltip(new Tooltip("The angle phi: 0 is data, 90\u00b0 is noise (arrows step, Home/End jump)"));
        slider.valueProperty().addListener((o, a, b) -> update());
        play.setId("play");
        play.setTooltip(new Tooltip("Scrub phi from noise to data, the way sampling runs (Space)"));
        play.setOnAction(e -> togglePlay());
        Label ends = new Label("data 0\u00b0");
        ends.getStyleClass().add("hint");
        Label ends2 = new Label("90\u00b0 noise");
        ends2.getStyleClass().add("hint");
        HBox sliderRow = new HBox(ends, slider, ends2, play);
        sliderRow.getStyleClass().add("slider-row");
        phiLabel.getStyleClass().add("phi-readout");
        HBox readouts = new HBox(phiLabel, tLabel, logSnrLabel, alphaLabel, sigmaLabel);
        readouts.getStyleClass().add("readout-row");
        progress.setTooltip(new Tooltip("Sampling the teacher and the few-step sampler from the same noise"));
        progress.setPrefWidth(160);
        progress.setVisible(false);
        progress.managedProperty().bind(progress.visibleProperty());
        status.setId("status");
        status.getStyleClass().add("status");
        Label hint = new Label("\u2190 \u2192 step \u03c6    Space: scrub    click an image: pick a pixel    Ctrl+E: GIF");
        hint.getStyleClass().add("hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        statusRow = new HBox(10, progress, status, spacer, hint);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        statusRow.setPadding(new Insets(0, 16, 6, 16));
        return new VBox(sliderRow, readouts, statusRow);
    }

    private static Label readout(String id) {
        Label l = new Label();
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setId(id);
        l.getStyleClass().add("readout");
        return l;
    }

    private void installKeys() {
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                togglePlay();
                e.consume();
            } else if (new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN).match(e)) {
                chooseAndExport(Export.PHI);
                e.consume();
            }
        });
    }

    // ---- loading -------------------------------------------------------------------------------

    private void reloadFromControls() {
        ModelEntry t = teacherBox.getValue();
        if (t == null) {
            return;
        }
        ModelEntry s = studentBox.getValue();
        int steps = s != null && s.steps() != null ? s.steps() : studentSteps.getValue();
        reload(new ModelChoice(t, ModelChoice.TEACHER_STEPS, s == null ? t : s, steps));
    }

    /** Opens the models (when they changed) and samples both runs from the current seed, off the UI thread. */
    private void reload(ModelChoice choice) {
        ready.set(false);
        long seed = seedBox.getValue();
        PhiModels reuse = choice.equals(modelsChoice) ? models : null;
        progress.progressProperty().unbind();
        progress.progressProperty().bind(loading.progressProperty());
        progress.setVisible(true);
        loading.start(BackgroundTask.<Loaded>of("sample " + choice.teacher().name() + " from seed " + seed, task -> {
            task.message("opening " + choice.teacher().name() + " \u2026");
            PhiModels m = reuse != null ? reuse : PhiModels.open(choice);
            try {
                task.message(String.format(Locale.ROOT, "sampling %s and %s from seed %d \u2026",
                        m.teacher().label(), m.student().label(), seed));
                int count = m.shape().isImage() ? IMAGE_COUNT : POINT_COUNT;
                return new Loaded(choice, m, PhiData.sample(m, seed, count, task));
            } catch (Exception | Error e) {
                if (m != reuse) {
                    m.close();
                }
                throw e;
            }
        }).onSuccess(l -> {
            progress.setVisible(false);
            install(l.choice(), l.models(), l.data());
        }).onFailure(f -> progress.setVisible(false))
                .onCancelled(() -> progress.setVisible(false)));
    }

    private void install(ModelChoice choice, PhiModels m, PhiData data) {
        PhiSession old = session;
        if (old != null) {
            old.close();
        }
        if (models != null && models != m) {
            models.close();
        }
        models = m;
        modelsChoice = choice;
        grid = PhiGrid.of(m.schedule());
        session = new PhiSession(m, data, grid);
        boolean keep = old != null && old.samples().shape().equals(data.samples().shape())
                && sample < data.samples().count();
        if (!keep) {
            sample = data.xFromSameNoise() ? 0 : data.bestConditionedSample();
            coordinate = brightest(sample);
        }
        double value = slider.getValue();
        slider.setMin(grid.phiMin());
        slider.setMax(grid.phiMax());
        slider.setBlockIncrement((grid.phiMax() - grid.phiMin()) / 128);
        slider.setValue(old == null ? grid.phi(grid.resolution() * 5 / 8) : value);
        fromStudent.setText(m.distilled() ? "student" : "few-step");
        lastPredictions = null;
        paths();
        index = -1;
        status.setText(data.xFromSameNoise()
                ? "x is the teacher's sample, \u03b5 its starting noise (seed " + data.samples().seed() + ")"
                : "2-D data: x is a teacher's sample from independent noise; the paths are in the z panel");
        update();
        strip.repaint();
        ready.set(true);
    }

    private int brightest(int s) {
        int dim = session.samples().dim(), best = 0;
        float[] x = session.samples().x();
        for (int j = 1; j < dim; j++) {
            if (x[s * dim + j] > x[s * dim + best]) {
                best = j;
            }
        }
        return session.samples().shape().isImage() ? best : 0;
    }

    private void paths() {
        teacherPath = session.teacherPath(sample);
        studentPath = session.studentPath(sample);
    }

    // ---- updating ------------------------------------------------------------------------------

    private PhiSession.Source source() {
        return fromStudent.isSelected() ? PhiSession.Source.STUDENT : PhiSession.Source.TEACHER;
    }

    /** Redraws for the slider's position: geometry at once, predictions when they are ready. */
    private void update() {
        if (session == null) {
            return;
        }
        int i = grid.indexOf(slider.getValue());
        boolean moved = i != index;
        index = i;
        PhiSession.Source src = source();
        current = session.point(i, sample, coordinate, src);
        PhiPredictions cached = session.cached(src, i);
        if (cached != null) {
            lastPredictions = cached;
        }
        readouts(current.level());
        diagram.repaint();
        for (CanvasPane p : panels) {
            p.repaint();
        }
        trace.repaint();
        coordinateValues();
        if (cached == null && moved) {
            PhiSession asked = session;
            predicting.queue(BackgroundTask.of(String.format(Locale.ROOT, "evaluate the %s at t = %.3f",
                    src == PhiSession.Source.TEACHER ? "teacher" : "few-step sampler", grid.level(i).t()),
                    m -> asked.predictNow(src, i))
                    .onSuccess(p -> {
                        if (asked == session && p.index() == index && source() == src) {
                            index = -1; // redraw with the predictions
                            update();
                        }
                    })
                    .onFailure(f -> {
                        if (asked == session) {
                            status.setText(f.message());
                        }
                    }));
        }
    }

    private void readouts(NoiseLevel level) {
        phiLabel.setText("\u03c6 = " + PhiDiagram.degrees(level.phi(), 1));
        tLabel.setText(String.format(Locale.ROOT, "t = %.3f", level.t()));
        logSnrLabel.setText(String.format(Locale.ROOT, "log-SNR = %s", Double.isInfinite(level.logSnr())
                ? (level.logSnr() > 0 ? "+\u221e" : "\u2212\u221e") : String.format(Locale.ROOT, "%.2f", level.logSnr())));
        alphaLabel.setText(String.format(Locale.ROOT, "\u03b1 = cos \u03c6 = %.3f", level.alpha()));
        sigmaLabel.setText(String.format(Locale.ROOT, "\u03c3 = sin \u03c6 = %.3f", level.sigma()));
    }

    private void coordinateValues() {
        Coordinate c = current.coordinate();
        var shape = session.samples().shape();
        int plane = shape.isImage() ? shape.dim(1) * shape.dim(2) : 1;
        pixelLabel.setText(shape.isImage()
                ? String.format(Locale.ROOT, "sample %d, pixel (row %d, column %d)", sample, (c.index() % plane) / shape.dim(2),
                c.index() % shape.dim(2))
                : String.format(Locale.ROOT, "point %d, coordinate x%d", sample, c.index() + 1));
        set("value-z", c.z());
        set("value-x", c.x());
        set("value-eps", c.eps());
        set("value-v", c.v());
        set("value-xhat", c.xHat());
        set("value-epshat", c.epsHat());
        set("value-vhat", c.vHat());
    }

    private void set(String id, double v) {
        values.get(id).setText(Double.isNaN(v) ? "\u2026" : String.format(Locale.ROOT, "%+.4f", v));
    }

    private void paintDiagram(FxPainter p) {
        if (session == null) {
            p.clear(Palette.BACKGROUND);
            return;
        }
        boolean paths = session.data().xFromSameNoise();
        PhiDiagram.paint(p, new PhiDiagram.Content(grid.schedule(), current.phi(), current,
                paths ? teacherPath : null, paths ? studentPath : null, session.models().teacher().steps(),
                session.models().student().steps(), session.models().distilled()));
    }

    private void paintPanel(FxPainter p, int q) {
        if (session == null || current == null) {
            p.clear(Palette.BACKGROUND);
            return;
        }
        PhiFrame.panel(p, PhiFrame.Quantity.values()[q], session, index, sample, coordinate,
                q == 0 ? session.cached(source(), index) : lastPredictions);
    }

    private void paintTrace(FxPainter p) {
        if (session == null || current == null) {
            p.clear(Palette.BACKGROUND);
            return;
        }
        PhiFrame.trace(p, session, sample, coordinate, current.phi());
    }

    /** The teacher's results, one thumbnail each (images); for points, how to pick one. */
    private void paintStrip(FxPainter p) {
        p.clear(Palette.BACKGROUND);
        if (session == null) {
            return;
        }
        var set = session.samples();
        if (!set.shape().isImage()) {
            p.font(14, false, true);
            p.color(Palette.MUTED);
            p.text("Click a point in any panel to follow it.", 4, p.height() / 2 + 5, Painter.Anchor.LEFT);
            return;
        }
        int n = set.count();
        double cell = Math.min(p.width() / n, p.height());
        Raster r = ImageGrid.render(set.x(), n, set.shape(), session.models().range().lo(), session.models().range().hi(),
                new ImageGrid.Layout(n, 1, 0));
        p.image(r.argb(), r.width(), r.height(), 0, 0, cell * n, cell);
        p.color(0xFFE0245E);
        p.lineWidth(3);
        p.strokeRect(sample * cell + 1.5, 1.5, cell - 3, cell - 3);
    }

    // ---- picking -------------------------------------------------------------------------------

    private void pick(MouseEvent e, int q) {
        if (session == null) {
            return;
        }
        var set = session.samples();
        CanvasPane pane = panels[q];
        if (set.shape().isImage()) {
            int pixel = SamplePanel.pixelAt(e.getX(), e.getY(), pane.getWidth(), pane.getHeight(), set.shape());
            if (pixel >= 0) {
                pickPixel(pixel);
            }
        } else {
            float[] data = PhiFrame.values(PhiFrame.Quantity.values()[q], set, q == 0 ? null : lastPredictions,
                    grid.level(index));
            if (data == null) {
                return;
            }
            double lim = PhiFrame.pointLimit(session);
            int s = SamplePanel.nearestPoint(e.getX(), e.getY(), pane.getWidth(), pane.getHeight(), data, set.count(),
                    set.dim(), -lim, lim);
            if (s >= 0) {
                pickSample(s);
            }
        }
    }

    private void pickFromStrip(MouseEvent e) {
        if (session == null || !session.samples().shape().isImage()) {
            return;
        }
        int n = session.samples().count();
        double cell = Math.min(strip.getWidth() / n, strip.getHeight());
        int s = (int) (e.getX() / cell);
        if (s >= 0 && s < n) {
            pickSample(s);
        }
    }

    /** Follows another coordinate (for images, a pixel index within one channel). */
    public void pickPixel(int pixel) {
        if (pixel < 0 || pixel >= session.samples().dim()) {
            throw new IllegalArgumentException("pixel " + pixel + " outside 0.." + (session.samples().dim() - 1));
        }
        coordinate = pixel;
        index = -1;
        update();
    }

    /** Follows another sample. */
    public void pickSample(int s) {
        session.samples().checkSample(s);
        sample = s;
        paths();
        index = -1;
        update();
        strip.repaint();
    }

    // ---- playing and exporting -----------------------------------------------------------------

    private void togglePlay() {
        if (scrub.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            scrub.stop();
            play.setText("\u25b6  scrub");
            return;
        }
        if (session == null) {
            return;
        }
        if (slider.getValue() <= slider.getMin() + 1e-9) {
            slider.setValue(slider.getMax());
        }
        double seconds = 6 * (slider.getValue() - slider.getMin()) / (slider.getMax() - slider.getMin());
        scrub.getKeyFrames().setAll(new KeyFrame(Duration.seconds(Math.max(0.2, seconds)),
                new KeyValue(slider.valueProperty(), slider.getMin())));
        scrub.setOnFinished(e -> play.setText("\u25b6  scrub"));
        play.setText("\u23f8  pause");
        scrub.playFromStart();
    }

    /** What the export menu writes. */
    public enum Export { PHI, TEACHER_SAMPLING, STUDENT_SAMPLING }

    private void chooseAndExport(Export what) {
        if (session == null) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for the frames and the GIF");
        if (exportDir != null) {
            chooser.setInitialDirectory(exportDir.toFile());
        }
        java.io.File dir = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (dir != null) {
            exportDir = dir.toPath();
            export(what, dir.toPath(), true);
        }
    }

    /**
     * Writes the animation (PNG frames, and a GIF when asked) into a folder, off the UI thread.
     * The task's value is what was written.
     */
    public BackgroundTask<Animation.Written> export(Export what, Path dir, boolean gif) {
        return export(what, dir, gif, EXPORT_FRAMES);
    }

    /** As {@link #export(Export, Path, boolean)} with at most {@code frames} frames. */
    public BackgroundTask<Animation.Written> export(Export what, Path dir, boolean gif, int frames) {
        PhiSession s = session;
        int smp = sample, coord = coordinate;
        PhiSession.Source src = source();
        BackgroundTask<Animation.Written> task = BackgroundTask.of("export to " + dir, m -> {
            String pair = s.models().pairLabel();
            return switch (what) {
                case PHI -> Animation.write(new PhiFrames(s, smp, coord, src, frames, pair), dir, "phi", gif,
                        m::progress);
                case TEACHER_SAMPLING -> Animation.write(new SamplingFrames(s.data().teacherRun(),
                        s.models().range(), s.models().teacher().label(), frames - 1), dir, "sampling-teacher", gif,
                        m::progress);
                case STUDENT_SAMPLING -> Animation.write(new SamplingFrames(s.data().studentRun(),
                        s.models().range(), s.models().student().label(), frames - 1), dir, "sampling-student", gif,
                        m::progress);
            };
        });
        progress.progressProperty().unbind();
        progress.progressProperty().bind(task.progressProperty());
        progress.setVisible(true);
        status.setText("exporting to " + dir + " \u2026");
        task.onSuccess(w -> {
            progress.setVisible(false);
            status.setText("wrote " + w.frames().size() + " frames to " + dir
                    + (w.gif() == null ? "" : " and " + w.gif().getFileName()));
        }).onFailure(f -> {
            progress.setVisible(false);
            status.setText(f.message());
        });
        return executor.execute(task);
    }

    // ---- for tests and the window that hosts the view ------------------------------------------

    /** Hides the title and model rows, for a view embedded in a lesson slide. */
    public void setCompact(boolean compact) {
        for (javafx.scene.Node n : new javafx.scene.Node[] {root.getTop(), lower, statusRow}) {
            n.setVisible(!compact);
            n.setManaged(!compact);
        }
        // type follows the slide's (the lesson scales its font with the window)
        root.setStyle(compact ? "-fx-font-size: 0.7em;" : "");
        for (Label l : new Label[] {alphaLabel, sigmaLabel}) {
            l.setVisible(!compact);
            l.setManaged(!compact);
        }
        right.setPrefWidth(compact ? 400 : 540);
        right.setMinWidth(compact ? 300 : 420);
    }

    /** True once both sampling runs are done and the view shows them. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public Slider slider() {
        return slider;
    }

    /** The picture now shown (geometry and, when computed, predictions). */
    public PhiPoint current() {
        return current;
    }

    public int index() {
        return index;
    }

    public int sample() {
        return sample;
    }

    public int coordinate() {
        return coordinate;
    }

    public PhiSession session() {
        return session;
    }

    public CanvasPane diagramPane() {
        return diagram;
    }

    public CanvasPane panel(PhiFrame.Quantity q) {
        return panels[q.ordinal()];
    }

    /** Stops the background work and closes the models. */
    public void close() {
        scrub.stop();
        loading.clear();
        predicting.clear();
        if (session != null) {
            session.close();
        }
        if (models != null) {
            models.close();
        }
    }
}

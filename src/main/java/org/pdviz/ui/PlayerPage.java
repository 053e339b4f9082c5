package org.pdviz.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.pdviz.app.i18n.Message;
import org.pdviz.app.i18n.Texts;
import org.pdviz.app.io.TrajectoryJson;
import org.pdviz.app.library.ModelChoice;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.player.DisplayRanges.Quantity;
import org.pdviz.app.player.DisplayRanges;
import org.pdviz.app.player.FrameExport;
import org.pdviz.app.sampling.FrameData;
import org.pdviz.app.sampling.RunService;
import org.pdviz.app.sampling.RunSpec;
import org.pdviz.app.sampling.SampledRun;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.model.DataRange;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.schedule.DiscreteSchedule;
import org.pdviz.core.schedule.GridOptions;
import org.pdviz.core.schedule.NoiseLevel;
import org.pdviz.ui.task.BackgroundTask;
import org.pdviz.ui.task.TaskSlot;

/**
 * The DDIM player: sample a model with every frame recorded (off the UI thread), then play, step
 * and scrub through z_t, x_hat, eps_hat and v_hat with the schedule's values at each frame.
 */
final class PlayerPage implements Page {

    static final String SOURCE = "player";

    private final AppContext ctx;
    final ComboBox<ModelEntry> model;
    final Spinner<Integer> steps;
    final Spinner<Integer> seed;
    final Spinner<Integer> batch;
    final CheckBox clip = new CheckBox();
    final Button sample = new Button();
    final Button cancel = new Button();
    final ProgressBar progress = new ProgressBar(0);
    final Label status = new Label();
    final Button savePng = new Button();
    final Button saveJson = new Button();
    final TransportBar transport;
    final ToggleButton advancedToggle = new ToggleButton();
    final SamplerAdvanced advanced;
    private final List<FramePanel> panels = new ArrayList<>();
    private final ScheduleReadouts readouts;
    private final Label caption = new Label();
    private final BorderPane root = new BorderPane();
    private SampledRun run;
    private final TaskSlot<SampledRun> background;
    private boolean dirty = true;
    private boolean visible;

    PlayerPage(AppContext ctx) {
        this.ctx = ctx;
        Localizer t = ctx.i18n;
        model = Controls.modelBox(t, "player-model", t.text("player.model.tip"));
        steps = Controls.intSpinner("player-steps", 1, 4096, ModelChoice.TEACHER_STEPS, t.text("player.steps.tip"), 4);
        seed = Controls.intSpinner("player-seed", 0, Integer.MAX_VALUE, 0, t.text("player.seed.tip"), 4);
        batch = Controls.intSpinner("player-batch", 1, 1024, 16, t.text("player.batch.tip"), 4);
        clip.setGraphic(Controls.symbol("x\u0302"));
        clip.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        Tips.tip(t.bind(clip, "player.clip"), "player-clip", t.text("player.clip.tip"));
        Tips.tip(t.bind(sample, "player.sample"), "player-sample", t.text("player.sample.tip"));
        Tips.tip(t.bind(cancel, "player.cancel"), "player-cancel", t.text("player.cancel.tip"));
        Tips.tip(progress, "player-progress", t.text("player.progress.tip"));
        Tips.tip(t.bind(savePng, "player.save_png"), "player-save-png", t.text("player.save_png.tip"));
        Tips.tip(t.bind(saveJson, "player.save_json"), "player-save-json", t.text("player.save_json.tip"));
        Tips.tip(t.bind(advancedToggle, "player.advanced"), "player-advanced-toggle", t.text("player.advanced.tip"));
        advanced = new SamplerAdvanced(t);
        transport = new TransportBar(t);
        readouts = new ScheduleReadouts(t);
        model.setItems(ctx.models.filtered(e -> e.card() != null));
        model.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(a)) {
                modelChanged(b);
            }
        });
        ctx.selected.addListener((o, a, b) -> {
            if (b != null && b.card() != null && !b.equals(model.getValue())) {
                model.setValue(b);
            }
        });
        sample.setDefaultButton(true);
        sample.getStyleClass().add("accent");
        sample.setOnAction(e -> sample());
        background = ctx.tasks.slot();
        Controls.follow(background, progress, cancel, status);
        status.setId("player-status");
        status.getStyleClass().add("status");
        savePng.setOnAction(e -> chooseAndSave(true));
        saveJson.setOnAction(e -> chooseAndSave(false));
        savePng.setDisable(true);
        saveJson.setDisable(true);

        FlowPane settings = new FlowPane(8, 6, label(t, "player.model"), model, label(t, "player.steps"), steps,
                label(t, "player.seed"), seed, label(t, "player.batch"), batch, clip, advancedToggle, sample, cancel);
        settings.getStyleClass().add("toolbar");
        settings.setAlignment(Pos.CENTER_LEFT);
        advanced.node().visibleProperty().bind(advancedToggle.selectedProperty());
        advanced.node().managedProperty().bind(advancedToggle.selectedProperty());
        advanced.onChange(() -> {
            dirty = true;
            // a start file brings its own noise and batch
            seed.setDisable(advanced.start() != null);
            batch.setDisable(advanced.start() != null);
        });

        GridPane grid = new GridPane();
        grid.getStyleClass().add("panels");
        grid.setHgap(10);
        grid.setVgap(10);
        Quantity[] qs = Quantity.values();
        for (int i = 0; i < qs.length; i++) {
            FramePanel p = new FramePanel("player-" + qs[i].id().replace('_', '-'), qs[i], t);
            panels.add(p);
            grid.add(p, i % 2, i / 2);
        }
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(r);
        }
        caption.setId("player-caption");
        caption.getStyleClass().add("caption");
        // a long caption (a start file, the reference's options) is cut on narrow windows: all of it on hover
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(caption.textProperty());
        caption.setTooltip(whole);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox captionRow = new HBox(10, caption, gap, status, progress);
        captionRow.setAlignment(Pos.CENTER_LEFT);
        VBox center = new VBox(6, captionRow, grid);
        VBox.setVgrow(grid, Priority.ALWAYS);
        center.setPadding(new Insets(4, 10, 4, 10));

        VBox side = new VBox(14, readouts, new VBox(6, savePng, saveJson));
        side.getStyleClass().add("side");
        side.setPadding(new Insets(8, 12, 8, 4));
        savePng.setMaxWidth(Double.MAX_VALUE);
        saveJson.setMaxWidth(Double.MAX_VALUE);

        transport.setPadding(new Insets(6, 10, 8, 10));
        transport.position().addListener((o, a, b) -> render(b.intValue()));
        root.setTop(new VBox(settings, advanced.node()));
        root.setCenter(center);
        root.setRight(side);
        root.setBottom(transport);
        root.getStyleClass().add("page");

        ModelEntry first = ctx.selected.get() != null && ctx.selected.get().card() != null ? ctx.selected.get()
                : ModelChoice.defaultTeacher(model.getItems()).orElse(model.getItems().isEmpty() ? null
                : model.getItems().get(0));
        if (first != null) {
            model.setValue(first);
        }
        clearPanels();
    }

    /** A field's name in the tool bar. */
    static Label label(Localizer t, String key) {
        Label l = t.bind(new Label(), key);
        l.getStyleClass().add("field-label");
        return l;
    }

    private void modelChanged(ModelEntry e) {
        steps.getValueFactory().setValue(ModelChoice.steps(e));
        boolean discrete;
        try {
            discrete = e.card().scheduleValue() instanceof DiscreteSchedule;
        } catch (IllegalArgumentException bad) {
            discrete = false; // a bad schedule is reported when sampling opens the model
        }
        advanced.setDiscrete(discrete);
        batch.getValueFactory().setValue(ModelChoice.batch(e.card().shapeValue()));
        if (ctx.selected.get() == null || !ctx.selected.get().equals(e)) {
            ctx.selected.set(e);
        }
        dirty = true;
        if (visible) {
            sample();
        }
    }

    @Override
    public void shown() {
        visible = true;
        if (dirty && model.getValue() != null) {
            sample();
        }
        if (run != null) {
            render(transport.position().get());
        }
    }

    /** Samples when the settings changed since the last run (for views that follow the player). */
    void sampleIfNeeded() {
        if (dirty && !background.isBusy() && model.getValue() != null) {
            sample();
        }
    }

    @Override
    public void hidden() {
        visible = false;
        transport.pause();
    }

    /** Starts a sampling run with the current settings (cancelling one in flight). */
    void sample() {
        ModelEntry m = model.getValue();
        if (m == null) {
            return;
        }
        Controls.commit(steps);
        Controls.commit(seed);
        Controls.commit(batch);
        cancel();
        dirty = false;
        RunSpec spec = new RunSpec(m, steps.getValue(), seed.getValue(), batch.getValue(), clip.isSelected(),
                advanced.grid(), advanced.clipStyle(), advanced.start());
        Texts t = ctx.i18n.texts();
        background.start(BackgroundTask.of(Message.of("task.sample", spec.label(t)), task -> new RunService().run(spec,
                        (done, total, current) -> task.progress(done, total), task::cancelled))
                .message(t.format("player.sampling", spec.label(t)))
                .onSuccess(this::setRun)
                .onFailure(f -> ctx.error("dialog.sampling.failed", f.message())));
    }

    void cancel() {
        background.cancel();
    }

    boolean busy() {
        return background.isBusy();
    }

    SampledRun run() {
        return run;
    }

    private void setRun(SampledRun r) {
        run = r;
        DataShape shape = r.trajectory().shape();
        boolean points = !shape.isImage();
        for (FramePanel p : panels) {
            p.usePoints(points);
        }
        status.setText("");
        savePng.setDisable(false);
        saveJson.setDisable(false);
        describe(r);
        transport.reset(r.last());
        render(0);
    }

    /** The run's caption, its grid on the curves and the frame counter, in the current language. */
    private void describe(SampledRun r) {
        Texts t = ctx.i18n.texts();
        String sep = "  \u00B7  ";
        caption.setText(r.spec().label(t) + sep + (r.start() == null ? t.format("player.caption.seed", r.spec().seed())
                : t.format("player.caption.start", r.start().file().getFileName())) + sep
                + t.format("player.caption.samples", r.trajectory().count())
                + (r.spec().clip() ? sep + t.get("player.caption.clipped") : "")
                + (r.spec().clip() && r.spec().clipStyle() == SamplerSettings.ClipStyle.DIFFUSERS
                ? " (" + t.format("player.caption.clip_style", r.spec().clipStyle().id()) + ")" : "")
                + options(t, r.spec().grid()) + sep + r.wall().text());
        ctx.setGrids(SOURCE, List.of(AppContext.GridMark.of(SOURCE, t.format("player.grid", r.spec().label(t)),
                r.trajectory())));
        transport.frameText(p -> ctx.i18n.format("player.frame", p, r.last()));
        boolean points = !r.trajectory().shape().isImage();
        for (int i = 0; i < panels.size(); i++) {
            DataRange dr = points ? DisplayRanges.points(r.range()) : DisplayRanges.image(Quantity.values()[i], r.range());
            panels.get(i).rangeNote(t.format("player.range", trim(dr.lo()), trim(dr.hi())));
        }
    }

    /** The grid options of a discrete run when they are not the defaults, else nothing. */
    private static String options(Texts t, GridOptions g) {
        if (g.isDefault()) {
            return "";
        }
        return "  \u00B7  " + t.format("player.caption.grid", g.spacingOrDefault().id()
                + (g.stepsOffset() != 0 ? " +" + g.stepsOffset() : ""), g.finalAlphaOrDefault().id(),
                g.stepToOrDefault().id());
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.format("%.0f", v) : String.format("%.1f", v);
    }

    private void clearPanels() {
        for (FramePanel p : panels) {
            p.usePoints(false);
            p.grid.clear(ctx.i18n.get("player.press_sample"));
        }
        readouts.clear();
    }

    /** Draws the frame at a position from the cached run. */
    void render(int position) {
        if (run == null) {
            return;
        }
        FrameData f = run.frame(position);
        DataShape shape = run.trajectory().shape();
        int count = run.count();
        Quantity[] qs = Quantity.values();
        for (int i = 0; i < qs.length; i++) {
            float[] values = FrameExport.values(f, qs[i]);
            FramePanel p = panels.get(i);
            if (shape.isImage()) {
                p.grid.show(values, count, shape, DisplayRanges.image(qs[i], run.range()), ctx.i18n.get("player.no_prediction"));
            } else {
                List<float[]> path = null;
                if (qs[i] == Quantity.Z || qs[i] == Quantity.X_HAT) {
                    path = new ArrayList<>(position);
                    for (int k = 0; k < position; k++) {
                        path.add(qs[i] == Quantity.Z ? run.z(k) : run.xHat(k));
                    }
                }
                p.scatter.style(ctx.palette(), ctx.fontScale.get());
                p.scatter.show(new ScatterView.Scene(values, count, shape.size(), DisplayRanges.points(run.range()),
                        path, null, ctx.i18n.get("player.no_prediction")));
            }
        }
        NoiseLevel l = f.level();
        NoiseLevel next = position < run.last() ? run.trajectory().frames().get(position).to() : null;
        readouts.show(position, run.last(), l, next, run.trajectory().schedule() instanceof DiscreteSchedule);
        ctx.cursor.set(new AppContext.Cursor(l.t(), l, SOURCE, ctx.i18n.format("player.cursor", position, run.last()),
                t -> transport.seek(org.pdviz.app.compare.TimeAlignment.position(run.steps(), t))));
    }

    void exportFrame(Path file) throws IOException {
        FrameExport.write(run, transport.position().get(), file, ctx.i18n.texts());
    }

    void exportTrajectory(Path file) throws IOException {
        TrajectoryJson.write(run.trajectory(), run.start(), file);
    }

    private void chooseAndSave(boolean png) {
        if (run == null) {
            return;
        }
        Texts t = ctx.i18n.texts();
        FileChooser fc = new FileChooser();
        fc.setTitle(t.get(png ? "player.save_png.chooser" : "player.save_json.chooser"));
        fc.getExtensionFilters().add(png ? new FileChooser.ExtensionFilter(t.get("file.png"), "*.png")
                : new FileChooser.ExtensionFilter(t.get("file.json"), "*.json"));
        fc.setInitialFileName(run.card().name() + "-" + run.steps() + (png ? "-frame-" + transport.position().get()
                + ".png" : "-trajectory.json"));
        java.io.File f = fc.showSaveDialog(root.getScene().getWindow());
        if (f == null) {
            return;
        }
        SampledRun r = run;
        int position = transport.position().get();
        ctx.tasks.execute(BackgroundTask.of(Message.of("task.save", f.getName()), m -> {
            if (png) {
                FrameExport.write(r, position, f.toPath(), t);
            } else {
                TrajectoryJson.write(r.trajectory(), r.start(), f.toPath());
            }
            return f.toPath();
        }).onSuccess(saved -> status.setText(ctx.i18n.format("status.saved", saved.getFileName())))
                .onFailure(e -> ctx.error("dialog.save.failed", e.message())));
    }

    List<FramePanel> panels() {
        return panels;
    }

    ScheduleReadouts readouts() {
        return readouts;
    }

    @Override
    public PdvizApp.View view() {
        return PdvizApp.View.PLAYER;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public PlaybackKeys keys() {
        return transport;
    }

    @Override
    public void restyle() {
        if (run != null) {
            describe(run);
            render(transport.position().get());
        } else {
            clearPanels();
        }
    }
}

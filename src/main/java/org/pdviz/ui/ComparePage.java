package org.pdviz.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.pdviz.app.i18n.Message;
import org.pdviz.app.library.ModelChoice;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.player.DisplayRanges.Quantity;
import org.pdviz.app.sampling.RunService;
import org.pdviz.app.sampling.RunSpec;
import org.pdviz.app.sampling.SampledRun;
import org.pdviz.app.sampling.Timing;
import org.pdviz.ui.task.BackgroundTask;
import org.pdviz.ui.task.TaskSlot;

/**
 * Samplers side by side from the same noise (same seed, so the same z_1 by construction), lined
 * up on t: scrubbing the reference (the first pane) shows in every other pane the last state it
 * reached at that t. Each pane tells its network evaluations, its time, its same-noise RMSE to the
 * reference, and shows the difference of its final samples from the reference's.
 */
final class ComparePage implements Page {

    static final String SOURCE = "compare";

    private final AppContext ctx;
    final Spinner<Integer> seed = Controls.intSpinner("compare-seed", 0, Integer.MAX_VALUE, 0,
            "Noise seed shared by every pane: all samplers start from the same z_1", 4);
    final Spinner<Integer> batch = Controls.intSpinner("compare-batch", 1, 1024, 16,
            "How many samples each pane draws", 4);
    final CheckBox clip = Tips.tip(new CheckBox("clip x\u0302"), "compare-clip",
            "Clip x_hat to the data range at every step, in every pane");
    final ChoiceBox<Quantity> show = Tips.tip(new ChoiceBox<>(), "compare-show",
            "What each pane shows at the aligned frame");
    final Button add = Tips.tip(new Button("+ Sampler"), "compare-add", "Add a pane (the reference model at 8 steps)");
    final Button defaults = Tips.tip(new Button("Defaults"), "compare-defaults",
            "Back to the default comparison: teacher at 512 steps, its student, the teacher's plain few-step DDIM");
    final Button runButton = Tips.tip(new Button("Run"), "compare-run", "Sample every pane from the same noise");
    final Button cancel = Tips.tip(new Button("Cancel"), "compare-cancel", "Stop sampling");
    final ProgressBar progress = Tips.tip(new ProgressBar(0), "compare-progress", "Sampling progress over all panes");
    final Label status = new Label();
    private final Label caption = new Label();
    final TransportBar transport = new TransportBar();
    private final HBox columnsBox = new HBox(10);
    private final List<CompareColumn> columns = new ArrayList<>();
    private final BorderPane root = new BorderPane();
    private List<SampledRun> runs = List.of();
    private final TaskSlot<List<SampledRun>> background;
    private boolean dirty = true;
    private boolean visible;

    ComparePage(AppContext ctx) {
        this.ctx = ctx;
        show.getItems().setAll(Quantity.values());
        show.setValue(Quantity.Z);
        show.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Quantity q) {
                return q == null ? "" : q.symbol() + "  " + q.meaning();
            }

            @Override
            public Quantity fromString(String s) {
                return null;
            }
        });
        show.valueProperty().addListener((o, a, b) -> render(transport.position().get()));
        runButton.setDefaultButton(true);
        runButton.getStyleClass().add("accent");
        runButton.setOnAction(e -> run());
        add.setOnAction(e -> {
            if (!columns.isEmpty()) {
                addColumn(new ModelChoice.Pane(columns.get(0).model.getValue(), 8));
                dirty = true;
            }
        });
        defaults.setOnAction(e -> useDefaults(null));
        background = ctx.tasks.slot();
        Controls.follow(background, progress, cancel, status);
        status.setId("compare-status");
        status.getStyleClass().add("status");
        FlowPane settings = new FlowPane(8, 6, label("Seed"), seed, label("Batch"), batch, clip, label("Show"), show,
                add, defaults, runButton, cancel);
        settings.getStyleClass().add("toolbar");
        settings.setAlignment(Pos.CENTER_LEFT);
        columnsBox.setPadding(new Insets(6, 10, 6, 10));
        columnsBox.getStyleClass().add("compare-columns");
        transport.setPadding(new Insets(6, 10, 8, 10));
        transport.position().addListener((o, a, b) -> render(b.intValue()));
        caption.getStyleClass().add("caption");
        caption.setId("compare-caption");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox captionRow = new HBox(10, caption, gap, status, progress);
        captionRow.setAlignment(Pos.CENTER_LEFT);
        captionRow.setPadding(new Insets(6, 10, 0, 10));
        VBox center = new VBox(captionRow, columnsBox);
        VBox.setVgrow(columnsBox, Priority.ALWAYS);
        caption.setTooltip(new javafx.scene.control.Tooltip("Scrubbing moves the reference (left); every other pane"
                + " shows the last state it reached at that t, so a 4-step sampler changes only every 128 teacher frames"));
        root.setTop(settings);
        root.setCenter(center);
        root.setBottom(transport);
        root.getStyleClass().add("page");
        useDefaults(null);
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        return l;
    }

    /** The default panes from the library's cards, around {@code focus} when given. */
    void useDefaults(ModelEntry focus) {
        List<ModelEntry> usable = ctx.models.stream().filter(e -> e.card() != null).toList();
        List<ModelChoice.Pane> panes = ModelChoice.comparison(usable, focus);
        columns.clear();
        columnsBox.getChildren().clear();
        panes.forEach(this::addColumn);
        if (!panes.isEmpty()) {
            batch.getValueFactory().setValue(ModelChoice.batch(panes.get(0).model().card().shapeValue()));
        }
        runs = List.of();
        dirty = true;
        if (visible) {
            run();
        }
    }

    private void addColumn(ModelChoice.Pane pane) {
        CompareColumn c = new CompareColumn(ctx, columns.size(), pane, this::removeColumn);
        c.changed(() -> dirty = true);
        columns.add(c);
        HBox.setHgrow(c, Priority.ALWAYS);
        columnsBox.getChildren().add(c);
        relabel();
    }

    private void removeColumn(CompareColumn c) {
        if (columns.size() <= 1) {
            return;
        }
        columns.remove(c);
        columnsBox.getChildren().remove(c);
        relabel();
        runs = List.of();
        dirty = true;
        columns.forEach(col -> col.clear("Press Run"));
    }

    private void relabel() {
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).index(i, columns.size() > 1);
        }
    }

    @Override
    public void shown() {
        visible = true;
        if (dirty && !columns.isEmpty()) {
            run();
        } else {
            render(transport.position().get());
        }
    }

    @Override
    public void hidden() {
        visible = false;
        transport.pause();
    }

    void run() {
        Controls.commit(seed);
        Controls.commit(batch);
        cancel();
        List<RunSpec> specs = new ArrayList<>();
        for (CompareColumn c : columns) {
            if (c.model.getValue() == null) {
                return;
            }
            Controls.commit(c.steps);
            specs.add(new RunSpec(c.model.getValue(), c.steps.getValue(), seed.getValue(), batch.getValue(),
                    clip.isSelected()));
        }
        if (specs.isEmpty()) {
            return;
        }
        dirty = false;
        Message what = specs.size() == 1 ? Message.of("task.sample", specs.get(0).label())
                : Message.of("task.sample.comparison", specs.size());
        background.start(BackgroundTask.<List<SampledRun>>of(what, m -> new RunService().runAll(specs, Timing.STEADY,
                        new RunService.Progress() {
                            @Override
                            public void update(long done, long total, RunSpec current) {
                                m.progress(done, total);
                                m.message("sampling " + current.label() + "\u2026");
                            }

                            @Override
                            public void timing(RunSpec current, int round, int rounds) {
                                m.progress(round, rounds);
                                m.message("timing " + current.label() + " (steady state)\u2026");
                            }
                        }, m::cancelled, line -> { }))
                .message("sampling " + specs.get(0).label() + "\u2026")
                .onSuccess(this::setRuns)
                .onFailure(f -> ctx.error("dialog.compare.failed", f.message())));
    }

    void cancel() {
        background.cancel();
    }

    boolean busy() {
        return background.isBusy();
    }

    List<SampledRun> runs() {
        return runs;
    }

    List<CompareColumn> columns() {
        return columns;
    }

    private void setRuns(List<SampledRun> result) {
        runs = List.copyOf(result);
        SampledRun ref = runs.get(0);
        List<AppContext.GridMark> marks = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            columns.get(i).setRun(runs.get(i), ref);
            marks.add(new AppContext.GridMark(SOURCE, "compare: " + runs.get(i).spec().label(), runs.get(i).steps()));
        }
        ctx.setGrids(SOURCE, marks);
        status.setText("");
        caption.setText(String.format("Same noise (seed %d), %d samples per pane, aligned on t", ref.spec().seed(),
                ref.spec().count()));
        transport.frameText(p -> String.format("t = %.4f", ref.t(p)));
        transport.reset(ref.last());
        render(0);
    }

    /** Shows every pane at the reference's position, aligned on t. */
    void render(int position) {
        if (runs.isEmpty() || runs.size() != columns.size()) {
            return;
        }
        SampledRun ref = runs.get(0);
        double t = ref.t(position);
        for (CompareColumn c : columns) {
            c.showAt(t, show.getValue());
        }
        if (visible) {
            ctx.cursor.set(new AppContext.Cursor(t, SOURCE, "compare, reference frame " + position + " of " + ref.last(),
                    tt -> transport.seek(org.pdviz.app.compare.TimeAlignment.position(ref.steps(), tt))));
        }
    }

    @Override
    public PdvizApp.View view() {
        return PdvizApp.View.COMPARE;
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
        render(transport.position().get());
    }
}

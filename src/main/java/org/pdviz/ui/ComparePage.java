package org.pdviz.ui;

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
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.pdviz.app.i18n.Message;
import org.pdviz.app.i18n.Texts;
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
    final Spinner<Integer> seed;
    final Spinner<Integer> batch;
    final CheckBox clip = new CheckBox();
    final ComboBox<Quantity> show = new ComboBox<>();
    final Button add = new Button();
    final Button defaults = new Button();
    final Button runButton = new Button();
    final Button cancel = new Button();
    final ProgressBar progress = new ProgressBar(0);
    final Label status = new Label();
    private final Label caption = new Label();
    final TransportBar transport;
    private final HBox columnsBox = new HBox(10);
    private final List<CompareColumn> columns = new ArrayList<>();
    private final LevelRows level = new LevelRows();  // the panes' pictures stay level when a line wraps
    private final BorderPane root = new BorderPane();
    private List<SampledRun> runs = List.of();
    private final TaskSlot<List<SampledRun>> background;
    private boolean dirty = true;
    private boolean visible;

    ComparePage(AppContext ctx) {
        this.ctx = ctx;
        Localizer t = ctx.i18n;
        seed = Controls.intSpinner("compare-seed", 0, Integer.MAX_VALUE, 0, t.text("compare.seed.tip"), 4);
        batch = Controls.intSpinner("compare-batch", 1, 1024, 16, t.text("compare.batch.tip"), 4);
        clip.setGraphic(Controls.symbol("x\u0302"));
        clip.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        Tips.tip(t.bind(clip, "player.clip"), "compare-clip", t.text("compare.clip.tip"));
        Tips.tip(show, "compare-show", t.text("compare.show.tip"));
        Tips.tip(t.bind(add, "compare.add"), "compare-add", t.text("compare.add.tip"));
        Tips.tip(t.bind(defaults, "compare.defaults"), "compare-defaults", t.text("compare.defaults.tip"));
        Tips.tip(t.bind(runButton, "compare.run"), "compare-run", t.text("compare.run.tip"));
        Tips.tip(t.bind(cancel, "player.cancel"), "compare-cancel", t.text("compare.cancel.tip"));
        Tips.tip(progress, "compare-progress", t.text("compare.progress.tip"));
        transport = new TransportBar(t);
        show.getItems().setAll(Quantity.values());
        show.setValue(Quantity.Z);
        show.setCellFactory(v -> quantityCell(t));
        show.setButtonCell(quantityCell(t));
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
        FlowPane settings = new FlowPane(8, 6, PlayerPage.label(t, "player.seed"), seed, PlayerPage.label(t, "player.batch"),
                batch, clip, PlayerPage.label(t, "compare.show"), show, add, defaults, runButton, cancel);
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
        caption.setTooltip(new javafx.scene.control.Tooltip());
        caption.getTooltip().textProperty().bind(t.text("compare.caption.tip"));
        root.setTop(settings);
        root.setCenter(center);
        root.setBottom(transport);
        root.getStyleClass().add("page");
        useDefaults(null);
        t.onChange(() -> {
            if (!runs.isEmpty()) {
                describe();
            }
        });
    }

    /** A quantity as its symbol (Latin family) and what it is (the window's language). */
    private static javafx.scene.control.ListCell<Quantity> quantityCell(Localizer t) {
        return new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Quantity q, boolean empty) {
                super.updateItem(q, empty);
                textProperty().unbind();
                if (empty || q == null) {
                    setGraphic(null);
                    setText(null);
                } else {
                    setGraphic(Controls.symbol(q.symbol()));
                    textProperty().bind(t.text(q.meaningKey()));
                }
            }
        };
    }

    /** The default panes from the library's cards, around {@code focus} when given. */
    void useDefaults(ModelEntry focus) {
        List<ModelEntry> usable = ctx.models.stream().filter(e -> e.card() != null).toList();
        List<ModelChoice.Pane> panes = ModelChoice.comparison(usable, focus);
        columns.forEach(c -> level.remove(c.textRows()));
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
        level.add(c.textRows());
        HBox.setHgrow(c, Priority.ALWAYS);
        columnsBox.getChildren().add(c);
        relabel();
    }

    private void removeColumn(CompareColumn c) {
        if (columns.size() <= 1) {
            return;
        }
        columns.remove(c);
        level.remove(c.textRows());
        columnsBox.getChildren().remove(c);
        relabel();
        runs = List.of();
        dirty = true;
        columns.forEach(CompareColumn::clear);
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
        Texts t = ctx.i18n.texts();
        Message what = specs.size() == 1 ? Message.of("task.sample", specs.get(0).label(t))
                : Message.of("task.sample.comparison", specs.size());
        background.start(BackgroundTask.<List<SampledRun>>of(what, m -> new RunService().runAll(specs, Timing.STEADY,
                        new RunService.Progress() {
                            @Override
                            public void update(long done, long total, RunSpec current) {
                                m.progress(done, total);
                                m.message(t.format("player.sampling", current.label(t)));
                            }

                            @Override
                            public void timing(RunSpec current, int round, int rounds) {
                                m.progress(round, rounds);
                                m.message(t.format("compare.timing", current.label(t)));
                            }
                        }, m::cancelled, line -> { }))
                .message(t.format("player.sampling", specs.get(0).label(t)))
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
        for (int i = 0; i < runs.size(); i++) {
            columns.get(i).setRun(runs.get(i), ref);
        }
        status.setText("");
        describe();
        transport.frameText(p -> String.format("t = %.4f", ref.t(p)));
        transport.reset(ref.last());
        render(0);
    }

    /** The caption and the samplers' grids on the curves, in the current language. */
    private void describe() {
        Texts t = ctx.i18n.texts();
        SampledRun ref = runs.get(0);
        List<AppContext.GridMark> marks = new ArrayList<>();
        for (SampledRun r : runs) {
            marks.add(AppContext.GridMark.of(SOURCE, t.format("compare.grid", r.spec().label(t)), r.trajectory()));
        }
        ctx.setGrids(SOURCE, marks);
        caption.setText(t.format("compare.caption", ref.spec().seed(), ref.count()));
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
            ctx.cursor.set(new AppContext.Cursor(t, ref.level(position), SOURCE, ctx.i18n.format("compare.cursor", position, ref.last()),
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

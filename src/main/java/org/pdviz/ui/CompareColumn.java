package org.pdviz.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.pdviz.app.compare.BatchDifferences;
import org.pdviz.app.compare.Cost;
import org.pdviz.app.compare.TimeAlignment;
import org.pdviz.app.i18n.Texts;
import org.pdviz.app.library.ModelChoice;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.player.DisplayRanges.Quantity;
import org.pdviz.app.player.DisplayRanges;
import org.pdviz.app.player.FrameExport;
import org.pdviz.app.sampling.SampledRun;
import org.pdviz.core.model.DataRange;
import org.pdviz.core.model.DataShape;

/** One pane of the comparison: its sampler, the aligned frame, its numbers and its difference picture. */
final class CompareColumn extends VBox {

    final ComboBox<ModelEntry> model;
    final Spinner<Integer> steps;
    private final Button remove;
    private final Label role = new Label();
    private final FramePanel frame;
    private final Label frameLabel = new Label();
    private final FramePanel diff;
    private final Label stats = new Label();
    private final List<Label> textRows = List.of(role, frameLabel, stats);
    private javafx.scene.layout.Pane pictures = new VBox(6);
    private boolean sideBySide;
    private final AppContext ctx;
    private boolean first;
    private SampledRun run;
    private SampledRun reference;
    private Quantity shownQuantity;
    private double rmse = Double.NaN;
    private int shownPosition = -1;
    private Runnable onChange = () -> { };

    CompareColumn(AppContext ctx, int index, ModelChoice.Pane pane, Consumer<CompareColumn> remover) {
        super(6);
        this.ctx = ctx;
        getStyleClass().add("compare-column");
        setId("compare-pane-" + index);
        Localizer t = ctx.i18n;
        model = Controls.modelBox(t, "compare-model-" + index, t.text("compare.model.tip"));
        model.setItems(ctx.models.filtered(e -> e.card() != null));
        model.setValue(pane.model());
        model.setMaxWidth(Double.MAX_VALUE);
        model.setMinWidth(120);
        HBox.setHgrow(model, Priority.ALWAYS);
        steps = Controls.intSpinner("compare-steps-" + index, 1, 4096, pane.steps(), t.text("compare.steps.tip"), 4);
        steps.setMinWidth(USE_PREF_SIZE);
        remove = Tips.tip(new Button("\u2715"), "compare-remove-" + index, t.text("compare.remove.tip"));
        remove.setOnAction(e -> remover.accept(this));
        model.valueProperty().addListener((o, a, b) -> {
            if (b != null && b.isStudent()) {
                steps.getValueFactory().setValue(b.steps());
            }
            describe();
            onChange.run();
        });
        steps.valueProperty().addListener((o, a, b) -> onChange.run());
        HBox head = new HBox(6, model, steps, remove);
        head.setAlignment(Pos.CENTER_LEFT);
        role.getStyleClass().add("pane-role");
        role.setId("compare-role-" + index);
        frame = new FramePanel("compare-frame-" + index);
        frameLabel.getStyleClass().add("frame-label");
        frameLabel.setId("compare-frame-label-" + index);
        frameLabel.setWrapText(true);
        frameLabel.setMinHeight(USE_PREF_SIZE);
        diff = new FramePanel("compare-diff-" + index);
        stats.getStyleClass().add("pane-stats");
        stats.setId("compare-stats-" + index);
        stats.setWrapText(true);
        stats.setMinHeight(USE_PREF_SIZE);
        VBox.setVgrow(frame, Priority.ALWAYS);
        VBox current = new VBox(4, frame, frameLabel);
        VBox.setVgrow(current, Priority.ALWAYS);
        HBox.setHgrow(current, Priority.ALWAYS);
        VBox.setVgrow(diff, Priority.ALWAYS);
        HBox.setHgrow(diff, Priority.ALWAYS);
        // equal shares of the room in either arrangement
        current.setMinSize(0, 0);
        diff.setMinSize(0, 0);
        current.setPrefSize(0, 0);
        diff.setPrefSize(0, 0);
        VBox.setVgrow(pictures, Priority.ALWAYS);
        pictures.getChildren().setAll(current, diff);
        setPadding(new Insets(6));
        getChildren().addAll(head, role, pictures, stats);
        // wide panes put the frame and the difference side by side, narrow ones stack them
        widthProperty().addListener((o, a, b) -> arrange());
        heightProperty().addListener((o, a, b) -> arrange());
        setMinWidth(160);
        clear();
        t.onChange(() -> {
            describe();
            if (run != null) {
                int p = shownPosition;
                Quantity q = shownQuantity;
                setRun(run, reference);
                if (q != null && p >= 0) {
                    showAt(run.t(p), q);
                }
            } else {
                clear();
            }
        });
    }

    private void arrange() {
        boolean wide = getWidth() > 0.8 * getHeight();
        if (wide == sideBySide || getWidth() == 0) {
            return;
        }
        sideBySide = wide;
        javafx.scene.layout.Pane next = wide ? new HBox(8) : new VBox(6);
        next.getChildren().setAll(pictures.getChildren());
        VBox.setVgrow(next, Priority.ALWAYS);
        int i = getChildren().indexOf(pictures);
        pictures = next;
        getChildren().set(i, next);
    }

    /** The full name under the (possibly narrow) model box. */
    private void describe() {
        ModelEntry m = model.getValue();
        Texts t = ctx.i18n.texts();
        String name = m == null ? "" : t.format("compare.pane.model", m.name(), LibraryPage.role(t, m));
        role.setText(t.format(first ? "compare.pane.reference" : "compare.pane.versus", name));
    }

    void changed(Runnable r) {
        onChange = r;
    }

    void index(int i, boolean removable) {
        first = i == 0;
        describe();
        remove.setDisable(!removable);
    }

    /** No run yet (or the panes changed): the pane asks for a run. */
    void clear() {
        run = null;
        frame.usePoints(false);
        frame.grid.clear(ctx.i18n.get("compare.press_run"));
        frame.title("");
        diff.usePoints(false);
        diff.grid.clear("");
        diff.title("");
        frameLabel.setText("");
        stats.setText("");
    }

    void setRun(SampledRun r, SampledRun ref) {
        Texts t = ctx.i18n.texts();
        run = r;
        reference = ref;
        shownPosition = -1;
        DataShape shape = r.trajectory().shape();
        boolean points = !shape.isImage();
        frame.usePoints(points);
        diff.usePoints(points);
        rmse = BatchDifferences.rmse(r.trajectory().finalSample(), ref.trajectory().finalSample(), r.count());
        boolean isRef = r == ref;
        String quality = org.pdviz.app.eval.ReportQuality.find(r.spec().model().file(), r.card().name(), r.steps())
                .map(q -> "\n" + t.format("compare.stats.quality", q.describe(t))).orElse("");
        Cost cost = Cost.of(r), refCost = Cost.of(ref);
        stats.setText(t.format("compare.stats.evaluations", cost.evaluations())
                + (isRef ? t.get("compare.stats.reference") : t.format("compare.stats.fewer", Cost.number(cost.fewerEvaluations(refCost))))
                + "\n" + t.format("compare.stats.time", r.wall().text(), r.count())
                + (isRef ? "" : t.format("compare.stats.faster", Cost.number(cost.faster(refCost))))
                + t.format(r.wall().runs() == 1 ? "compare.stats.runs.one" : "compare.stats.runs", r.wall().runs()) + "\n"
                + (isRef ? t.get("compare.stats.rmse.reference") : t.format("compare.stats.rmse", String.format("%.4f", rmse)))
                + quality);
        int count = r.count();
        if (isRef) {
            diff.title(t.get("compare.diff.final"));
            showFinal(r, count, shape);
        } else if (shape.isImage()) {
            diff.title(t.get("compare.diff.images"));
            float[] d = BatchDifferences.signedDifferenceRgb(r.trajectory().finalSample(), ref.trajectory().finalSample(),
                    count, shape.dim(0), shape.dim(1) * shape.dim(2));
            diff.grid.show(d, count, DataShape.of(3, shape.dim(1), shape.dim(2)), new DataRange(0, 1), "");
        } else {
            diff.title(t.get("compare.diff.points"));
            diff.scatter.style(ctx.palette(), ctx.fontScale.get());
            diff.scatter.show(new ScatterView.Scene(r.trajectory().finalSample(), count, shape.size(),
                    DisplayRanges.points(r.range()), null, ref.trajectory().finalSample(), ""));
        }
    }

    private void showFinal(SampledRun r, int count, DataShape shape) {
        if (shape.isImage()) {
            diff.grid.show(r.trajectory().finalSample(), count, shape, r.range(), "");
        } else {
            diff.scatter.style(ctx.palette(), ctx.fontScale.get());
            diff.scatter.show(new ScatterView.Scene(r.trajectory().finalSample(), count, shape.size(),
                    DisplayRanges.points(r.range()), null, null, ""));
        }
    }

    /** Shows the last state this sampler reached at the reference's time t. */
    void showAt(double t, Quantity q) {
        if (run == null) {
            return;
        }
        int p = TimeAlignment.position(run.steps(), t);
        shownPosition = p;
        shownQuantity = q;
        DataShape shape = run.trajectory().shape();
        int count = run.count();
        var f = run.frame(p);
        float[] values = FrameExport.values(f, q);
        frame.title(ctx.i18n, q);
        if (shape.isImage()) {
            frame.grid.show(values, count, shape, DisplayRanges.image(q, run.range()), ctx.i18n.get("player.no_prediction"));
        } else {
            List<float[]> path = null;
            if (q == Quantity.Z || q == Quantity.X_HAT) {
                path = new ArrayList<>(p);
                for (int k = 0; k < p; k++) {
                    path.add(q == Quantity.Z ? run.z(k) : run.xHat(k));
                }
            }
            frame.scatter.style(ctx.palette(), ctx.fontScale.get());
            frame.scatter.show(new ScatterView.Scene(values, count, shape.size(), DisplayRanges.points(run.range()),
                    path, null, ctx.i18n.get("player.no_prediction")));
        }
        frameLabel.setText(ctx.i18n.format("compare.frame", p, run.last(), String.format("%.4f", run.t(p))));
    }

    int shownPosition() {
        return shownPosition;
    }

    double rmse() {
        return rmse;
    }

    String frameText() {
        return frameLabel.getText();
    }

    /** The text rows under and between the pictures, top to bottom (kept level across panes). */
    List<Label> textRows() {
        return textRows;
    }
}

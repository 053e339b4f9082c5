package org.pdviz.ui;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.pdviz.app.curves.ScheduleCurves;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.core.schedule.DiscreteSchedule;
import org.pdviz.core.schedule.NoiseLevel;
import org.pdviz.core.schedule.Schedule;

/**
 * The schedule's curves with the time grids of the samplers on screen and a cursor that follows
 * the frame shown by the player (or the comparison); clicking the curves moves that view. The
 * schedule is that of the first sampler on screen (a discrete one with its timesteps), else the
 * clipped cosine schedule.
 */
final class CurvesPage implements Page {

    static final int POINTS = 801;

    private final AppContext ctx;
    private final CurvesCanvas canvas;
    private final Label readout = new Label();
    private final Label source = new Label();
    private final BorderPane root = new BorderPane();
    private Schedule schedule = CosineSchedule.CLIPPED;

    CurvesPage(AppContext ctx) {
        this.ctx = ctx;
        canvas = new CurvesCanvas(ScheduleCurves.of(schedule, POINTS), ctx.i18n);
        canvas.setId("curves-canvas");
        readout.setId("curves-readout");
        readout.getStyleClass().add("caption");
        readout.setWrapText(true);
        source.getStyleClass().add("hint");
        source.setId("curves-source");
        VBox top = new VBox(2, readout, source);
        top.setPadding(new Insets(8, 12, 4, 12));
        root.setTop(top);
        root.setCenter(canvas);
        BorderPane.setMargin(canvas, new Insets(4, 8, 8, 8));
        root.getStyleClass().add("page");
        ctx.cursor.addListener((o, a, b) -> refresh());
        ctx.grids.addListener((ListChangeListener<AppContext.GridMark>) c -> refresh());
        refresh();
    }

    private void refresh() {
        Schedule shown = ctx.grids.isEmpty() ? CosineSchedule.CLIPPED : ctx.grids.get(0).schedule();
        if (!shown.equals(schedule)) {
            schedule = shown;
            canvas.setCurves(ScheduleCurves.of(schedule, POINTS));
        }
        AppContext.Cursor c = ctx.cursor.get();
        double t = c == null ? Double.NaN : c.t();
        canvas.update(ctx.grids, t, ctx.palette(), ctx.fontScale.get(), c == null ? x -> { } : c.seek());
        if (c == null) {
            readout.setText(ctx.i18n.get("curves.no_frame"));
            source.setText("");
        } else {
            NoiseLevel l = c.level() != null ? c.level() : schedule.at(t);
            String step = schedule instanceof DiscreteSchedule ? ScheduleReadouts.timestep(ctx.i18n, l) : "";
            readout.setText(String.format("t = %.4f%s   \u03B1 = %.4f   \u03C3 = %.4f   \u03BB = %+.3f   SNR = %.3g   "
                            + "max(SNR, 1) = %.3g   SNR + 1 = %.3g", t, step, l.alpha(), l.sigma(), l.logSnr(), l.snr(),
                    Weighting.TRUNCATED_SNR.weight(l), Weighting.SNR_PLUS_ONE.weight(l)));
            source.setText(ctx.i18n.format("curves.cursor", c.detail()));
        }
    }

    /** The schedule drawn now. */
    Schedule schedule() {
        return schedule;
    }

    @Override
    public void shown() {
        if (ctx.grids.isEmpty()) {
            // open directly: give the curves a sampler to follow
            PlayerPage player = ctx.page(PdvizApp.View.PLAYER);
            player.sampleIfNeeded();
        }
        refresh();
    }

    CurvesCanvas canvas() {
        return canvas;
    }

    String readout() {
        return readout.getText();
    }

    @Override
    public PdvizApp.View view() {
        return PdvizApp.View.CURVES;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void restyle() {
        refresh();
    }
}

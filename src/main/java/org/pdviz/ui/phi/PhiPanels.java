package org.pdviz.ui.phi;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.pdviz.app.draw.Painter;
import org.pdviz.app.draw.Palette;
import org.pdviz.app.phi.Coordinate;
import org.pdviz.app.phi.PhiDiagram;
import org.pdviz.app.phi.PhiFrame;
import org.pdviz.app.render.ImageGrid;
import org.pdviz.app.render.Raster;
import org.pdviz.ui.Localizer;

/**
 * The phi view's pictures, painted from the model: the diagram of the plane of x and eps, the
 * four panels (z, x_hat, eps_hat, v_hat), the strip of the teacher's samples, the chosen
 * coordinate's trace against phi and its numbers. Clicks pick a pixel, a point or a sample.
 */
final class PhiPanels extends HBox {

    private final PhiModel model;
    final CanvasPane diagram = new CanvasPane(720, 560);
    final CanvasPane[] panels = new CanvasPane[4];
    private final CanvasPane strip = new CanvasPane(360, 56);
    private final CanvasPane trace = new CanvasPane(420, 150);
    private final Label pixelLabel = new Label("");
    private final Map<String, Label> values = new HashMap<>();
    final HBox lower;
    final VBox right;

    private final Localizer i18n;

    PhiPanels(PhiModel model) {
        this.model = model;
        this.i18n = model.i18n();
        diagram.setId("phi-diagram");
        HBox.setHgrow(diagram, Priority.ALWAYS);
        GridPane grid4 = new GridPane();
        grid4.setHgap(6);
        grid4.setVgap(6);
        String[] ids = {"panel-z", "panel-xhat", "panel-epshat", "panel-vhat"};
        for (int q = 0; q < 4; q++) {
            CanvasPane pane = new CanvasPane(230, 230);
            panels[q] = pane;
            pane.setId(ids[q]);
            PhiFrame.Quantity quantity = PhiFrame.Quantity.values()[q];
            pane.setOnMouseClicked(e -> model.pickAt(quantity, e.getX(), e.getY(), pane.getWidth(), pane.getHeight()));
            Tooltip.install(pane, tip("phi.panel.tip"));
            GridPane.setHgrow(pane, Priority.ALWAYS);
            GridPane.setVgrow(pane, Priority.ALWAYS);
            grid4.add(pane, q % 2, q / 2);
        }
        strip.setId("sample-strip");
        strip.setOnMouseClicked(e -> model.pickFromStrip(e.getX(), strip.getWidth(), strip.getHeight()));
        Tooltip.install(strip, tip("phi.strip.tip"));
        strip.setMinHeight(40);
        strip.setPrefHeight(52);
        trace.setId("trace");
        trace.setPrefHeight(170);
        trace.setMinHeight(140);
        pixelLabel.setId("pixel-label");
        pixelLabel.getStyleClass().add("head");
        VBox numbers = new VBox(2, pixelLabel, valuesTable());
        numbers.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(trace, Priority.ALWAYS);
        lower = new HBox(8, numbers, trace);
        right = new VBox(6, strip, grid4, lower);
        right.setPadding(new Insets(8, 12, 4, 4));
        right.setPrefWidth(540);
        right.setMinWidth(420);
        VBox.setVgrow(grid4, Priority.ALWAYS);
        getChildren().addAll(diagram, right);
        setPadding(new Insets(4));

        diagram.painter(this::paintDiagram);
        for (int q = 0; q < 4; q++) {
            PhiFrame.Quantity quantity = PhiFrame.Quantity.values()[q];
            panels[q].painter(p -> paintPanel(p, quantity));
        }
        strip.painter(this::paintStrip);
        trace.painter(this::paintTrace);
        model.revisionProperty().addListener((o, a, b) -> redraw());
        i18n.onChange(this::redraw);
    }

    private Tooltip tip(String key) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.text(key));
        return t;
    }

    private void redraw() {
        diagram.repaint();
        for (CanvasPane p : panels) {
            p.repaint();
        }
        strip.repaint();
        trace.repaint();
        coordinateValues();
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
        t.add(i18n.bind(head(""), "phi.values.true"), 1, 0);
        t.add(i18n.bind(head(""), "phi.values.model"), 2, 0);
        for (int r = 0; r < rows.length; r++) {
            t.add(head(rows[r][0]), 0, r + 1);
            t.add(value("value-" + rows[r][1], r == 3 ? "v-true" : null), 1, r + 1);
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

    private void coordinateValues() {
        if (model.current() == null) {
            return;
        }
        Coordinate c = model.current().coordinate();
        var shape = model.session().samples().shape();
        int plane = shape.isImage() ? shape.dim(1) * shape.dim(2) : 1;
        pixelLabel.setText(shape.isImage()
                ? i18n.format("phi.values.pixel", model.sample(), (c.index() % plane) / shape.dim(2), c.index() % shape.dim(2))
                : i18n.format("phi.values.point", model.sample(), c.index() + 1));
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
        var session = model.session();
        var current = model.current();
        if (session == null || current == null) {
            p.clear(Palette.BACKGROUND);
            return;
        }
        boolean paths = session.data().xFromSameNoise();
        PhiDiagram.paint(p, i18n.texts(), new PhiDiagram.Content(model.grid().schedule(), current.phi(), current,
                paths ? model.teacherPath() : null, paths ? model.studentPath() : null,
                session.models().teacher().steps(), session.models().student().steps(), session.models().distilled()));
    }

    private void paintPanel(FxPainter p, PhiFrame.Quantity q) {
        var session = model.session();
        if (session == null || model.current() == null) {
            p.clear(Palette.BACKGROUND);
            return;
        }
        PhiFrame.panel(p, i18n.texts(), q, session, model.index(), model.sample(), model.coordinate(),
                q == PhiFrame.Quantity.Z ? session.cached(model.source.get(), model.index()) : model.lastPredictions());
    }

    private void paintTrace(FxPainter p) {
        if (model.session() == null || model.current() == null) {
            p.clear(Palette.BACKGROUND);
            return;
        }
        PhiFrame.trace(p, i18n.texts(), model.session(), model.sample(), model.coordinate(), model.current().phi());
    }

    /** The teacher's results, one thumbnail each (images); for points, how to pick one. */
    private void paintStrip(FxPainter p) {
        p.clear(Palette.BACKGROUND);
        var session = model.session();
        if (session == null) {
            return;
        }
        var set = session.samples();
        if (!set.shape().isImage()) {
            p.font(14, false, true);
            p.color(Palette.MUTED);
            p.text(i18n.get("phi.strip.points"), 4, p.height() / 2 + 5, Painter.Anchor.LEFT);
            return;
        }
        int n = set.count();
        double cell = Math.min(p.width() / n, p.height());
        Raster r = ImageGrid.render(set.x(), n, set.shape(), session.models().range().lo(), session.models().range().hi(),
                new ImageGrid.Layout(n, 1, 0));
        p.image(r.argb(), r.width(), r.height(), 0, 0, cell * n, cell);
        p.color(0xFFE0245E);
        p.lineWidth(3);
        p.strokeRect(model.sample() * cell + 1.5, 1.5, cell - 3, cell - 3);
    }
}

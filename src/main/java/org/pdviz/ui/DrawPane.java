package org.pdviz.ui;

import java.io.File;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.FileChooser;
import org.pdviz.app.i18n.Texts;
import org.pdviz.app.live.LiveService;
import org.pdviz.core.data.PointSets;
import org.pdviz.core.model.DataRange;

/**
 * The Draw source on screen, bound to {@link DrawModel}: the tools above (brush or eraser, its size
 * and density, clear, a file, a word, a preset), the canvas over the data range, and beside it the
 * live run: one button, its progress, each finished round's few-step samples as they arrive, the
 * closing comparison in words and the buttons that open the student in the comparison or the player.
 */
final class DrawPane extends BorderPane {

    /** The canvas shows the data range [-1, 1] with a margin. */
    static final DataRange WINDOW = new DataRange(-1.2, 1.2);

    final DrawModel model;
    final ScatterView canvas = new ScatterView();
    final Button run = new Button();
    final Button cancel = new Button();
    final Button compare = new Button();
    final Button play = new Button();
    final TextField word = new TextField();
    private final Circle ring = new Circle();
    private final GridPane roundGrid = new GridPane();
    private final AppContext ctx;

    DrawPane(DrawModel model) {
        this.model = model;
        this.ctx = model.ctx;
        Localizer t = ctx.i18n;
        canvas.setId("draw-canvas");
        setTop(tools(t));
        setCenter(canvasBox());
        setRight(runBox(t));
        setPadding(new Insets(0, 10, 10, 10));
        setId("draw-pane");
        model.versionProperty().addListener((o, a, b) -> redraw());
        t.onChange(() -> {
            redraw();
            showRounds();
        });
        model.rounds().addListener((ListChangeListener<LiveService.Round>) c -> showRounds());
        redraw();
        showRounds();
    }

    private FlowPane tools(Localizer t) {
        ToggleGroup group = new ToggleGroup();
        ToggleButton brush = Tips.tip(t.bind(new ToggleButton(), "draw.brush"), "draw-brush", t.text("draw.brush.tip"));
        ToggleButton erase = Tips.tip(t.bind(new ToggleButton(), "draw.erase"), "draw-erase", t.text("draw.erase.tip"));
        brush.setToggleGroup(group);
        erase.setToggleGroup(group);
        brush.setSelected(true);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one tool is always chosen
            } else {
                model.tool.set(b == erase ? DrawModel.Tool.ERASE : DrawModel.Tool.PAINT);
            }
        });
        Slider size = Tips.tip(new Slider(0.02, 0.3, model.brushRadius.get()), "draw-size", t.text("draw.size.tip"));
        size.valueProperty().bindBidirectional(model.brushRadius);
        size.setPrefWidth(110);
        Slider density = Tips.tip(new Slider(1, 30, model.density.get()), "draw-density", t.text("draw.density.tip"));
        density.valueProperty().addListener((o, a, b) -> model.density.set((int) Math.round(b.doubleValue())));
        density.setPrefWidth(110);
        Button clear = Tips.tip(t.bind(new Button(), "draw.clear"), "draw-clear", t.text("draw.clear.tip"));
        clear.setOnAction(e -> model.clear());
        Button load = Tips.tip(t.bind(new Button(), "draw.load"), "draw-load", t.text("draw.load.tip"));
        load.setOnAction(e -> chooseFile(t));
        Tips.tip(t.prompt(word, "draw.word.prompt"), "draw-word", t.text("draw.word.tip"));
        word.setPrefColumnCount(8);
        Button write = Tips.tip(t.bind(new Button(), "draw.word"), "draw-word-go", t.text("draw.word.tip"));
        write.setOnAction(e -> model.word(word.getText()));
        word.setOnAction(e -> model.word(word.getText()));
        ChoiceBox<String> preset = Tips.tip(new ChoiceBox<>(), "draw-preset", t.text("draw.preset.tip"));
        preset.getItems().setAll(PointSets.names());
        preset.setOnAction(e -> {
            if (preset.getValue() != null) {
                model.preset(preset.getValue());
            }
        });
        Label count = new Label();
        count.textProperty().bind(t.text(x -> x.format("draw.count", model.countProperty().get()),
                model.countProperty()));
        count.getStyleClass().add("hint");
        count.setId("draw-count");
        FlowPane bar = new FlowPane(8, 6, brush, erase, TrainerForm.label(t, "draw.size"), size,
                TrainerForm.label(t, "draw.density"), density, clear, load, word, write,
                TrainerForm.label(t, "draw.preset"), preset, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("toolbar");
        bar.setPadding(new Insets(8, 0, 8, 0));
        bar.disableProperty().bind(model.runningProperty());
        return bar;
    }

    private StackPane canvasBox() {
        ring.getStyleClass().add("draw-brush-ring");
        ring.setManaged(false);
        ring.setVisible(false);
        Pane overlay = new Pane(ring);
        overlay.setMouseTransparent(true);
        canvas.setOnMousePressed(e -> stroke(e, true));
        canvas.setOnMouseDragged(e -> stroke(e, false));
        canvas.setOnMouseReleased(e -> model.strokeEnd());
        canvas.setOnMouseMoved(this::moveRing);
        canvas.setOnMouseExited(e -> ring.setVisible(false));
        canvas.disableProperty().bind(model.runningProperty());
        StackPane box = new StackPane(canvas, overlay);
        box.setMinSize(240, 240);
        return box;
    }

    private void stroke(MouseEvent e, boolean start) {
        moveRing(e);
        double[] p = canvas.toData(e.getX(), e.getY());
        if (p == null) {
            return;
        }
        if (start) {
            model.strokeStart(p[0], p[1]);
        } else {
            model.strokeTo(p[0], p[1]);
        }
    }

    private void moveRing(MouseEvent e) {
        ring.setCenterX(e.getX());
        ring.setCenterY(e.getY());
        ring.setRadius(model.brushRadius.get() * canvas.pixelsPerUnit());
        ring.setVisible(true);
    }

    private VBox runBox(Localizer t) {
        Tips.tip(t.bind(run, "draw.run"), "draw-run", t.text("draw.run.tip"));
        Tips.tip(t.bind(cancel, "player.cancel"), "draw-cancel", t.text("draw.cancel.tip"));
        Tips.tip(t.bind(compare, "draw.compare"), "draw-compare", t.text("draw.compare.tip"));
        Tips.tip(t.bind(play, "draw.play"), "draw-play", t.text("draw.play.tip"));
        run.getStyleClass().add("accent");
        run.setMaxWidth(Double.MAX_VALUE);
        run.setOnAction(e -> model.run());
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.runningProperty().not());
        compare.setOnAction(e -> model.compare());
        play.setOnAction(e -> model.play());
        compare.disableProperty().bind(model.resultProperty().isNull());
        play.disableProperty().bind(model.resultProperty().isNull());
        HBox buttons = new HBox(8, run, cancel);
        HBox.setHgrow(run, Priority.ALWAYS);
        ProgressBar progress = Tips.tip(new ProgressBar(0), "draw-progress", t.text("draw.progress.tip"));
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        Label status = label("draw-status", "status");
        status.textProperty().bind(model.status().textProperty());
        Label caption = t.bind(new Label(), "draw.rounds", DrawModel.STUDENT_STEPS);
        caption.getStyleClass().add("caption");
        caption.setWrapText(true);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            roundGrid.getColumnConstraints().add(c);
        }
        roundGrid.setHgap(8);
        roundGrid.setVgap(6);
        roundGrid.setId("draw-rounds");
        Label outcome = label("draw-outcome", "draw-outcome");
        outcome.textProperty().bind(model.outcome().textProperty());
        HBox open = new HBox(8, compare, play);
        VBox box = new VBox(8, buttons, progress, status, caption, roundGrid, outcome, open);
        VBox.setVgrow(roundGrid, Priority.ALWAYS);
        box.setPadding(new Insets(8, 0, 0, 12));
        // the rounds are what the class watches: nearly half the width, the canvas keeps the rest
        box.prefWidthProperty().bind(widthProperty().multiply(0.45));
        box.setMinWidth(300);
        return box;
    }

    private static Label label(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }

    private void chooseFile(Localizer t) {
        FileChooser fc = new FileChooser();
        fc.setTitle(t.get("draw.load.chooser"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(t.get("draw.load.filter"), "*.csv", "*.tsv",
                "*.txt", "*.npy"));
        File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            model.load(f.toPath());
        }
    }

    private void redraw() {
        canvas.style(ctx.palette(), ctx.fontScale.get());
        int n = model.countProperty().get();
        canvas.show(new ScatterView.Scene(n == 0 ? null : model.points(), n, 2, WINDOW, null, null,
                ctx.i18n.get("draw.canvas.empty")));
    }

    /** One panel per finished round, two to a row: its model's samples with the student's step count. */
    private void showRounds() {
        Texts t = ctx.i18n.texts();
        roundGrid.getChildren().clear();
        int i = 0;
        for (LiveService.Round r : model.rounds()) {
            FramePanel p = new FramePanel("draw-round-" + (i + 1));
            p.title(r.steps() == null ? t.format("draw.round.copy", t.steps(r.previewSteps()))
                    : t.format("draw.round.student", r.steps(), t.steps(r.previewSteps())));
            p.usePoints(true);
            p.scatter.style(ctx.palette(), ctx.fontScale.get());
            if (r.preview() != null) {
                p.scatter.show(new ScatterView.Scene(r.preview(), r.preview().length / 2, 2, WINDOW, null, null, ""));
            }
            roundGrid.add(p, i % 2, i / 2);
            i++;
        }
        // room for two rows from the start (the classroom run has four rounds), more when a run has more
        int rows = Math.max(2, (i + 1) / 2);
        roundGrid.getRowConstraints().clear();
        for (int r = 0; r < rows; r++) {
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(100.0 / rows);
            roundGrid.getRowConstraints().add(row);
        }
    }

    /** The theme or font changed. */
    void restyle() {
        redraw();
        showRounds();
    }
}

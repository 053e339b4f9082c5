package org.pdviz.ui;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.pdviz.app.jobs.ProgressLog;

/**
 * The running job on screen, bound to the trainer's model: title and speed, overall and stage
 * progress, the loss chart beside the preview of the newest stage, the result, and the stages with
 * the trainer's messages.
 */
final class JobMonitorPane extends VBox {

    final LossChart chart;
    final PreviewPane preview;

    JobMonitorPane(TrainerModel model) {
        super(8);
        JobMonitor job = model.job;
        Localizer t = model.ctx.i18n;
        this.chart = new LossChart(t);
        this.preview = new PreviewPane(model.ctx, model.previews);
        Label title = new Label();
        title.textProperty().bind(job.titleProperty());
        title.getStyleClass().add("page-title");
        title.setId("trainer-title");
        title.setMinWidth(0);
        Label speed = new Label();
        speed.textProperty().bind(job.speedProperty());
        speed.getStyleClass().add("trainer-speed");
        speed.setId("trainer-speed");
        speed.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(10, title, gap, speed);
        head.setAlignment(Pos.BASELINE_LEFT);

        GridPane bars = new GridPane();
        bars.setHgap(8);
        bars.setVgap(4);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        bars.getColumnConstraints().addAll(new ColumnConstraints(), grow);
        ProgressBar overall = Tips.tip(new ProgressBar(0), "trainer-overall", t.text("trainer.overall.tip"));
        overall.progressProperty().bind(job.overallProperty());
        ProgressBar stage = Tips.tip(new ProgressBar(0), "trainer-stage-progress", t.text("trainer.stage.tip"));
        stage.progressProperty().bind(job.stageProgressProperty());
        progressRow(bars, 0, TrainerForm.label(t, "trainer.overall"), overall, label("trainer-overall-text",
                job.overallTextProperty()));
        progressRow(bars, 1, TrainerForm.label(t, "trainer.stage"), stage, label("trainer-stage-text",
                job.stageTextProperty()));

        job.planProperty().addListener((o, a, b) -> chart.reset(b));
        job.losses().addListener((ListChangeListener<ProgressLog.LossPoint>) c -> {
            while (c.next()) {
                if (c.wasAdded()) {
                    chart.add(c.getAddedSubList());
                }
            }
        });
        getChildren().addAll(head, bars, middle(t), resultRow(model, t), bottom(model, t));
        setPadding(new Insets(10, 12, 10, 10));
        setMinWidth(500);
    }

    private static Label label(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        return l;
    }

    private static void progressRow(GridPane grid, int row, Label name, ProgressBar bar, Label text) {
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setPrefWidth(300);
        bar.setMinWidth(80);
        text.setMinWidth(Region.USE_PREF_SIZE);
        text.getStyleClass().add("progress-text");
        grid.addRow(row, name, bar, text);
    }

    /** The loss chart and the preview; the preview's two squares get a little more room. */
    private GridPane middle(Localizer t) {
        preview.setMinWidth(320);
        Label hint = t.bind(new Label(), "trainer.chart.hint");
        hint.getStyleClass().add("placeholder");
        hint.setWrapText(true);
        hint.setMouseTransparent(true);
        StackPane chartBox = new StackPane(chart, hint);
        hint.visibleProperty().bind(chart.emptyProperty());
        chart.visibleProperty().bind(chart.emptyProperty().not());
        GridPane middle = new GridPane();
        middle.setHgap(10);
        for (double pc : new double[] {44, 56}) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(pc);
            c.setHgrow(Priority.ALWAYS);
            middle.getColumnConstraints().add(c);
        }
        RowConstraints r = new RowConstraints();
        r.setVgrow(Priority.ALWAYS);
        middle.getRowConstraints().add(r);
        middle.addRow(0, chartBox, preview);
        VBox.setVgrow(middle, Priority.ALWAYS);
        return middle;
    }

    private static HBox resultRow(TrainerModel model, Localizer t) {
        Label result = new Label();
        result.textProperty().bind(model.job.resultProperty());
        result.setId("trainer-result");
        result.setWrapText(true);
        result.getStyleClass().add("trainer-result");
        result.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(result, Priority.ALWAYS);
        result.setMinHeight(Region.USE_PREF_SIZE);
        Button compare = Tips.tip(t.bind(new Button(), "trainer.compare_newest"), "trainer-compare-final",
                t.text("trainer.compare_newest.tip"));
        compare.setOnAction(e -> model.openIn(model.job.lastStudentProperty().get(), PdvizApp.View.COMPARE));
        compare.disableProperty().bind(model.job.comparableProperty().not());
        compare.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, result, compare);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** The stages (a row each, with Compare and Player once done) beside the trainer's messages. */
    private static HBox bottom(TrainerModel model, Localizer t) {
        VBox rows = new VBox(4);
        rows.setId("trainer-stages");
        Label empty = t.bind(new Label(), "trainer.stages.empty");
        empty.getStyleClass().add("hint");
        empty.setWrapText(true);
        Runnable fill = () -> {
            if (model.job.stages().isEmpty()) {
                rows.getChildren().setAll(empty);
            } else {
                rows.getChildren().setAll(model.job.stages().stream().map(s -> new StageRow(s, t,
                        () -> model.openIn(s.stage.file(), PdvizApp.View.COMPARE),
                        () -> model.openIn(s.stage.file(), PdvizApp.View.PLAYER))).toList());
            }
        };
        model.job.stages().addListener((ListChangeListener<StageState>) c -> fill.run());
        fill.run();
        ScrollPane stagesScroll = new ScrollPane(rows);
        stagesScroll.setFitToWidth(true);
        stagesScroll.getStyleClass().add("stages-scroll");
        Label stagesTitle = t.bind(new Label(), "trainer.stages");
        stagesTitle.getStyleClass().add("section-title");
        VBox stagesBox = new VBox(4, stagesTitle, stagesScroll);
        VBox.setVgrow(stagesScroll, Priority.ALWAYS);
        HBox.setHgrow(stagesBox, Priority.ALWAYS);

        ListView<String> log = Tips.tip(new ListView<>(model.job.messages()), "trainer-log", t.text("trainer.log.tip"));
        log.setPrefWidth(320);
        log.setMinWidth(260);
        log.setCellFactory(v -> new ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(v.widthProperty().subtract(24));
                setMaxWidth(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        // after the list's own skin has seen the new lines (it listens after this pane)
        log.getItems().addListener((ListChangeListener<String>) c -> javafx.application.Platform.runLater(() -> {
            if (!log.getItems().isEmpty()) {
                log.scrollTo(log.getItems().size() - 1);
            }
        }));
        Label logTitle = t.bind(new Label(), "trainer.messages");
        logTitle.getStyleClass().add("section-title");
        VBox logBox = new VBox(4, logTitle, log);
        VBox.setVgrow(log, Priority.ALWAYS);
        HBox bottom = new HBox(10, stagesBox, logBox);
        bottom.setPrefHeight(190);
        bottom.setMinHeight(100);
        return bottom;
    }
}

package org.pdviz.ui;

import java.io.File;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * The trainer panel: distil a teacher of the library (or one trained here on 2-D data) into
 * few-step students while watching it: progress per stage and overall, the loss, speed and time
 * left, and each new student sampled next to the teacher's plain DDIM from the same noise. Finished
 * students join the library at once; cancel keeps them, and an interrupted job found in the runs
 * folder can be resumed (after a crash too: the job folder holds the saved state).
 *
 * <p>The page is layout only: {@link TrainerModel} holds the state and the commands; the settings
 * ({@link TrainerForm}), the interrupted jobs ({@link ResumePane}) and the running job
 * ({@link JobMonitorPane}) are panes bound to it.
 */
final class TrainerPage implements Page {

    final TrainerModel model;
    final TrainerForm form;
    final JobMonitorPane monitor;
    final Button start = new Button();
    final Button cancel = new Button();
    final DrawPane draw;
    /** Which source the page shows: a teacher to distil (the form and the job), or points to draw. */
    final ToggleButton distilSource = new ToggleButton();
    final ToggleButton drawSource = new ToggleButton();
    private final SplitPane split;
    private final BorderPane root = new BorderPane();
    private final AppContext ctx;

    TrainerPage(AppContext ctx) {
        this.ctx = ctx;
        Localizer t = ctx.i18n;
        Tips.tip(t.bind(start, "trainer.start"), "trainer-start", t.text("trainer.start.tip"));
        Tips.tip(t.bind(cancel, "player.cancel"), "trainer-cancel", t.text("trainer.cancel.tip"));
        this.model = new TrainerModel(ctx);
        this.form = new TrainerForm(model);
        this.monitor = new JobMonitorPane(model);
        form.disableProperty().bind(model.job.runningProperty().or(model.draw.runningProperty()));
        form.changeRuns.setOnAction(e -> chooseRunsFolder());
        start.getStyleClass().add("accent");
        start.setMaxWidth(Double.MAX_VALUE);
        start.setOnAction(e -> {
            form.commit();
            model.startDistillation();
        });
        start.disableProperty().bind(model.job.runningProperty().or(model.draw.runningProperty()));
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.job.cancellableProperty().not());

        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        formScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        HBox buttons = new HBox(8, start, cancel);
        HBox.setHgrow(start, Priority.ALWAYS);
        buttons.setPadding(new Insets(0, 12, 0, 12));
        VBox left = new VBox(8, formScroll, new ResumePane(model), buttons);
        VBox.setVgrow(formScroll, Priority.ALWAYS);
        left.setPadding(new Insets(0, 0, 10, 0));
        left.setMinWidth(340);

        split = new SplitPane(left, monitor);
        split.setDividerPositions(0.31);
        this.draw = new DrawPane(model.draw);
        draw.run.disableProperty().bind(model.job.runningProperty().or(model.draw.runningProperty()));
        root.setTop(sourceSwitch(t));
        root.setCenter(split);
        root.getStyleClass().add("page");
        root.setId("trainer-page");
    }

    /** Two buttons over the page: distil a teacher (the settings and the job) or draw the data (the Draw source). */
    private HBox sourceSwitch(Localizer t) {
        ToggleGroup group = new ToggleGroup();
        Tips.tip(t.bind(distilSource, "trainer.source.distil"), "trainer-source-distil",
                t.text("trainer.source.distil.tip"));
        Tips.tip(t.bind(drawSource, "trainer.source.draw"), "trainer-source-draw", t.text("trainer.source.draw.tip"));
        distilSource.setToggleGroup(group);
        drawSource.setToggleGroup(group);
        distilSource.setSelected(true);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                root.setCenter(b == drawSource ? draw : split);
            }
        });
        HBox bar = new HBox(6, distilSource, drawSource);
        bar.getStyleClass().add("source-switch");
        bar.setPadding(new Insets(8, 12, 4, 12));
        return bar;
    }

    private void chooseRunsFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(ctx.i18n.get("trainer.runs.chooser"));
        File current = ctx.runs.get().toFile();
        if (current.isDirectory()) {
            dc.setInitialDirectory(current);
        }
        File f = dc.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            model.setRunsFolder(f.toPath());
        }
    }

    @Override
    public PdvizApp.View view() {
        return PdvizApp.View.TRAINER;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void shown() {
        if (!model.job.isRunning()) {
            model.refreshInterrupted();
        }
    }

    @Override
    public void restyle() {
        monitor.preview.restyle();
        draw.restyle();
        // larger type needs a wider settings column
        split.setDividerPositions(Math.min(0.42, 0.31 * Math.sqrt(Math.max(1, ctx.fontScale.get()))));
    }

    /**
     * Asks before a running job is stopped by closing the window. Stopping saves its state, so it can
     * be resumed from this page later.
     */
    @Override
    public boolean confirmClose() {
        if (model.draw.runningProperty().get()) {
            model.draw.cancel(); // a live run takes seconds and keeps its finished rounds: no question needed
        }
        if (!model.job.isRunning()) {
            return true;
        }
        Localizer t = ctx.i18n;
        ButtonType stop = new ButtonType(t.get("trainer.close.stop"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(t.get("trainer.close.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, t.get("trainer.close.text"), stop, keep);
        a.setTitle(t.get("app.name"));
        a.setHeaderText(t.get("trainer.close.header"));
        a.getDialogPane().setId("trainer-close-dialog");
        a.getDialogPane().setMinWidth(520);
        if (root.getScene() != null) {
            a.initOwner(root.getScene().getWindow());
        }
        ctx.style(a.getDialogPane());
        boolean close = a.showAndWait().filter(b -> b == stop).isPresent();
        if (close) {
            model.cancel();
        }
        return close;
    }

    @Override
    public void close() {
        model.close();
    }
}

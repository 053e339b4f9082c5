package org.pdviz.ui;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.pdviz.app.jobs.Jobs;
import org.pdviz.app.jobs.Runs;
import org.pdviz.app.jobs.TrainJob;

/** The interrupted jobs of the runs folder, each with a Resume button; on screen only when there is one. */
final class ResumePane extends VBox {

    private final TrainerModel model;

    ResumePane(TrainerModel model) {
        super(6);
        this.model = model;
        setId("trainer-resume-box");
        getStyleClass().add("resume-box");
        managedProperty().bind(visibleProperty());
        setPadding(new Insets(6, 12, 6, 12));
        disableProperty().bind(model.job.runningProperty());
        model.interrupted().addListener((ListChangeListener<Jobs.Interrupted>) c -> fill());
        model.unreadable().addListener((ListChangeListener<String>) c -> fill());
        fill();
    }

    private void fill() {
        getChildren().clear();
        Label head = new Label(model.interrupted().size() == 1 ? "An interrupted job: resume it?"
                : "Interrupted jobs: resume one?");
        head.getStyleClass().add("section-title");
        getChildren().add(head);
        int i = 0;
        for (Jobs.Interrupted job : model.interrupted()) {
            Label what = new Label(Runs.runName(job) + "\n" + (job.spec() instanceof TrainJob ? "teacher training"
                    : "distillation") + ", stopped at " + job.where());
            what.setWrapText(true);
            what.setMinWidth(0);
            what.setMinHeight(Region.USE_PREF_SIZE);
            what.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(what, Priority.ALWAYS);
            Button resume = job.damaged()
                    ? Tips.tip(new Button(model.ctx.i18n.get("trainer.restart")), "trainer-resume-" + i,
                    model.ctx.i18n.format("trainer.restart.tip", job.damage()))
                    : Tips.tip(new Button("Resume"), "trainer-resume-" + i,
                    "Continue this job from its last saved state (" + job.folder() + ")");
            resume.setMinWidth(Region.USE_PREF_SIZE);
            resume.setOnAction(e -> model.resume(job));
            HBox row = new HBox(8, what, resume);
            row.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(row);
            i++;
        }
        for (String p : model.unreadable()) {
            Label l = new Label("unreadable job: " + p);
            l.getStyleClass().add("hint");
            l.setWrapText(true);
            getChildren().add(l);
        }
        setVisible(!model.interrupted().isEmpty() || !model.unreadable().isEmpty());
    }
}

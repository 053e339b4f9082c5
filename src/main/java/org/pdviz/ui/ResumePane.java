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
import org.pdviz.app.i18n.Message;
import org.pdviz.app.jobs.DistillJob;
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
        Localizer t = model.ctx.i18n;
        Label head = t.bind(new Label(), model.interrupted().size() == 1 ? "trainer.resume.one" : "trainer.resume.many");
        head.getStyleClass().add("section-title");
        getChildren().add(head);
        int i = 0;
        for (Jobs.Interrupted job : model.interrupted()) {
            Label what = t.bind(new Label(), "trainer.resume.what", Runs.runName(job), t.text(job.spec() instanceof TrainJob
                    ? "trainer.resume.training" : "trainer.resume.distillation"), t.text(where(job)));
            what.setWrapText(true);
            what.setMinWidth(0);
            what.setMinHeight(Region.USE_PREF_SIZE);
            what.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(what, Priority.ALWAYS);
            Button resume = job.damaged()
                    ? Tips.tip(t.bind(new Button(), "trainer.restart"), "trainer-resume-" + i,
                    t.text("trainer.restart.tip", job.damage()))
                    : Tips.tip(t.bind(new Button(), "trainer.resume"), "trainer-resume-" + i,
                    t.text("trainer.resume.tip", job.folder()));
            resume.setMinWidth(Region.USE_PREF_SIZE);
            resume.setOnAction(e -> model.resume(job));
            HBox row = new HBox(8, what, resume);
            row.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(row);
            i++;
        }
        for (String p : model.unreadable()) {
            Label l = t.bind(new Label(), "trainer.resume.unreadable", p);
            l.getStyleClass().add("hint");
            l.setWrapText(true);
            getChildren().add(l);
        }
        setVisible(!model.interrupted().isEmpty() || !model.unreadable().isEmpty());
    }

    /** Where an interrupted job stopped, as {@link Jobs.Interrupted#where()} says it in English. */
    private static Message where(Jobs.Interrupted job) {
        if (job.damaged()) {
            return Message.of("trainer.where.damaged");
        }
        String it = String.format("%,d", job.iteration());
        return job.spec() instanceof DistillJob ? Message.of("trainer.where.stage", job.round() + 1, it)
                : Message.of("trainer.where.iteration", it);
    }
}

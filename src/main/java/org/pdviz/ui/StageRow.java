package org.pdviz.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.pdviz.app.jobs.RoundSummary;
import org.pdviz.app.jobs.Stage;

/** One stage of a job: what it does, its progress, and when finished its loss, time and model (compare, play). */
final class StageRow extends HBox {

    final Stage stage;
    private double progress;
    final Button compare;
    final Button play;
    private final Label mark = new Label("\u00B7");
    private final Label name = new Label();
    private final Label info = new Label("waiting");
    private boolean done;

    StageRow(Stage stage, Runnable onCompare, Runnable onPlay) {
        super(8);
        this.stage = stage;
        setId("trainer-stage-" + stage.index());
        getStyleClass().add("stage-row");
        setAlignment(Pos.CENTER_LEFT);
        mark.getStyleClass().add("stage-mark");
        mark.setMinWidth(USE_PREF_SIZE);
        name.setText((stage.index() + 1) + ". " + stage.label().replace("->", " \u2192 "));
        name.getStyleClass().add("stage-name");
        name.setMinWidth(USE_PREF_SIZE);
        info.setTooltip(new javafx.scene.control.Tooltip(String.format("%,d iterations", stage.iterations())));
        info.getStyleClass().add("stage-info");
        info.setMinWidth(0);
        info.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(info, Priority.ALWAYS);
        String what = stage.studentSteps() == null ? "this model (a copy of the teacher)"
                : "the " + stage.studentSteps() + "-step student";
        compare = Tips.tip(new Button("Compare"), "trainer-compare-" + stage.index(), "Open " + what
                + " in the compare view: the teacher at 512 steps, the student, the teacher's plain DDIM with as few"
                + " steps, from the same noise");
        play = Tips.tip(new Button("Player"), "trainer-play-" + stage.index(), "Sample " + what
                + " step by step in the player");
        compare.setOnAction(e -> onCompare.run());
        play.setOnAction(e -> onPlay.run());
        compare.setMinWidth(USE_PREF_SIZE);
        play.setMinWidth(USE_PREF_SIZE);
        compare.setDisable(true);
        play.setDisable(true);
        getChildren().addAll(mark, name, info, compare, play);
    }

    void running(long iteration, double loss) {
        if (done) {
            return;
        }
        mark.setText("\u25B6");
        progress = stage.iterations() == 0 ? 0 : (double) iteration / stage.iterations();
        info.setText(String.format("%,d / %,d, loss %s", iteration, stage.iterations(), TrainerForm.compact(loss)));
    }

    void finished(RoundSummary r) {
        done = true;
        mark.setText("\u2713");
        progress = 1;
        info.setText("loss " + TrainerForm.compact(r.finalLoss()) + (Double.isNaN(r.seconds()) ? ""
                : ", " + TrainerPage.duration(r.seconds())));
        written(r.file());
        compare.setDisable(false);
        play.setDisable(false);
    }

    /** Finished in an earlier session (a resumed job). */
    void finishedEarlier() {
        done = true;
        mark.setText("\u2713");
        progress = 1;
        info.setText("finished earlier");
        written(stage.file());
        compare.setDisable(false);
        play.setDisable(false);
    }

    private void written(java.nio.file.Path file) {
        info.setTooltip(new javafx.scene.control.Tooltip("Wrote " + file + "; final loss: mean of the last 100"
                + " iterations"));
    }

    void stopped() {
        if (!done) {
            mark.setText("\u25A0");
            info.setText(progress > 0 ? info.getText() + " (stopped)" : "not started");
        }
    }

    boolean isDone() {
        return done;
    }
}

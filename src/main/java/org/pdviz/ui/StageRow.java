package org.pdviz.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** One stage of a job on screen: what it does, its progress, and when finished its loss, time and model (compare, play). */
final class StageRow extends HBox {

    final StageState state;
    final Button compare;
    final Button play;

    StageRow(StageState state, Runnable onCompare, Runnable onPlay) {
        super(8);
        this.state = state;
        var stage = state.stage;
        setId("trainer-stage-" + stage.index());
        getStyleClass().add("stage-row");
        setAlignment(Pos.CENTER_LEFT);
        Label mark = new Label();
        mark.textProperty().bind(state.markProperty());
        mark.getStyleClass().add("stage-mark");
        mark.setMinWidth(USE_PREF_SIZE);
        Label name = new Label((stage.index() + 1) + ". " + stage.label().replace("->", " \u2192 "));
        name.getStyleClass().add("stage-name");
        name.setMinWidth(USE_PREF_SIZE);
        Label info = new Label();
        info.textProperty().bind(state.infoProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(state.detailProperty());
        info.setTooltip(tip);
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
        compare.disableProperty().bind(state.doneProperty().not());
        play.disableProperty().bind(state.doneProperty().not());
        getChildren().addAll(mark, name, info, compare, play);
    }
}

package org.pdviz.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.pdviz.app.i18n.Message;
/** One stage of a job on screen: what it does, its progress, and when finished its loss, time and model (compare, play). */
final class StageRow extends HBox {

    final StageState state;
    final Button compare;
    final Button play;

    StageRow(StageState state, Localizer t, Runnable onCompare, Runnable onPlay) {
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
        Label name = t.bind(new Label(), "trainer.stage.name", stage.index() + 1, t.text(label(stage.label())));
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
        Message what = stage.studentSteps() == null ? Message.of("trainer.stage.copy")
                : Message.of("trainer.stage.student", stage.studentSteps());
        compare = Tips.tip(t.bind(new Button(), "library.compare"), "trainer-compare-" + stage.index(),
                t.text(Message.of("trainer.stage.compare.tip", what)));
        play = Tips.tip(t.bind(new Button(), "view.player"), "trainer-play-" + stage.index(),
                t.text(Message.of("trainer.stage.play.tip", what)));
        compare.setOnAction(e -> onCompare.run());
        play.setOnAction(e -> onPlay.run());
        compare.setMinWidth(USE_PREF_SIZE);
        play.setMinWidth(USE_PREF_SIZE);
        compare.disableProperty().bind(state.doneProperty().not());
        play.disableProperty().bind(state.doneProperty().not());
        getChildren().addAll(mark, name, info, compare, play);
    }

    /** A stage's label from the jobs ("training", "copying the teacher", "512->256 steps") as a text. */
    static Message label(String raw) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)->(\\d+) steps").matcher(raw);
        if (m.matches()) {
            return Message.of("trainer.stage.halving", m.group(1), m.group(2));
        }
        return switch (raw) {
            case "training" -> Message.of("trainer.stage.training");
            case "copying the teacher" -> Message.of("trainer.stage.copying");
            default -> Message.of("text.as_is", raw);
        };
    }
}

package org.pdviz.ui.phi;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.pdviz.app.phi.PhiDiagram;
import org.pdviz.core.schedule.NoiseLevel;
import org.pdviz.ui.Localizer;

/** The phi view's bottom: the slider and the scrub button, the noise level's read-outs, and the status line. */
final class PhiScrubBar extends VBox {

    final Slider slider = new Slider(0, Math.PI / 2, Math.PI / 4);
    private final Label phiLabel = readout("phi-readout"), tLabel = readout("t-readout"),
            logSnrLabel = readout("logsnr-readout");
    final Label alphaLabel = readout("alpha-readout"), sigmaLabel = readout("sigma-readout");
    final HBox statusRow;

    private final Localizer i18n;

    PhiScrubBar(PhiModel model) {
        i18n = model.i18n();
        slider.setId("phi-slider");
        slider.setShowTickMarks(true);
        slider.setMajorTickUnit(Math.PI / 8);
        slider.setMinorTickCount(1);
        slider.minProperty().bind(model.phiMinProperty());
        slider.maxProperty().bind(model.phiMaxProperty());
        slider.blockIncrementProperty().bind(model.phiMaxProperty().subtract(model.phiMinProperty()).divide(128));
        slider.valueProperty().bindBidirectional(model.phi);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setTooltip(tip("phi.slider.tip"));
        Button play = new Button();
        play.textProperty().bind(Bindings.when(model.playingProperty()).then(i18n.text("phi.pause"))
                .otherwise(i18n.text("phi.scrub")));
        play.setId("play");
        play.setTooltip(tip("phi.scrub.tip"));
        play.setOnAction(e -> model.togglePlay());
        Label ends = i18n.bind(new Label(), "phi.end.data");
        ends.getStyleClass().add("hint");
        Label ends2 = i18n.bind(new Label(), "phi.end.noise");
        ends2.getStyleClass().add("hint");
        HBox sliderRow = new HBox(ends, slider, ends2, play);
        sliderRow.getStyleClass().add("slider-row");
        phiLabel.getStyleClass().add("phi-readout");
        HBox readouts = new HBox(phiLabel, tLabel, logSnrLabel, alphaLabel, sigmaLabel);
        readouts.getStyleClass().add("readout-row");
        Runnable reshow = () -> {
            if (model.current() != null) {
                show(model.current().level());
            }
        };
        model.revisionProperty().addListener((o, a, b) -> reshow.run());
        i18n.onChange(reshow);

        ProgressBar progress = new ProgressBar(0);
        progress.setTooltip(tip("phi.progress.tip"));
        progress.setPrefWidth(160);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.workingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.setId("status");
        status.getStyleClass().add("status");
        Label hint = i18n.bind(new Label(), "phi.keys");
        hint.getStyleClass().add("hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        statusRow = new HBox(10, progress, status, spacer, hint);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        statusRow.setPadding(new Insets(0, 16, 6, 16));
        getChildren().addAll(sliderRow, readouts, statusRow);
    }

    private void show(NoiseLevel level) {
        phiLabel.setText("\u03c6 = " + PhiDiagram.degrees(level.phi(), 1));
        tLabel.setText(String.format(Locale.ROOT, "t = %.3f", level.t()));
        logSnrLabel.setText(i18n.format("phi.readout.logsnr", Double.isInfinite(level.logSnr())
                ? (level.logSnr() > 0 ? "+\u221e" : "\u2212\u221e") : String.format(Locale.ROOT, "%.2f", level.logSnr())));
        alphaLabel.setText(String.format(Locale.ROOT, "\u03b1 = cos \u03c6 = %.3f", level.alpha()));
        sigmaLabel.setText(String.format(Locale.ROOT, "\u03c3 = sin \u03c6 = %.3f", level.sigma()));
    }

    private Tooltip tip(String key) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.text(key));
        return t;
    }

    private static Label readout(String id) {
        Label l = new Label();
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setId(id);
        l.getStyleClass().add("readout");
        return l;
    }
}

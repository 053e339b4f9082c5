package org.pdviz.ui;

import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.FlowPane;
import javafx.stage.FileChooser;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.schedule.GridOptions;
import org.pdviz.core.schedule.TimestepSpacing;

/**
 * The player's advanced settings, diffusers' DDIM options: a discrete schedule's timestep spacing,
 * steps offset, final alpha-bar and step target (disabled for the cosine schedule, which has one grid),
 * the clip style, and a {@code .npy} start tensor in place of the seed's noise.
 */
final class SamplerAdvanced {

    final ChoiceBox<TimestepSpacing> spacing;
    final Spinner<Integer> offset;
    final ChoiceBox<GridOptions.FinalAlpha> finalAlpha;
    final ChoiceBox<GridOptions.StepTo> stepTo;
    final ChoiceBox<SamplerSettings.ClipStyle> clipStyle;
    final Button chooseStart;
    final Button clearStart;
    final Label startLabel = new Label();
    private final Localizer i18n;
    private final FlowPane row;
    private Path start;
    private Runnable changed = () -> { };

    SamplerAdvanced(Localizer t) {
        i18n = t;
        spacing = Tips.tip(new ChoiceBox<>(), "player-spacing", t.text("player.spacing.tip"));
        offset = Controls.intSpinner("player-steps-offset", 0, 10_000, 0, t.text("player.offset.tip"), 3);
        finalAlpha = Tips.tip(new ChoiceBox<>(), "player-final-alpha", t.text("player.final_alpha.tip"));
        stepTo = Tips.tip(new ChoiceBox<>(), "player-step-to", t.text("player.step_to.tip"));
        clipStyle = Tips.tip(new ChoiceBox<>(), "player-clip-style", t.text("player.clip_style.tip"));
        chooseStart = Tips.tip(t.bind(new Button(), "player.start"), "player-start", t.text("player.start.tip"));
        clearStart = Tips.tip(t.bind(new Button(), "player.start.clear"), "player-start-clear",
                t.text("player.start.clear.tip"));
        spacing.getItems().setAll(TimestepSpacing.values());
        spacing.setValue(TimestepSpacing.TRAILING);
        finalAlpha.getItems().setAll(GridOptions.FinalAlpha.values());
        finalAlpha.setValue(GridOptions.FinalAlpha.ONE);
        stepTo.getItems().setAll(GridOptions.StepTo.values());
        stepTo.setValue(GridOptions.StepTo.NEXT);
        clipStyle.getItems().setAll(SamplerSettings.ClipStyle.values());
        clipStyle.setValue(SamplerSettings.ClipStyle.OFFICIAL);
        spacing.setConverter(converter(TimestepSpacing::id, TimestepSpacing::parse));
        finalAlpha.setConverter(converter(GridOptions.FinalAlpha::id, GridOptions.FinalAlpha::parse));
        stepTo.setConverter(converter(GridOptions.StepTo::id, GridOptions.StepTo::parse));
        clipStyle.setConverter(converter(SamplerSettings.ClipStyle::id, SamplerSettings.ClipStyle::parse));
        startLabel.setId("player-start-file");
        startLabel.getStyleClass().add("hint");
        clearStart.setOnAction(e -> setStart(null));
        chooseStart.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(i18n.get("player.start.chooser"));
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("file.npy"), "*.npy"));
            java.io.File f = fc.showOpenDialog(chooseStart.getScene().getWindow());
            if (f != null) {
                setStart(f.toPath());
            }
        });
        spacing.valueProperty().addListener((o, a, b) -> {
            offset.setDisable(spacing.isDisabled() || b != TimestepSpacing.LEADING);
            changed.run();
        });
        finalAlpha.valueProperty().addListener((o, a, b) -> changed.run());
        stepTo.valueProperty().addListener((o, a, b) -> changed.run());
        clipStyle.valueProperty().addListener((o, a, b) -> changed.run());
        offset.valueProperty().addListener((o, a, b) -> changed.run());
        row = new FlowPane(8, 6, label(t, "player.spacing"), spacing, label(t, "player.offset"), offset,
                label(t, "player.final_alpha"), finalAlpha, label(t, "player.step_to"), stepTo,
                label(t, "player.clip_style"), clipStyle, chooseStart, startLabel, clearStart);
        row.setId("player-advanced");
        row.getStyleClass().add("toolbar");
        row.setAlignment(Pos.CENTER_LEFT);
        setStart(null);
        setDiscrete(false);
    }

    private static <T> javafx.util.StringConverter<T> converter(java.util.function.Function<T, String> show,
                                                              java.util.function.Function<String, T> parse) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : show.apply(v);
            }

            @Override
            public T fromString(String s) {
                return parse.apply(s);
            }
        };
    }

    private static Label label(Localizer t, String key) {
        Label l = t.bind(new Label(), key);
        l.getStyleClass().add("field-label");
        return l;
    }

    FlowPane node() {
        return row;
    }

    void onChange(Runnable r) {
        changed = r;
    }

    /** The grid options apply to discrete schedules only. */
    void setDiscrete(boolean discrete) {
        spacing.setDisable(!discrete);
        finalAlpha.setDisable(!discrete);
        stepTo.setDisable(!discrete);
        offset.setDisable(!discrete || spacing.getValue() != TimestepSpacing.LEADING);
    }

    void setStart(Path file) {
        start = file;
        if (file == null) {
            i18n.bind(startLabel, "player.start.none");
        } else {
            i18n.bind(startLabel, "player.start.file", file.getFileName().toString());
        }
        clearStart.setDisable(file == null);
        changed.run();
    }

    Path start() {
        return start;
    }

    /** The options as chosen, the defaults where disabled. */
    GridOptions grid() {
        if (spacing.isDisabled()) {
            return GridOptions.DEFAULT;
        }
        Controls.commit(offset);
        return new GridOptions(spacing.getValue(), offset.isDisabled() ? 0 : offset.getValue(), finalAlpha.getValue(),
                stepTo.getValue());
    }

    SamplerSettings.ClipStyle clipStyle() {
        return clipStyle.getValue();
    }
}

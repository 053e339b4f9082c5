package org.pdviz.ui;

import java.util.List;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.pdviz.core.model.TimeInput;
import org.pdviz.core.schedule.BetaSchedule;
import org.pdviz.runtime.Signature;
import org.pdviz.runtime.card.CardCheck;
import org.pdviz.runtime.card.CardOverrides;
import org.pdviz.runtime.card.ModelCard;

/**
 * How a card-less model is called and on which schedule, as form fields: which graph input is the
 * sample and which the time, what the time input takes (t, index, log-SNR), and the schedule (the
 * clipped cosine one, or discrete betas with their range and T). Prefilled from the graph: inputs
 * named z and t are taken as such, else the higher-rank input is the sample; an int64 time input
 * suggests a timestep index on DDPM's linear betas. Checked by the card's own validation.
 */
final class ScheduleFields {

    static final String COSINE = "cosine";

    private final Localizer i18n;
    final ChoiceBox<String> sample;
    final ChoiceBox<String> time;
    final ChoiceBox<TimeInput> kind;
    /** "cosine", or the id of a beta schedule (discrete). */
    final ChoiceBox<String> schedule;
    final TextField betaStart;
    final TextField betaEnd;
    final TextField timesteps;

    ScheduleFields(Signature signature, Localizer i18n) {
        this.i18n = i18n;
        sample = Tips.tip(new ChoiceBox<>(), "field-sample-input", i18n.text("fields.sample_input.tip"));
        time = Tips.tip(new ChoiceBox<>(), "field-time-input-name", i18n.text("fields.time_input.tip"));
        kind = Tips.tip(new ChoiceBox<>(), "field-time-input", i18n.text("fields.time_kind.tip"));
        schedule = Tips.tip(new ChoiceBox<>(), "field-schedule", i18n.text("fields.schedule.tip"));
        betaStart = Tips.tip(new TextField("0.0001"), "field-beta-start", i18n.text("fields.beta_start.tip"));
        betaEnd = Tips.tip(new TextField("0.02"), "field-beta-end", i18n.text("fields.beta_end.tip"));
        timesteps = Tips.tip(new TextField("1000"), "field-timesteps", i18n.text("fields.timesteps.tip"));
        List<String> names = signature.inputs().stream().map(Signature.Tensor::name).toList();
        sample.getItems().setAll(names);
        time.getItems().setAll(names);
        Signature.Tensor z = signature.input("z"), t = signature.input("t");
        if ((z == null || t == null) && signature.inputs().size() == 2) {
            Signature.Tensor a = signature.inputs().get(0), b = signature.inputs().get(1);
            z = a.rank() >= b.rank() ? a : b;
            t = z == a ? b : a;
        }
        sample.setValue(z == null ? null : z.name());
        time.setValue(t == null ? null : t.name());
        kind.getItems().setAll(TimeInput.values());
        kind.setConverter(converter(v -> v == null ? "" : v.id(), TimeInput::parse));
        boolean index = t != null && t.type().equals("int64");
        kind.setValue(index ? TimeInput.INDEX : TimeInput.T);
        schedule.getItems().add(COSINE);
        for (BetaSchedule b : BetaSchedule.values()) {
            schedule.getItems().add(b.id());
        }
        schedule.setConverter(converter(id -> id == null ? "" : id.equals(COSINE) ? i18n.get("fields.schedule.cosine")
                : i18n.format("fields.schedule.discrete", id), id -> id));
        schedule.setValue(index ? BetaSchedule.LINEAR.id() : COSINE);
        schedule.valueProperty().addListener((o, a, b) -> enable());
        enable();
    }

    private static <T> javafx.util.StringConverter<T> converter(java.util.function.Function<T, String> show,
                                                              java.util.function.Function<String, T> parse) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T v) {
                return show.apply(v);
            }

            @Override
            public T fromString(String s) {
                return parse.apply(s);
            }
        };
    }

    int addRows(GridPane grid, int row) {
        grid.addRow(row++, i18n.bind(new Label(), "fields.sample_input"), sample);
        grid.addRow(row++, i18n.bind(new Label(), "fields.time_input"), time);
        grid.addRow(row++, i18n.bind(new Label(), "fields.time_kind"), kind);
        grid.addRow(row++, i18n.bind(new Label(), "fields.schedule"), schedule);
        grid.addRow(row++, i18n.bind(new Label(), "fields.betas"), new javafx.scene.layout.HBox(6, betaStart, betaEnd));
        grid.addRow(row++, i18n.bind(new Label(), "fields.timesteps"), timesteps);
        return row;
    }

    void onChange(Runnable r) {
        sample.valueProperty().addListener((o, a, b) -> r.run());
        time.valueProperty().addListener((o, a, b) -> r.run());
        kind.valueProperty().addListener((o, a, b) -> r.run());
        schedule.valueProperty().addListener((o, a, b) -> r.run());
        betaStart.textProperty().addListener((o, a, b) -> r.run());
        betaEnd.textProperty().addListener((o, a, b) -> r.run());
        timesteps.textProperty().addListener((o, a, b) -> r.run());
    }

    private BetaSchedule betas() {
        String id = schedule.getValue();
        return id == null || id.equals(COSINE) ? null : BetaSchedule.parse(id);
    }

    private void enable() {
        BetaSchedule b = betas();
        betaStart.setDisable(b == null || !b.usesRange());
        betaEnd.setDisable(b == null || !b.usesRange());
        timesteps.setDisable(b == null);
    }

    /** The schedule as a card field (numbers that do not parse: the message says which). */
    ModelCard.ScheduleSpec spec() {
        BetaSchedule b = betas();
        if (b == null) {
            return ModelCard.ScheduleSpec.of(org.pdviz.core.schedule.CosineSchedule.CLIPPED);
        }
        Integer steps = parseInt(timesteps.getText(), "fields.timesteps");
        return ModelCard.ScheduleSpec.betas(b, b.usesRange() ? parse(betaStart.getText(), "fields.beta_start.tip")
                : null, b.usesRange() ? parse(betaEnd.getText(), "fields.beta_end.tip") : null, steps);
    }

    /** What is wrong with the answers (the card's own message), or null. */
    String problem() {
        try {
            if (sample.getValue() == null || time.getValue() == null) {
                return i18n.get("fields.pick_inputs");
            }
            List<String> problems = CardCheck.problems(new ModelCard(0, null, null, null, spec(), null, null, null,
                    null, null, null, kind.getValue().id(), inputs()));
            return problems.isEmpty() ? null : String.join("; ", problems);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    ModelCard.Inputs inputs() {
        return new ModelCard.Inputs(sample.getValue(), time.getValue());
    }

    /** {@code fields} with the schedule, the time input and the input names. */
    CardOverrides over(CardOverrides fields) {
        return new CardOverrides(fields.name(), fields.dataset(), fields.parameterization(), fields.dataShape(),
                fields.dataRange(), spec(), fields.steps(), kind.getValue(), inputs(), fields.side());
    }

    private double parse(String text, String whatKey) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(i18n.format("fields.not_number", i18n.get(whatKey), text));
        }
    }

    private int parseInt(String text, String whatKey) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(i18n.format("fields.not_whole", i18n.get(whatKey), text));
        }
    }
}

package org.pdviz.ui;

import java.util.Arrays;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.pdviz.app.library.ModelImport;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.param.Parameterization;
import org.pdviz.runtime.ModelFiles;
import org.pdviz.runtime.card.CardOverrides;

/**
 * The small form for a model without a (complete) card: the fields it lacks (parameterisation,
 * data shape) and, optionally, a name and data set; for a file with no card at all also how it is
 * called (which inputs are the sample and the time, what the time input takes) and its schedule
 * (see {@link ScheduleFields}). Non-blocking; {@code done} gets the answers.
 */
final class MissingFieldsDialog {

    private MissingFieldsDialog() {
    }

    static Dialog<CardOverrides> ask(AppContext ctx, Window owner, ModelImport.NeedsFields needs, Consumer<CardOverrides> done,
                                        Runnable cancelled) {
        Localizer t = ctx.i18n;
        Dialog<CardOverrides> d = new Dialog<>();
        d.titleProperty().bind(t.text("app.name"));
        if (owner != null) {
            d.initOwner(owner);
        }
        String file = needs.file().getFileName().toString();
        d.headerTextProperty().bind(t.text(needs.partialCard() == null ? "fields.header.no_card" : "fields.header.incomplete",
                file));
        d.getDialogPane().setId("missing-fields-dialog");
        ctx.style(d.getDialogPane());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        int row = 0;
        ChoiceBox<Parameterization> param = Tips.tip(new ChoiceBox<>(), "field-parameterization",
                t.text("fields.parameterization.tip"));
        param.getItems().setAll(Parameterization.values());
        param.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Parameterization p) {
                return p == null ? "" : p.id();
            }

            @Override
            public Parameterization fromString(String s) {
                return Parameterization.parse(s);
            }
        });
        boolean needP = needs.missing().contains("parameterization");
        boolean needShape = needs.missing().contains("dataShape");
        if (needP) {
            grid.addRow(row++, t.bind(new Label(), "fields.parameterization"), param);
        }
        TextField shape = Tips.tip(new TextField(), "field-shape", t.text("fields.shape.tip"));
        shape.promptTextProperty().bind(t.text("fields.example", "1,28,28"));
        if (needShape) {
            grid.addRow(row++, t.bind(new Label(), "library.card.shape"), shape);
        }
        ScheduleFields how = needs.partialCard() == null ? new ScheduleFields(needs.signature(), t) : null;
        if (how != null) {
            row = how.addRows(grid, row);
        }
        TextField name = Tips.tip(new TextField(), "field-name", t.text("fields.name.tip"));
        name.setPromptText(ModelFiles.baseName(file));
        TextField dataset = Tips.tip(new TextField(), "field-dataset", t.text("fields.dataset.tip"));
        dataset.promptTextProperty().bind(t.text("fields.example", "mnist"));
        grid.addRow(row++, t.bind(new Label(), "fields.name"), name);
        grid.addRow(row++, t.bind(new Label(), "library.card.dataset"), dataset);
        Label problem = new Label();
        problem.setId("field-problem");
        problem.setWrapText(true);
        problem.setMaxWidth(520);
        problem.getStyleClass().add("hint");
        grid.add(problem, 0, row, 2, 1);
        d.getDialogPane().setContent(grid);
        ButtonType okType = ctx.okButton();
        d.getDialogPane().getButtonTypes().setAll(okType, ctx.cancelButton());
        var ok = d.getDialogPane().lookupButton(okType);
        ok.setId("missing-fields-ok");
        java.util.function.Supplier<CardOverrides> answers = () -> {
            CardOverrides fields = new CardOverrides(blankToNull(name.getText()), blankToNull(dataset.getText()),
                    param.getValue(), needShape ? parseShape(shape.getText()) : null, null, null, null);
            return how == null ? fields : how.over(fields);
        };
        Runnable validate = () -> {
            String why = how == null ? null : how.problem();
            problem.setText(why == null ? "" : why);
            ok.setDisable(why != null || (needP && param.getValue() == null)
                    || (needShape && parseShape(shape.getText()) == null));
        };
        param.valueProperty().addListener((o, a, b) -> validate.run());
        shape.textProperty().addListener((o, a, b) -> validate.run());
        if (how != null) {
            how.onChange(validate);
        }
        validate.run();
        d.setResultConverter(b -> b == okType ? answers.get() : null);
        d.setOnHidden(e -> {
            if (d.getResult() != null) {
                done.accept(d.getResult());
            } else {
                cancelled.run();
            }
        });
        d.show();
        return d;
    }

    /** "1,28,28", "1 28 28" or "1x28x28"; null unless the whole text is such a list. */
    static DataShape parseShape(String text) {
        if (text == null || !text.matches("\\s*\\d+(\\s*[,x\\s]\\s*\\d+)*\\s*")) {
            return null;
        }
        try {
            int[] dims = Arrays.stream(text.trim().split("\\s*[,x\\s]\\s*")).mapToInt(Integer::parseInt).toArray();
            return new DataShape(dims);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

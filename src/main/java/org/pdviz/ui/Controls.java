package org.pdviz.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.Region;
import org.pdviz.app.i18n.Texts;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.ui.task.TaskSlot;

/** Small factories for the controls several pages share. */
final class Controls {
    private Controls() {
    }

    /** An editable integer spinner that commits typed values on focus loss and rejects non-digits. */
    static Spinner<Integer> intSpinner(String id, int min, int max, int value, ObservableValue<String> tip, int columns) {
        Spinner<Integer> s = intSpinner(id, min, max, value, "", columns);
        s.getTooltip().textProperty().bind(tip);
        return s;
    }

    static Spinner<Integer> intSpinner(String id, int min, int max, int value, String tip, int columns) {
        Spinner<Integer> s = new Spinner<>();
        s.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value));
        s.setEditable(true);
        s.getEditor().setTextFormatter(new TextFormatter<>(c -> c.getControlNewText().matches("\\d{0,9}") ? c : null));
        s.getEditor().setPrefColumnCount(columns);
        s.focusedProperty().addListener((o, a, b) -> {
            if (!b) {
                commit(s);
            }
        });
        s.setPrefWidth(Region.USE_COMPUTED_SIZE);
        return Tips.tip(s, id, tip);
    }

    static void commit(Spinner<Integer> s) {
        String text = s.getEditor().getText();
        SpinnerValueFactory.IntegerSpinnerValueFactory f = (SpinnerValueFactory.IntegerSpinnerValueFactory) s.getValueFactory();
        try {
            int v = Integer.parseInt(text.trim());
            f.setValue(Math.max(f.getMin(), Math.min(f.getMax(), v)));
        } catch (NumberFormatException e) {
            // keep the last valid value
        }
        s.getEditor().setText(String.valueOf(f.getValue()));
    }

    /**
     * A page's progress bar, cancel button and status line follow its task slot: the bar and the
     * button are on screen only while something runs; the status shows the task's messages, then
     * "cancelled" or its failure in its own words (the page may write the line too).
     */
    static void follow(TaskSlot<?> slot, ProgressBar progress, Button cancel, Label status) {
        cancel.setOnAction(e -> slot.cancel());
        cancel.disableProperty().bind(slot.busyProperty().not());
        cancel.visibleProperty().bind(slot.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        progress.setPrefWidth(140);
        progress.progressProperty().bind(slot.progressProperty());
        progress.visibleProperty().bind(slot.busyProperty());
        status.setText(slot.statusProperty().get());
        slot.statusProperty().addListener((o, a, b) -> status.setText(b));
    }

    /** The spinner shows and edits a model's value (both ways). */
    static Spinner<Integer> bind(Spinner<Integer> s, javafx.beans.property.Property<Integer> value) {
        s.getValueFactory().valueProperty().bindBidirectional(value);
        return s;
    }

    /**
     * A symbol (x̂, ε̂, z_t) as its own label in the Latin family (style class {@code symbol}): CJK
     * families lack the combining accents, so a symbol never shares a label with Chinese words.
     */
    static Label symbol(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("symbol");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A model chooser whose items read "name · role" in the window's language. */
    static ComboBox<ModelEntry> modelBox(Localizer t, String id, ObservableValue<String> tip) {
        ComboBox<ModelEntry> box = new ComboBox<>();
        box.setCellFactory(v -> new ModelCell(box, t));
        box.setButtonCell(new ModelCell(box, t));
        box.setVisibleRowCount(14);
        return Tips.tip(box, id, tip);
    }

    static String describe(Texts t, ModelEntry e) {
        return e.name() + "  \u00B7  " + LibraryPage.role(t, e);
    }

    /** As {@link #describe(Texts, ModelEntry)}, with the folder when another model in {@code all} has the same name. */
    static String describe(Texts t, java.util.List<ModelEntry> all, ModelEntry e) {
        return org.pdviz.app.library.ModelChoice.displayName(all, e) + "  \u00B7  " + LibraryPage.role(t, e);
    }

    private static final class ModelCell extends ListCell<ModelEntry> {
        private final ComboBox<ModelEntry> box;
        private final Localizer t;

        ModelCell(ComboBox<ModelEntry> box, Localizer t) {
            this.box = box;
            this.t = t;
        }

        @Override
        protected void updateItem(ModelEntry e, boolean empty) {
            super.updateItem(e, empty);
            textProperty().unbind();
            if (empty || e == null) {
                setText(null);
            } else {
                textProperty().bind(t.text(x -> describe(x, box.getItems(), e)));
            }
        }
    }
}

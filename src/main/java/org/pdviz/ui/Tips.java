package org.pdviz.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/** Every control gets a tooltip (a classroom tool explains itself). */
final class Tips {
    private Tips() {
    }

    static <T extends Control> T tip(T control, String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(400));
        t.setWrapText(true);
        t.setMaxWidth(420);
        control.setTooltip(t);
        return control;
    }

    static <T extends Control> T tip(T control, String id, String text) {
        control.setId(id);
        return tip(control, text);
    }

    /** A tooltip whose text follows a binding (a translated text: it changes with the language). */
    static <T extends Control> T tip(T control, ObservableValue<String> text) {
        tip(control, "");
        control.getTooltip().textProperty().bind(text);
        return control;
    }

    static <T extends Control> T tip(T control, String id, ObservableValue<String> text) {
        control.setId(id);
        return tip(control, text);
    }
}

package org.pdviz.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.pdviz.app.i18n.Message;

/**
 * A line of text a model keeps for its views (a status, a title, a note): set as a {@link Message},
 * it is said again in the new language when the language changes; set as a string, it stays as it
 * was said (a task's own words, a file name).
 */
public final class SaidText {

    private final ObjectProperty<Object> said = new SimpleObjectProperty<>("");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper();

    public SaidText(Localizer i18n) {
        text.bind(i18n.text(t -> said.get() instanceof Message m ? t.text(m) : String.valueOf(said.get()), said));
    }

    public SaidText(Localizer i18n, Message initial) {
        this(i18n);
        set(initial);
    }

    public void set(Message m) {
        said.set(m);
    }

    /** Text already said (in the language of the moment). */
    public void set(String text) {
        said.set(text == null ? "" : text);
    }

    /** What was set: a Message or a String (another message may quote it). */
    public Object said() {
        return said.get();
    }

    public String get() {
        return text.get();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}

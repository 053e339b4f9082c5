package org.pdviz.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TextInputControl;
import org.pdviz.app.i18n.Language;
import org.pdviz.app.i18n.Message;
import org.pdviz.app.i18n.Texts;

/**
 * The window's language and its texts as bindings: a label bound to {@link #text(String)} says its
 * text again when the language changes, so switching rebuilds no page and loses no work. Arguments
 * that are observable values become dependencies too. One per window (in {@link AppContext}).
 */
public final class Localizer {

    private final ObjectProperty<Language> language;

    public Localizer(Language initial) {
        language = new SimpleObjectProperty<>(this, "language", initial);
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public Language language() {
        return language.get();
    }

    /** The texts of the current language (for code that draws or formats once, then listens). */
    public Texts texts() {
        return Texts.of(language.get());
    }

    /** The text for a key now. */
    public String get(String key) {
        return texts().get(key);
    }

    /** The text for a key with arguments now (observable arguments give their current value). */
    public String format(String key, Object... args) {
        return texts().format(key, values(args));
    }

    public String get(Message m) {
        return texts().text(m);
    }

    /** The text for a key, following the language. */
    public StringBinding text(String key) {
        return Bindings.createStringBinding(() -> get(key), language);
    }

    /** The text for a key with arguments, following the language and every observable argument. */
    public StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> format(key, args), dependencies(args));
    }

    /** A message (key and arguments), following the language. */
    public StringBinding text(Message m) {
        return Bindings.createStringBinding(() -> get(m), language);
    }

    /** A text computed from the current texts, recomputed when the language or a dependency changes. */
    public StringBinding text(java.util.function.Function<Texts, String> compute, Observable... dependencies) {
        Observable[] deps = new Observable[dependencies.length + 1];
        deps[0] = language;
        System.arraycopy(dependencies, 0, deps, 1, dependencies.length);
        return Bindings.createStringBinding(() -> compute.apply(texts()), deps);
    }

    /** Binds a label's, button's or menu's text to a key. */
    public <T extends Labeled> T bind(T labeled, String key, Object... args) {
        labeled.textProperty().bind(args.length == 0 ? text(key) : text(key, args));
        return labeled;
    }

    public Tab bind(Tab tab, String key) {
        tab.textProperty().bind(text(key));
        return tab;
    }

    /** Binds a text field's prompt to a key. */
    public <T extends TextInputControl> T prompt(T field, String key) {
        field.promptTextProperty().bind(text(key));
        return field;
    }

    /**
     * The font family the window's texts are drawn in (the first installed CJK family for Chinese),
     * null for JavaFX's default family (English).
     */
    public String family() {
        return Styles.family(language.get());
    }

    /** Runs {@code action} after each change of language (for what a page draws itself). */
    public void onChange(Runnable action) {
        language.addListener((o, a, b) -> action.run());
    }

    private static Object[] values(Object[] args) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = args[i] instanceof ObservableValue<?> v ? v.getValue() : args[i];
        }
        return out;
    }

    private Observable[] dependencies(Object[] args) {
        List<Observable> deps = new ArrayList<>();
        deps.add(language);
        for (Object a : args) {
            if (a instanceof Observable o) {
                deps.add(o);
            }
        }
        return deps.toArray(Observable[]::new);
    }
}

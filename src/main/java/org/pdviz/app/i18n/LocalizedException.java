package org.pdviz.app.i18n;

/**
 * An error of the app layer whose text is a {@link Message}: the command line prints it in English
 * ({@link #getMessage()}), a dialog says it in the window's language ({@link Failures#describe}).
 */
public class LocalizedException extends RuntimeException {

    private final transient Message text;

    public LocalizedException(Message text) {
        super(text.toString());
        this.text = text;
    }

    public LocalizedException(Message text, Throwable cause) {
        super(text.toString(), cause);
        this.text = text;
    }

    public Message text() {
        return text;
    }
}

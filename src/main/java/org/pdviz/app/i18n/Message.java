package org.pdviz.app.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A text not yet put into words: a bundle key and its arguments. Kept as a value (not a string) so
 * that a status line or an error can be said again in another language.
 */
public record Message(String key, List<Object> args) {

    public Message {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static Message of(String key, Object... args) {
        return new Message(key, Arrays.asList(args));
    }

    /** The message in a language. */
    public String in(Texts texts) {
        return texts.format(key, args.toArray());
    }

    /** The message in English, for logs and the command line. */
    @Override
    public String toString() {
        return in(Texts.of(Language.EN));
    }
}

package org.pdviz.core;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A constant known by a short id: in model cards, on the command line, in settings. */
public interface Identified {

    /** By default the constant's name in lower case. */
    default String id() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant of {@code type} whose id is {@code text}, trimmed and in any case; anything else
     * is refused in one line that names {@code what} was given and every id it takes.
     */
    static <E extends Enum<E> & Identified> E parse(Class<E> type, String what, String text) {
        String s = text == null ? "" : text.trim();
        for (E e : type.getEnumConstants()) {
            if (e.id().equalsIgnoreCase(s)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + text + "', expected one of " + ids(type));
    }

    private static <E extends Enum<E> & Identified> List<String> ids(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Identified::id).toList();
    }
}

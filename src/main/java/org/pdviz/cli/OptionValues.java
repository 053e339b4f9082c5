package org.pdviz.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Option values parsed past picocli's own conversions, their errors naming the option in one line. */
final class OptionValues {

    private OptionValues() {
    }

    /** A value parsed from an option, its error naming the option. */
    static <T> T named(String option, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    /** The one of {@code choices} that a word option names, in any case; else "--x takes a, b or c, got 'v'". */
    @SafeVarargs
    static <E extends Enum<E>> E oneOf(String option, String value, E... choices) {
        String word = value.toLowerCase(Locale.ROOT);
        List<String> words = Arrays.stream(choices).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        int i = words.indexOf(word);
        if (i >= 0) {
            return choices[i];
        }
        throw new IllegalArgumentException(option + " takes " + String.join(", ", words.subList(0, words.size() - 1))
                + " or " + words.get(words.size() - 1) + ", got '" + value + "'");
    }
}

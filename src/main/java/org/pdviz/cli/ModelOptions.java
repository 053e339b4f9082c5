package org.pdviz.cli;

import org.pdviz.runtime.Device;
import org.pdviz.runtime.card.CardException;
import org.pdviz.runtime.card.CardOverrides;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Card options (see {@link CardOptions}) and the device. */
final class ModelOptions {

    @Mixin
    CardOptions card = new CardOptions();

    @Option(names = "--device", paramLabel = "cpu|cuda", defaultValue = "cpu")
    String device;

    CardOverrides overrides() throws CardException {
        return card.overrides();
    }

    Device device() {
        return named("--device", () -> Device.parse(device));
    }

    /** A value parsed from an option, its error naming the option. */
    static <T> T named(String option, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }
}

package org.pdviz.cli;

import org.pdviz.runtime.Device;
import org.pdviz.runtime.card.CardException;
import org.pdviz.runtime.card.CardOverrides;
import picocli.CommandLine.Mixin;

/** Card options (see {@link CardOptions}) and the device. */
final class ModelOptions {

    @Mixin
    CardOptions card = new CardOptions();

    @Mixin
    DeviceOption device = new DeviceOption();

    CardOverrides overrides() throws CardException {
        return card.overrides();
    }

    Device device() {
        return device.device();
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

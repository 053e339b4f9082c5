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
}

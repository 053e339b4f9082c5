package org.pdviz.cli;

import org.pdviz.runtime.Device;
import picocli.CommandLine.Option;

/** The --device models run on, for the commands that train (see {@link RunOptions}) or sample (sample, eval). */
final class DeviceOption {

    @Option(names = "--device", paramLabel = "cpu|cuda", defaultValue = "cpu")
    String device;

    Device device() {
        return OptionValues.named("--device", () -> Device.parse(device));
    }
}

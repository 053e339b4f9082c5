package org.pdviz.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How a training job runs, for every command that trains: seed, device, threads, how often it saves. */
final class RunOptions {

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0")
    long seed;

    @Mixin
    DeviceOption device = new DeviceOption();

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0")
    int threads;

    @Option(names = "--checkpoint-seconds", paramLabel = "S", defaultValue = "30")
    double checkpointSeconds;

    org.pdviz.runtime.Device device() {
        return device.device();
    }
}

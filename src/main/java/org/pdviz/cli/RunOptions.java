package org.pdviz.cli;

import picocli.CommandLine.Option;

/** How a training job runs, for every command that trains: seed, device, threads, how often it saves. */
final class RunOptions {

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0")
    long seed;

    @Option(names = "--device", paramLabel = "cpu|cuda", defaultValue = "cpu")
    String device;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0")
    int threads;

    @Option(names = "--checkpoint-seconds", paramLabel = "S", defaultValue = "30")
    double checkpointSeconds;

    org.pdviz.runtime.Device device() {
        return ModelOptions.named("--device", () -> org.pdviz.runtime.Device.parse(device));
    }
}

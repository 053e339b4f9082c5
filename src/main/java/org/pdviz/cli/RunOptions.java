package org.pdviz.cli;

import picocli.CommandLine.Option;

/** How a training job runs, for every command that trains: seed, device, threads, how often it saves. */
final class RunOptions {

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed (default 0).")
    long seed;

    @Option(names = "--device", paramLabel = "cpu|cuda", defaultValue = "cpu",
            description = "cpu (default), or cuda (needs the cuda build and a GPU; else falls back to the CPU).")
    String device;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Threads for the tensor operations (default: all cores up to 8; distillation leaves one of them to"
                    + " the teacher, which runs beside the student on a thread of its own).")
    int threads;

    @Option(names = "--checkpoint-seconds", paramLabel = "S", defaultValue = "30",
            description = "Save the resumable state this often (default 30).")
    double checkpointSeconds;

    org.pdviz.runtime.Device device() {
        return ModelOptions.named("--device", () -> org.pdviz.runtime.Device.parse(device));
    }
}

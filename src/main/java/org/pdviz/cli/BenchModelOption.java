package org.pdviz.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The --model a benchmark times (bench sample, bench render); without it, one of the shipped models. */
final class BenchModelOption {

    @Option(names = "--model", paramLabel = "FILE")
    Path model;

    /** The --model, else the first of {@code shipped} (paths in the models folder) that exists, else the last. */
    Path orShipped(String... shipped) {
        if (model != null) {
            return model;
        }
        for (String s : shipped) {
            Path p = Home.get().models().resolve(s);
            if (Files.exists(p)) {
                return p;
            }
        }
        return Home.get().models().resolve(shipped[shipped.length - 1]);
    }
}

package org.pdviz.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The required --model FILE of the commands that work on one model file (card, sample, export). */
final class ModelFileOption {

    @Option(names = "--model", required = true, paramLabel = "FILE")
    Path model;
}

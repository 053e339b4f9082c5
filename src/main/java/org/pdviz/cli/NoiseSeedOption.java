package org.pdviz.cli;

import picocli.CommandLine.Option;

/** The --seed of the starting noise, for the commands that sample from it (sample, compare, export, eval). */
final class NoiseSeedOption {

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S")
    long seed;
}

package org.pdviz.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The required --out DIR of the commands that write a folder of results (sample, export, eval, live). */
final class OutFolderOption {

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;
}

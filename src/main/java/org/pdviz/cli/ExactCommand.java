package org.pdviz.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pdviz.runtime.exact.ExactTeachers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "exact", description = "Write an exact teacher: the closed-form denoiser of a Gaussian mixture,"
        + " computed inside an ONNX graph.")
final class ExactCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME", description = "One of the presets (see --list).")
    String preset;

    @Option(names = "--list", description = "List the presets.")
    boolean list;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the .onnx file.")
    Path out;

    @Override
    public Integer call() throws Exception {
        var o = spec.commandLine().getOut();
        if (list || preset == null) {
            for (ExactTeachers.Preset p : ExactTeachers.presets()) {
                o.printf("%-18s %s%n", p.id(), p.description());
            }
            return preset == null && !list ? Errors.FAILED : 0;
        }
        if (out == null) {
            throw new IllegalArgumentException("--out FILE is required");
        }
        String command = "pdviz exact --preset " + preset + " --out " + out;
        var card = ExactTeachers.write(preset, Home.get().mnist(), out, command);
        o.println("wrote " + out + " (" + card.name() + ", data shape " + java.util.Arrays.toString(card.dataShape())
                + ")");
        return 0;
    }
}

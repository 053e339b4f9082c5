package org.pdviz.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.library.ModelLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "models", description = "List the model library (default: the shipped models/ folder).")
final class ModelsCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Folder to scan.")
    Path dir;

    @Override
    public Integer call() {
        var o = spec.commandLine().getOut();
        if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
            throw new IllegalArgumentException("'" + dir + "' is not a folder");
        }
        ModelLibrary lib = ModelLibrary.scan(dir != null ? dir : Home.get().models());
        for (Map.Entry<String, List<ModelEntry>> g : lib.byDataset().entrySet()) {
            o.println(g.getKey() + ":");
            for (ModelEntry e : g.getValue()) {
                o.printf("  %-28s %-8s %-5s %s%n", e.name(),
                        e.steps() == null ? "teacher" : e.steps() + " steps",
                        e.card() == null ? "?" : e.card().parameterization(), e.file());
            }
        }
        lib.problems().forEach(p -> spec.commandLine().getErr().println("skipped " + p));
        return 0;
    }
}

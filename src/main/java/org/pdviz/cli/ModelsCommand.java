package org.pdviz.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pdviz.app.library.DatasetNames;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.library.ModelLibrary;
import org.pdviz.runtime.card.CardNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "models")
final class ModelsCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR")
    Path dir;

    @Option(names = "--prefix-names")
    boolean prefixNames;

    @Override
    public Integer call() throws Exception {
        var o = spec.commandLine().getOut();
        if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
            throw new IllegalArgumentException("'" + dir + "' is not a folder");
        }
        Path folder = dir != null ? dir : Home.get().models();
        if (prefixNames) {
            for (CardNames.Change c : DatasetNames.apply(folder)) {
                o.printf("renamed %s -> %s%s  (%s)%n", c.oldName(), c.newName(), c.newParent() == null
                        || c.newParent().equals(c.oldParent()) ? "" : ", parent " + c.oldParent() + " -> " + c.newParent(),
                        c.file());
            }
        }
        ModelLibrary lib = ModelLibrary.scan(folder);
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

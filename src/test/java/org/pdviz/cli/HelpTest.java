package org.pdviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTest {

    private static void collect(CommandLine cl, List<List<String>> paths, List<String> prefix) {
        for (var e : cl.getSubcommands().entrySet()) {
            List<String> p = new ArrayList<>(prefix);
            p.add(e.getKey());
            paths.add(p);
            collect(e.getValue(), paths, p);
        }
    }

    @Test
    void everyCommandExplainsItselfWithHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(Main.commandLine(), paths, List.of());
        assertTrue(paths.size() > 10, "commands found: " + paths);
        for (List<String> p : paths) {
            if (p.get(p.size() - 1).equals("help")) {
                continue;
            }
            List<String> args = new ArrayList<>(p);
            args.add("--help");
            SampleCommandTest.Run r = SampleCommandTest.run(args.toArray(String[]::new));
            assertEquals(0, r.status(), p + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: pdviz " + String.join(" ", p)), p + ": " + r.out());
        }
    }
}

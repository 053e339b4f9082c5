package org.pdviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pdviz.app.jobs.ClassifierJob;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The help texts live in one resource bundle, {@code org/pdviz/cli/help.properties}: every command,
 * option and parameter has a text, ours come from the bundle, and the bundle holds no key that
 * nothing reads. The key lookup below is picocli's ({@code Model.Messages}): the command's qualified
 * name first, then the bare key; a key, or its numbered lines {@code key.0, key.1, ...}.
 */
class HelpTextsTest {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("org.pdviz.cli.help");

    private static List<CommandSpec> commands() {
        List<CommandSpec> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        return all;
    }

    private static void collect(CommandLine cl, List<CommandSpec> all) {
        all.add(cl.getCommandSpec());
        cl.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) { // aliases name the same command again
                collect(sub, all);
            }
        });
    }

    /** Ours: everything but picocli's own help command and --help/--version, which carry picocli's texts. */
    private static boolean ours(CommandSpec c) {
        return !(c.userObject() instanceof CommandLine.HelpCommand);
    }

    private static boolean ours(ArgSpec a) {
        return !(a instanceof OptionSpec o && (o.usageHelp() || o.versionHelp()));
    }

    private static Stream<ArgSpec> args(CommandSpec c) {
        return Stream.concat(c.options().stream(), c.positionalParameters().stream());
    }

    private static String name(ArgSpec a) {
        return a instanceof OptionSpec o ? o.longestName() : a.paramLabel();
    }

    private static boolean hasText(String[] lines) {
        return Arrays.stream(lines).anyMatch(l -> !l.isBlank());
    }

    /** The bundle keys picocli reads for one of {@code keys} (in order) of command {@code c}. */
    private static Optional<List<String>> lookup(CommandSpec c, List<String> keys) {
        for (String key : keys) {
            for (String k : List.of(c.qualifiedName(".") + "." + key, key)) {
                List<String> read = new ArrayList<>();
                if (BUNDLE.containsKey(k)) {
                    read.add(k);
                }
                for (int i = 0; BUNDLE.containsKey(k + "." + i); i++) {
                    read.add(k + "." + i);
                }
                if (!read.isEmpty()) {
                    return Optional.of(read);
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> candidateKeys(ArgSpec a) {
        List<String> keys = new ArrayList<>();
        if (!a.descriptionKey().isEmpty()) {
            keys.add(a.descriptionKey());
        }
        if (a instanceof OptionSpec o) {
            Arrays.stream(o.names()).map(n -> n.replaceFirst("^-+", "")).forEach(keys::add);
        } else {
            keys.add(a.paramLabel() + "[" + ((PositionalParamSpec) a).index() + "]");
        }
        return keys;
    }

    @Test
    void everyCommandOptionAndParameterHasADescription() {
        List<String> missing = new ArrayList<>();
        for (CommandSpec c : commands()) {
            if (!hasText(c.usageMessage().description())) {
                missing.add(c.qualifiedName());
            }
            args(c).filter(a -> !hasText(a.description())).forEach(a -> missing.add(c.qualifiedName() + " " + name(a)));
        }
        assertEquals(List.of(), missing, "commands, options and parameters without a help text");
    }

    @Test
    void everyHelpTextOfOurCommandsComesFromTheBundle() {
        List<String> notInBundle = new ArrayList<>();
        for (CommandSpec c : commands()) {
            if (!ours(c)) {
                continue;
            }
            if (lookup(c, List.of("usage.description")).isEmpty()) {
                notInBundle.add(c.qualifiedName());
            }
            args(c).filter(HelpTextsTest::ours).filter(a -> lookup(c, candidateKeys(a)).isEmpty())
                    .forEach(a -> notInBundle.add(c.qualifiedName() + " " + name(a)));
        }
        assertEquals(List.of(), notInBundle, "help texts written outside org/pdviz/cli/help.properties");
    }

    @Test
    void everyKeyInTheBundleIsReadBySomeCommand() {
        Set<String> read = new TreeSet<>();
        for (CommandSpec c : commands()) {
            lookup(c, List.of("usage.description")).ifPresent(read::addAll);
            args(c).forEach(a -> lookup(c, candidateKeys(a)).ifPresent(read::addAll));
        }
        Set<String> stale = new TreeSet<>(BUNDLE.keySet());
        stale.removeAll(read);
        assertEquals(Set.of(), stale, "keys in help.properties that no command, option or parameter reads");
        assertTrue(read.size() > 100, "keys read: " + read.size());
    }

    @Test
    void trainClassifierHelpQuotesTheJobsOwnDefaults() {
        CommandSpec c = Main.commandLine().getSubcommands().get("train-classifier").getCommandSpec();
        assertTrue(text(c, "--iterations").contains("(default " + ClassifierJob.ITERATIONS + ")"), text(c, "--iterations"));
        assertTrue(text(c, "--batch").contains("(default " + ClassifierJob.BATCH + ")"), text(c, "--batch"));
        assertTrue(text(c, "--lr").contains("(default " + ClassifierJob.LR + ")"), text(c, "--lr"));
        assertTrue(text(c, "--shift").contains("(default " + ClassifierJob.SHIFT + ";"), text(c, "--shift"));
        assertTrue(text(c, "--eval-every").contains("(default " + ClassifierJob.EVAL_EVERY + ";"),
                text(c, "--eval-every"));
    }

    private static String text(CommandSpec c, String option) {
        return String.join(" ", c.findOption(option).description());
    }
}

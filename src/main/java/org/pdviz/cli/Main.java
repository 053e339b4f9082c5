package org.pdviz.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pdviz} command. With no command it opens the application window; every other command
 * runs in the terminal. Errors print one line (no stack trace unless PDVIZ_DEBUG is set) and exit
 * with status 1; a command line that cannot be parsed prints one line with a hint to --help and exits
 * with status 2.
 */
@Command(name = "pdviz", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        resourceBundle = "org.pdviz.cli.help", // every help text of every command: one home, translatable
        subcommands = {
            AppCommand.class,
            InfoCommand.class,
            CardCommand.class,
            SampleCommand.class,
            CompareCommand.class,
            ExactCommand.class,
            ModelsCommand.class,
            TrainCommand.class,
            TrainClassifierCommand.class,
            DistillCommand.class,
            LiveCommand.class,
            BenchCommand.class,
            EvalCommand.class,
            ExportCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        helpEverywhere(cl);
        cl.setExecutionExceptionHandler(new Errors());
        cl.setParameterExceptionHandler(Errors::usage);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** {@code --help} and {@code --version} on every command, not only the top one. */
    private static void helpEverywhere(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandSpec().mixinStandardHelpOptions()) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
            }
            helpEverywhere(sub);
        }
    }

    /** No command: the application window, as {@code pdviz app}. */
    @Override
    public Integer call() {
        return new AppCommand().call();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"pdviz " + (v == null ? "(development build)" : v)};
        }
    }
}

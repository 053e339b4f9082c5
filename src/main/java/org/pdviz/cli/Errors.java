package org.pdviz.cli;

import java.util.concurrent.CancellationException;
import picocli.CommandLine;

/**
 * Turns any failure of a command into one clear line on stderr and exit status 1, and a command
 * line that cannot be parsed into one line with a hint to --help and exit status 2.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler {

    static final int FAILED = 1;
    static final int USAGE = 2;

    /** A mistyped command line: what is wrong and where help is, in one line (not 30 lines of usage). */
    static int usage(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        String name = cl.getCommandSpec().qualifiedName();
        String m = org.pdviz.runtime.ModelFileException.oneLine(e.getMessage())
                .replace("' is not a long", "' is not a whole number").replace("' is not an int", "' is not a whole number")
                .replace("' is not a double", "' is not a number").replace("' is not a float", "' is not a number");
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            m += "; did you mean " + String.join(" or ", u.getSuggestions().stream().limit(3).toList()) + "?";
        }
        cl.getErr().println(name + ": " + m + " (see '" + name + " --help')");
        cl.getErr().flush();
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        if (System.getenv("PDVIZ_DEBUG") != null) {
            e.printStackTrace();
        }
        cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + message(e));
        cl.getErr().flush();
        return FAILED;
    }

    static String message(Throwable e) {
        if (e instanceof CancellationException) {
            return "cancelled";
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory: use a smaller --count or batch, or give Java more memory (-Xmx)";
        }
        if (e instanceof org.pdviz.train.SettingException s) {
            return SettingOptions.message(s);
        }
        String m = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file: " + m;
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + m;
        }
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName() + (e.getCause() != null ? " (" + message(e.getCause()) + ")" : "");
        }
        return m.strip().lines().findFirst().orElse(m);
    }
}

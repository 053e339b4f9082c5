package org.pdviz.cli;

import java.util.concurrent.CancellationException;
import picocli.CommandLine;

/** Turns any failure of a command into one clear line on stderr and exit status 1. */
final class Errors implements CommandLine.IExecutionExceptionHandler {

    static final int FAILED = 1;

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

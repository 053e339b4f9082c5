package org.pdviz.ui.task;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.pdviz.app.i18n.Message;
import org.pdviz.app.i18n.Texts;

/**
 * Why a background task failed, in its own words: what it was doing and the first line of the
 * cause ("Could not sample moons-teacher (512 steps): input 't' has rank 2"), never a generic
 * "failed". Said in the language of {@code texts} (the window's when the task ran).
 */
public record TaskFailure(Message what, Throwable cause, Texts texts) {

    /** "Could not WHAT: CAUSE", one line, for a status line. */
    public String message() {
        return texts.format("task.failed", what, oneLine(cause));
    }

    /** The cause alone, one line (for a dialog whose header already says what failed). */
    public String reason() {
        return oneLine(cause);
    }

    /** The first line of an exception's message (its class name when it has none), wrappers unwrapped. */
    public static String oneLine(Throwable e) {
        Throwable t = unwrap(e);
        if (t == null) {
            return "unknown error";
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return m.strip().lines().findFirst().orElse(m);
    }

    /** The exception a task threw, without the executor's wrappers. */
    public static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}

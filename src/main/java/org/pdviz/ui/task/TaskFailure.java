package org.pdviz.ui.task;

import org.pdviz.app.i18n.Failures;
import org.pdviz.app.i18n.Message;
import org.pdviz.app.i18n.Texts;

/**
 * Why a background task failed, in its own words: what it was doing and the first line of the
 * cause ("Could not sample moons-teacher (512 steps): input 't' has rank 2"), never a generic
 * "failed". Said in the language of {@code texts} (the window's when the task ran): the cause too,
 * where {@link Failures} knows it.
 */
public record TaskFailure(Message what, Throwable cause, Texts texts) {

    /** "Could not WHAT: CAUSE", one line, for a status line. */
    public String message() {
        return texts.format("task.failed", what, reason());
    }

    /** The cause alone, one line (for a dialog whose header already says what failed). */
    public String reason() {
        return Failures.describe(cause, texts);
    }

    /** The first line of an exception's message in English (its class name when it has none), wrappers unwrapped. */
    public static String oneLine(Throwable e) {
        return Failures.oneLine(e);
    }

    /** The exception a task threw, without the executor's wrappers. */
    public static Throwable unwrap(Throwable e) {
        return Failures.unwrap(e);
    }
}

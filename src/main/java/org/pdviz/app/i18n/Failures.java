package org.pdviz.app.i18n;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.pdviz.runtime.ModelFileException;
import org.pdviz.train.Setting;
import org.pdviz.train.SettingException;

/**
 * Errors in a person's language, one line each. The lower layers write English for the command
 * line; what reaches a dialog is said here: a {@link LocalizedException} by its message key, the
 * common file and model-file problems by keys of their own (the model file's name and the English
 * detail of a contract violation stay as they are), a trainer's setting problem by its problem's and
 * setting's keys, anything else as the first line of its message.
 */
public final class Failures {

    /** Model-file problems (the text after "'FILE': ") that have a key of their own. */
    private static final Map<String, String> MODEL_PROBLEMS = Map.of(
            "no such file", "error.file.missing",
            "not a regular file", "error.file.not_regular",
            "the file is empty", "error.file.empty");

    private Failures() {
    }

    /** The exception a task threw, without the executors' wrappers. */
    public static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The first line of an exception's message in English (its class name when it has none), wrappers unwrapped. */
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

    /** One line for a person, in a language. */
    public static String describe(Throwable e, Texts t) {
        Throwable x = unwrap(e);
        if (x == null) {
            return t.get("error.unknown");
        }
        if (x instanceof LocalizedException l) {
            return t.text(l.text());
        }
        if (x instanceof SettingException s) {
            return t.format(problemKey(s.problem()), s.args().stream()
                    .map(a -> a instanceof Setting g ? t.get(settingKey(g)) : a).toArray());
        }
        if (x instanceof ModelFileException m) {
            return t.format("error.model_file", m.file().getFileName(), modelProblem(m, t));
        }
        if (x instanceof NoSuchFileException f) {
            return t.format("error.file.missing.named", f.getFile());
        }
        if (x instanceof AccessDeniedException f) {
            return t.format("error.file.denied", f.getFile());
        }
        if (x instanceof FileAlreadyExistsException f) {
            return t.format("error.file.exists", f.getFile());
        }
        if (x instanceof FileSystemException f && f.getReason() != null
                && f.getReason().toLowerCase(java.util.Locale.ROOT).contains("no space left")) {
            return t.format("error.disk_full", f.getFile());
        }
        if (x instanceof OutOfMemoryError) {
            return t.get("error.memory");
        }
        if (x instanceof CancellationException) {
            return t.get("task.cancelled");
        }
        return oneLine(x);
    }

    /** The bundle key of a trainer's setting, as the window names it. */
    public static String settingKey(Setting s) {
        return "setting." + s.id();
    }

    /** The bundle key of what can be wrong with a trainer's setting. */
    public static String problemKey(SettingException.Problem p) {
        return "setting.problem." + p.id();
    }

    private static String modelProblem(ModelFileException m, Texts t) {
        String prefix = "'" + m.file().getFileName() + "': ";
        String msg = oneLine(m);
        String problem = msg.startsWith(prefix) ? msg.substring(prefix.length()) : msg;
        String key = MODEL_PROBLEMS.get(problem);
        if (key != null) {
            return t.get(key);
        }
        String onnx = "not a valid ONNX model (";
        if (problem.startsWith(onnx) && problem.endsWith(")")) {
            return t.format("error.model.not_onnx", problem.substring(onnx.length(), problem.length() - 1));
        }
        String unreadable = "cannot be read (";
        if (problem.startsWith(unreadable) && problem.endsWith(")")) {
            return t.format("error.file.unreadable", problem.substring(unreadable.length(), problem.length() - 1));
        }
        return problem;
    }
}

package org.pdviz.runtime;

import java.nio.file.Path;

/** A model file that cannot be used, with a message that names the file and exactly what is wrong. */
public class ModelFileException extends Exception {

    private final Path file;

    public ModelFileException(Path file, String problem) {
        super("'" + file.getFileName() + "': " + problem);
        this.file = file;
    }

    public ModelFileException(Path file, String problem, Throwable cause) {
        super("'" + file.getFileName() + "': " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * An engine's message as one line: its lines joined, so that a multi-line explanation (ONNX
     * Runtime's "... for the following indices" then the indices) is not cut off.
     */
    public static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        return String.join(" ", message.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }
}

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
}

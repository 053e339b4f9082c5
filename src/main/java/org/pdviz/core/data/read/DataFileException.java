package org.pdviz.core.data.read;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data file that cannot be used, with one line that names the file, where in it the problem is
 * (a row, a column, an array entry, an image) and what is wrong.
 */
public final class DataFileException extends IOException {

    private final transient Path file;

    public DataFileException(Path file, String where, String what) {
        super(file.getFileName() + (where == null ? "" : ", " + where) + ": " + what);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}

package org.pdviz.runtime;

import java.nio.file.Path;

/** Model file names: the one place that knows their extension. */
public final class ModelFiles {

    public static final String EXTENSION = ".onnx";

    private ModelFiles() {
    }

    /** The file's name without {@code .onnx} ("moons-teacher" for {@code models/moons-teacher.onnx}). */
    public static String baseName(Path file) {
        return baseName(file.getFileName().toString());
    }

    /** A file name without {@code .onnx}; any other name as it is. */
    public static String baseName(String fileName) {
        return fileName.endsWith(EXTENSION) ? fileName.substring(0, fileName.length() - EXTENSION.length()) : fileName;
    }
}

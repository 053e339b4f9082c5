package org.pdviz.runtime;

import java.nio.file.Path;

/** Where the project's files are during tests (surefire sets pdviz.home to the project folder). */
public final class TestPaths {
    private TestPaths() {
    }

    public static Path home() {
        return Path.of(System.getProperty("pdviz.home", "."));
    }
}

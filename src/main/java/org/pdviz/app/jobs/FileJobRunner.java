package org.pdviz.app.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pdviz.runtime.AtomicFiles;

/** A job that writes one model file (a teacher, a classifier): its folder beside the file, one stage. */
abstract class FileJobRunner implements JobRunner {

    private final Path out;

    FileJobRunner(Path out) {
        this.out = out;
    }

    @Override
    public Path folder() {
        return Jobs.fileFolder(out);
    }

    @Override
    public String where(int round, long iteration) {
        return "iteration " + iteration;
    }

    @Override
    public String restartEffect() {
        return "--restart drops the saved state and trains again from the start";
    }

    @Override
    public void removeLeftovers() throws IOException {
        Path file = out.toAbsolutePath().normalize();
        if (file.getParent() != null) {
            AtomicFiles.removeLeftovers(file.getParent(), "." + file.getFileName() + ".");
        }
    }

    @Override
    public void checkFreshOutput() throws IOException {
        if (Files.exists(out)) {
            throw new IOException(out + " exists; choose another --out or delete it first");
        }
    }
}

package org.pdviz.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pdviz.train.djl.TrainingException;
import org.pdviz.train.state.TrainingState;

/**
 * Where and how often a run saves its resumable state: every {@code everyIterations} iterations
 * and/or every {@code everySeconds} seconds (0 turns either off), always atomically.
 */
public final class Checkpointer {

    private final Path file;
    private final long everyIterations;
    private final long everyNanos;
    private long lastSave = System.nanoTime();

    public Checkpointer(Path file, long everyIterations, double everySeconds) {
        this.file = file;
        this.everyIterations = everyIterations;
        this.everyNanos = (long) (everySeconds * 1e9);
    }

    /** No state file: the run cannot be resumed. */
    public static Checkpointer none() {
        return new Checkpointer(null, 0, 0);
    }

    public Path file() {
        return file;
    }

    boolean due(long done) {
        if (file == null) {
            return false;
        }
        return (everyIterations > 0 && done % everyIterations == 0)
                || (everyNanos > 0 && System.nanoTime() - lastSave >= everyNanos);
    }

    void save(TrainingState state) throws IOException {
        if (file != null) {
            state.write(file);
            lastSave = System.nanoTime();
        }
    }

    /** The saved state, or null when there is none. */
    public TrainingState load() throws IOException {
        return file != null && Files.exists(file) ? TrainingState.read(file) : null;
    }

    /** The saved state of a run of {@code kind}, or null; a state another kind of run saved is refused. */
    public TrainingState load(String kind) throws IOException, TrainingException {
        TrainingState saved = load();
        if (saved != null && !kind.equals(saved.header().kind())) {
            throw new TrainingException("the saved state belongs to a '" + saved.header().kind() + "' job");
        }
        return saved;
    }
}

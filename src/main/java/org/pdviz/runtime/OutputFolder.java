package org.pdviz.runtime;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The output folder of a command ({@code --out DIR}): created with the folders above it that are
 * missing, and, unless the command succeeds and calls {@link #keep()}, removed again on
 * {@link #close()} when still empty, so a failed run leaves no empty folder behind. A folder that
 * existed before is never removed.
 */
public final class OutputFolder implements AutoCloseable {

    private final Path dir;
    private final List<Path> created;
    private boolean keep;

    private OutputFolder(Path dir, List<Path> created) {
        this.dir = dir;
        this.created = created;
    }

    /** Creates the folder (and missing parents) and checks that it can be written to. */
    public static OutputFolder create(Path dir) throws IOException {
        List<Path> created;
        try {
            created = createMissing(dir);
        } catch (IOException e) {
            throw new IOException("cannot create output folder '" + dir + "' (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            removeEmpty(created);
            throw new IOException("cannot write to output folder '" + dir + "'");
        }
        return new OutputFolder(dir, created);
    }

    public Path path() {
        return dir;
    }

    /** The folders this call created, outermost first (empty when the folder existed). */
    public List<Path> createdFolders() {
        return List.copyOf(created);
    }

    /** The command succeeded: the folder stays. */
    public void keep() {
        keep = true;
    }

    @Override
    public void close() {
        if (!keep) {
            removeEmpty(created);
        }
    }

    /** Creates {@code dir} and its missing parents; returns those it created, outermost first. */
    static List<Path> createMissing(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir.toAbsolutePath().normalize(); p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        List<Path> created = new ArrayList<>();
        try {
            for (Path p : missing) {
                Files.createDirectory(p);
                created.add(p);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(e.getFile() == null ? dir : Path.of(e.getFile()))) {
                removeEmpty(created);
                throw e;
            }
            // another thread or process made it meanwhile: use it
            Files.createDirectories(dir);
        } catch (IOException e) {
            removeEmpty(created);
            throw e;
        }
        return created;
    }

    /** Removes these folders, innermost first, as long as they are empty. */
    public static void removeEmpty(List<Path> created) {
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(created.get(i));
            } catch (DirectoryNotEmptyException e) {
                return;
            } catch (IOException e) {
                return;
            }
        }
    }
}

package org.pdviz.runtime;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes files so that a reader never sees half of one: the bytes go to a temporary file in the
 * same folder, are flushed to disk, then renamed over the target. On failure (a full disk, an
 * exception in the writer) the temporary file is removed, any old target is left as it was, folders
 * created for the file are removed again, and the exception names the file.
 *
 * <p>Every file pdviz writes goes through here, so {@link Storage} is the one seam where tests make
 * the disk fill up at any write.
 */
public final class AtomicFiles {

    private static volatile Storage storage = Storage.DISK;

    private AtomicFiles() {
    }

    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Where the bytes go. The real disk passes them through; a test's storage may throw, as a full
     * disk does, when a file is started or after some bytes.
     */
    public interface Storage {
        Storage DISK = new Storage() {
        };

        /** Before the temporary file for {@code target} is created. */
        default void starting(Path target) throws IOException {
        }

        /** The stream that the bytes of {@code target} pass through on their way to disk. */
        default OutputStream through(Path target, OutputStream out) {
            return out;
        }
    }

    /** Installs a storage (for tests); closing the handle puts the real disk back. */
    public static AutoCloseable use(Storage s) {
        storage = s;
        return () -> storage = Storage.DISK;
    }

    public static void write(Path target, Writer writer) throws IOException {
        Map<Path, Writer> one = new LinkedHashMap<>();
        one.put(target, writer);
        writeAll(one);
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Writes several files that belong together: every one is complete in its temporary file before
     * the first is renamed, so either all appear (replacing older ones) or none changes.
     */
    public static void writeAll(Map<Path, Writer> files) throws IOException {
        List<Path> created = new ArrayList<>();
        Map<Path, Path> temps = new LinkedHashMap<>();
        Path current = null;
        try {
            for (Map.Entry<Path, Writer> f : files.entrySet()) {
                current = f.getKey();
                Path dir = current.toAbsolutePath().getParent();
                created.addAll(OutputFolder.createMissing(dir));
                storage.starting(current);
                Path tmp = Files.createTempFile(dir, "." + current.getFileName() + ".", ".partial");
                temps.put(current, tmp);
                fill(current, tmp, f.getValue());
            }
            for (Map.Entry<Path, Path> t : new ArrayList<>(temps.entrySet())) {
                current = t.getKey();
                move(t.getValue(), current);
                temps.remove(current);
            }
        } catch (IOException | RuntimeException e) {
            for (Path tmp : temps.values()) {
                Files.deleteIfExists(tmp);
            }
            OutputFolder.removeEmpty(created);
            if (e instanceof IOException io) {
                throw named(current, io);
            }
            throw e;
        }
    }

    private static void fill(Path target, Path tmp, Writer writer) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE);
             OutputStream out = new java.io.BufferedOutputStream(new Unclosed(storage.through(target,
                     java.nio.channels.Channels.newOutputStream(channel))), 1 << 16)) {
            writer.writeTo(out);
            out.flush();
            channel.force(true);
        }
        readableByAll(tmp);
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Removes the temporary files that writes into {@code dir} left when their process died (kill -9,
     * a power cut) before they could clean up; {@code prefix} limits it to the files of some targets
     * (e.g. ".teacher.onnx."), "." to all of them. Only for a folder no other process writes into.
     */
    public static void removeLeftovers(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.startsWith(prefix) && n.startsWith(".") && n.endsWith(".partial") && Files.isRegularFile(f)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** "cannot write 'state.bin' in /x/y: No space left on device", once, whatever threw it. */
    static IOException named(Path target, IOException e) {
        if (target == null || e instanceof WriteFailed) {
            return e;
        }
        // the operating system's words are the innermost I/O error's ("I/O error writing PNG file!" wraps them)
        IOException root = e;
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof IOException io && io.getMessage() != null) {
                root = io;
            }
        }
        String why = root instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        Path abs = target.toAbsolutePath();
        return new WriteFailed("cannot write '" + abs.getFileName() + "' in " + abs.getParent() + ": "
                + ModelFileException.oneLine(why), e);
    }

    /** A write that failed, its message already naming the file. */
    public static final class WriteFailed extends IOException {
        WriteFailed(String message, IOException cause) {
            super(message, cause);
        }
    }

    /** Closing is the channel's business (it must be forced first), not the writer's or a wrapper's. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Temporary files are created owner-only; a finished file gets the usual rw-r--r--. */
    private static void readableByAll(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: keep the default permissions
        }
    }
}

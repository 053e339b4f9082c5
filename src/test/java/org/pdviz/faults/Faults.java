package org.pdviz.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.pdviz.cli.Main;
import org.pdviz.runtime.AtomicFiles;
import picocli.CommandLine;

/**
 * What every bad-input case checks: the message is one line that names what is wrong, the status,
 * nothing partial or empty is left, and files that were there are untouched.
 */
final class Faults {

    private Faults() {
    }

    record Cli(int status, String out, String err) {
    }

    static Cli cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Cli(status, out.toString(), err.toString());
    }

    /** The command failed with this status and exactly one line on stderr containing every fragment. */
    static String assertOneLine(Cli r, int status, String... fragments) {
        assertEquals(status, r.status(), "status; stderr: " + r.err());
        return assertOneLine(r.err(), fragments);
    }

    /**
     * A job that ran a while before it failed: its progress lines come first, then the error, one line
     * starting with the command's name; no stack trace anywhere.
     */
    static String assertEndsWithOneLine(Cli r, int status, String command, String... fragments) {
        assertEquals(status, r.status(), "status; stderr: " + r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace: " + r.err());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("pdviz " + command + ":")).toList();
        assertEquals(1, errors.size(), "one error line: " + r.err());
        List<String> all = r.err().strip().lines().toList();
        assertEquals(errors.get(0), all.get(all.size() - 1), "the error comes last: " + r.err());
        return assertOneLine(errors.get(0), fragments);
    }

    /** A message is one line, with no stack trace, and contains every fragment. */
    static String assertOneLine(String message, String... fragments) {
        String line = message == null ? "" : message.strip();
        assertFalse(line.isEmpty(), "a message is expected");
        assertEquals(1, line.lines().count(), "one line: " + message);
        assertFalse(line.contains("\tat ") || line.contains("Exception:"), "no stack trace: " + message);
        for (String f : fragments) {
            assertTrue(line.contains(f), "'" + f + "' in: " + line);
        }
        return line;
    }

    /** Every regular file under {@code dir} (relative path -> SHA-256), to compare before and after. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        if (!Files.exists(dir)) {
            return m;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                if (Files.isRegularFile(p)) {
                    m.put(dir.relativize(p).toString(), sha256(Files.readAllBytes(p)));
                } else if (Files.isDirectory(p)) {
                    m.put(dir.relativize(p) + "/", "dir");
                }
            }
        }
        return m;
    }

    static void assertUntouched(Map<String, String> before, Path dir) throws IOException {
        assertEquals(before, snapshot(dir), "files under " + dir + " must be as they were");
    }

    /** No half-written temporary file anywhere under {@code dir}. */
    static void assertNoPartials(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> partial = s.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
            assertTrue(partial.isEmpty(), "temporary files left: " + partial);
        }
    }

    static void assertAbsent(Path p) {
        assertFalse(Files.exists(p), p + " must not exist");
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A disk that fills up: writes of files whose name matches {@code which} fail with "No space left
     * on device" once {@code room} bytes of that file have gone through (0: at once, when the file is
     * started), as the operating system reports a full disk.
     */
    static AutoCloseable fullDisk(Predicate<Path> which, long room) {
        return AtomicFiles.use(new AtomicFiles.Storage() {
            @Override
            public void starting(Path target) throws IOException {
                if (room == 0 && which.test(target)) {
                    throw new IOException("No space left on device");
                }
            }

            @Override
            public OutputStream through(Path target, OutputStream out) {
                if (room == 0 || !which.test(target)) {
                    return out;
                }
                return new java.io.FilterOutputStream(out) {
                    long written;

                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        if (written + len > room) {
                            throw new IOException("No space left on device");
                        }
                        written += len;
                        out.write(b, off, len);
                    }
                };
            }
        });
    }

    static Predicate<Path> named(String fileName) {
        return p -> p.getFileName().toString().equals(fileName);
    }
}

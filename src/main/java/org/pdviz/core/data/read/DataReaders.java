package org.pdviz.core.data.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.pdviz.core.data.DataTable;

/** The readers, and the one that reads a given file. */
public final class DataReaders {

    /** A format: the files it takes (by name, or a folder) and its reader. */
    private record Format(Predicate<Path> takes, DataReader reader) {
    }

    private static final List<Format> ALL = List.of(
            new Format(f -> named(f, ".csv", ".tsv", ".txt"), new DelimitedReader()),
            new Format(f -> named(f, ".npy"), new NpyReader()),
            new Format(IdxReader::takes, new IdxReader()),
            new Format(Files::isDirectory, new ImageFolderReader()));

    private DataReaders() {
    }

    /** A file (not a folder) whose name ends in one of the suffixes, in any case. */
    private static boolean named(Path file, String... suffixes) {
        String n = lower(file);
        return !Files.isDirectory(file) && Arrays.stream(suffixes).anyMatch(n::endsWith);
    }

    /** Reads {@code file} with the reader of its format. */
    public static DataTable read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        for (Format f : ALL) {
            if (f.takes().test(file)) {
                return f.reader().read(file);
            }
        }
        throw new DataFileException(file, null, "unknown data format; expected .csv, .tsv, .txt, .npy, an IDX file"
                + " (.idx, -ubyte, optionally .gz) or a folder of PNG/JPEG images");
    }

    /** Whether some reader would take {@code name} (a path that may not exist yet is judged by its name). */
    public static boolean looksLikeDataFile(String name) {
        Path p = Path.of(name);
        if (Files.isDirectory(p)) {
            return true;
        }
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("/") || n.contains(java.io.File.separator) || ALL.stream().anyMatch(f -> f.takes().test(p));
    }

    static String lower(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT);
    }
}

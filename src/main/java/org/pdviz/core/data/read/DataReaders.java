package org.pdviz.core.data.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.pdviz.core.data.DataTable;

/** The readers, and the one that reads a given file. */
public final class DataReaders {

    private static final List<DataReader> ALL = List.of(new DelimitedReader(), new NpyReader(), new IdxReader(),
            new ImageFolderReader());

    private DataReaders() {
    }

    public static List<DataReader> all() {
        return ALL;
    }

    /** Reads {@code file} with the reader of its format. */
    public static DataTable read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        for (DataReader r : ALL) {
            if (r.accepts(file)) {
                return r.read(file);
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
        return n.contains("/") || n.contains(java.io.File.separator) || ALL.stream().anyMatch(r -> r.accepts(p));
    }

    static String lower(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT);
    }
}

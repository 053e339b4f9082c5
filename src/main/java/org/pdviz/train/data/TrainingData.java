package org.pdviz.train.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pdviz.core.data.DataTable;
import org.pdviz.core.data.Dataset;
import org.pdviz.core.data.Mnist;
import org.pdviz.core.data.Normalization;
import org.pdviz.core.data.PointSets;
import org.pdviz.core.data.read.DataReaders;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.runtime.exact.ExactTeachers;
import org.pdviz.train.Setting;
import org.pdviz.train.SettingException;
import org.pdviz.train.SettingException.Problem;

/**
 * The data a run can learn from: by name, the 2-D generators, {@code mnist} (training split) and
 * the Gaussian mixtures of the exact teachers (so an exact teacher can be distilled on its own
 * distribution); or a data file (CSV/TSV/TXT, NPY, IDX, a folder of images: {@code core.data.read}),
 * points optionally normalised into [-1, 1]. Built-in sets and files go through the same door,
 * {@link #resolve}.
 */
public final class TrainingData {

    /** What {@code --data teacher} asks for: a teacher's own samples (handled by the distillation). */
    public static final String TEACHER_SAMPLES = "teacher";

    private TrainingData() {
    }

    /**
     * Data to learn from: the samples, the name a card gives them (a built-in set's name, or the
     * file's name), and, for data that is not built in, where they came from (for the card).
     */
    public record Source(Dataset dataset, String name, ModelCard.DataOrigin origin) {

        /** The file's table, or null for a built-in generator. */
        public DataTable table() {
            return dataset instanceof DataTable t ? t : null;
        }
    }

    public static List<String> names() {
        List<String> n = new ArrayList<>(PointSets.names());
        n.add("mnist");
        for (ExactTeachers.Preset p : ExactTeachers.presets()) {
            if (!n.contains(p.dataset())) {
                n.add(p.dataset());
            }
        }
        return n;
    }

    public static boolean isBuiltIn(String name) {
        return names().contains(name);
    }

    /** A built-in data set by name. */
    public static Dataset open(String name, Path mnistFolder) throws IOException {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("no data set given; expected one of " + names() + " or a data file");
        }
        if (PointSets.names().contains(name)) {
            return PointSets.byName(name);
        }
        if (name.equals("mnist")) {
            return Mnist.load(mnistFolder).split(false);
        }
        for (ExactTeachers.Preset p : ExactTeachers.presets()) {
            if (p.dataset().equals(name)) {
                return PointSets.mixture(ExactTeachers.mixture(p.id(), mnistFolder));
            }
        }
        throw new IllegalArgumentException("unknown data set '" + name + "', expected one of " + names()
                + " or a data file (.csv, .tsv, .txt, .npy, IDX, a folder of PNG/JPEG images)");
    }

    /**
     * A built-in data set by name, or a data file by path.
     *
     * @param normalize map a file's points into [-1, 1] ({@link Normalization#fit}); only for point files
     */
    public static Source resolve(String spec, boolean normalize, Path mnistFolder) throws IOException {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no data given; expected one of " + names() + " or a data file");
        }
        if (spec.equals(TEACHER_SAMPLES)) {
            throw new SettingException(Problem.TEACHER_SAMPLES_ONLY_DISTILL, Setting.DATA);
        }
        if (isBuiltIn(spec) && !Files.exists(Path.of(spec))) {
            if (normalize) {
                throw new SettingException(Problem.NORMALIZE_BUILT_IN, Setting.NORMALIZE, spec);
            }
            return new Source(open(spec, mnistFolder), spec, null);
        }
        Path file = Path.of(spec);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("unknown data set '" + spec + "': no such file, and not one of "
                    + names());
        }
        return fromTable(DataReaders.read(file), "file", normalize);
    }

    /**
     * Points or images already in memory (e.g. drawn by hand), as a source.
     *
     * @param source what the card calls them: "file" (the table's name is the file's), or "points"
     */
    public static Source fromTable(DataTable table, String source, boolean normalize) {
        Normalization map = null;
        DataTable data = table;
        if (normalize) {
            if (!table.shape().isPoints()) {
                throw new SettingException(Problem.NORMALIZE_IMAGES, Setting.NORMALIZE, table.name());
            }
            try {
                map = Normalization.fit(table.values(), table.shape().size());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(table.name() + ": " + e.getMessage());
            }
            data = table.withValues(map.apply(table.values()));
        }
        return new Source(data, table.name(), new ModelCard.DataOrigin(source, table.name(), table.sha256(),
                table.count(), map, null));
    }
}

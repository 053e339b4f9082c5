package org.pdviz.train.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pdviz.core.data.Dataset;
import org.pdviz.core.data.Mnist;
import org.pdviz.core.data.PointSets;
import org.pdviz.runtime.exact.ExactTeachers;

/**
 * The data sets a run can train on, by name: the 2-D generators, {@code mnist} (training split),
 * and the Gaussian mixtures of the exact teachers (so an exact teacher can be distilled on its own
 * distribution).
 */
public final class TrainingData {

    private TrainingData() {
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

    public static Dataset open(String name, Path mnistFolder) throws IOException {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("no data set given; expected one of " + names());
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
        throw new IllegalArgumentException("unknown data set '" + name + "', expected one of " + names());
    }
}

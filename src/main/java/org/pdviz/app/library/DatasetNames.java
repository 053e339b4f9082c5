package org.pdviz.app.library;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pdviz.runtime.card.CardException;
import org.pdviz.runtime.card.CardNames;
import org.pdviz.runtime.card.ModelNames;

/**
 * Gives the models of a folder their data-set-prefixed names ({@code student-4} of moons becomes
 * {@code moons-student-4}, its parent {@code student-8} becomes {@code moons-student-8}), as the
 * trainer names new runs: only the card's name and lineage parent change (see {@link CardNames}).
 * A student's parent is renamed with the student's data set, which is its teacher's, so a chain
 * stays whole.
 */
public final class DatasetNames {

    private DatasetNames() {
    }

    /** Renames every model with a card under {@code folder} (recursively); returns what changed. */
    public static List<CardNames.Change> apply(Path folder) throws IOException, CardException {
        ModelLibrary lib = ModelLibrary.scan(folder);
        if (!lib.problems().isEmpty()) {
            throw new IllegalArgumentException("not renaming anything in " + folder + ": " + lib.problems().get(0));
        }
        List<CardNames.Change> changes = new ArrayList<>();
        for (ModelEntry e : lib.entries()) {
            if (e.card() == null) {
                continue;
            }
            String dataset = e.card().dataset();
            CardNames.rename(e.file(), n -> ModelNames.withDataset(dataset, n)).ifPresent(changes::add);
        }
        return changes;
    }
}

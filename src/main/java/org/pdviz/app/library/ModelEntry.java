package org.pdviz.app.library;

import java.nio.file.Path;
import org.pdviz.runtime.ModelFiles;
import org.pdviz.runtime.card.ModelCard;

/**
 * A model file in the library with its card ({@code null} for a file without one, which needs the
 * user to supply at least its parameterisation before it can be sampled).
 */
public record ModelEntry(Path file, ModelCard card, long bytes) {

    public String name() {
        return card != null && card.name() != null ? card.name() : stem();
    }

    public String dataset() {
        return card != null && card.dataset() != null ? card.dataset() : "other";
    }

    /** The student's own step count, or null for a teacher. */
    public Integer steps() {
        return card == null ? null : card.steps();
    }

    public boolean isStudent() {
        return card != null && card.isStudent();
    }

    public String stem() {
        return ModelFiles.baseName(file);
    }
}

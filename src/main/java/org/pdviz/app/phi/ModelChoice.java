package org.pdviz.app.phi;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.library.ModelLibrary;

/**
 * Which models the phi view compares: a teacher sampled with many steps and a student with few.
 * The student may be the teacher itself (plain DDIM with few steps), which is what a user sees
 * before any model has been distilled.
 */
public record ModelChoice(ModelEntry teacher, int teacherSteps, ModelEntry student, int studentSteps) {

    public static final int TEACHER_STEPS = 512;
    public static final int STUDENT_STEPS = 4;
    /** The fallback when no distilled student is in the library. */
    public static final String FALLBACK_FILE = "exact-mnist-class-means.onnx";

    public ModelChoice {
        if (teacherSteps < 1 || studentSteps < 1) {
            throw new IllegalArgumentException("step counts must be at least 1, got " + teacherSteps + " and "
                    + studentSteps);
        }
    }

    /** True when the student is a distilled model, not the teacher with fewer steps. */
    public boolean distilled() {
        return !student.file().equals(teacher.file());
    }

    /**
     * By card: a teacher and a student of the same data set (the student closest to 4 steps, data
     * sets of images first); else the exact MNIST class-means teacher at 512 against itself at 4
     * steps; else any teacher that way.
     */
    public static Optional<ModelChoice> choose(ModelLibrary library) {
        Map<String, List<ModelEntry>> groups = library.byDataset();
        ModelChoice best = null;
        int bestScore = Integer.MAX_VALUE;
        for (List<ModelEntry> group : groups.values()) {
            Optional<ModelEntry> teacher = group.stream().filter(e -> e.card() != null && !e.isStudent()).findFirst();
            Optional<ModelEntry> student = group.stream().filter(ModelEntry::isStudent)
                    .min(Comparator.comparingInt(e -> Math.abs(e.steps() - STUDENT_STEPS)));
            if (teacher.isPresent() && student.isPresent()) {
                ModelEntry s = student.get();
                int score = Math.abs(s.steps() - STUDENT_STEPS) + (s.card().dataShape().length == 3 ? 0 : 1000);
                if (score < bestScore) {
                    bestScore = score;
                    best = new ModelChoice(teacher.get(), TEACHER_STEPS, s, s.steps());
                }
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        List<ModelEntry> all = library.entries();
        Optional<ModelEntry> fallback = all.stream()
                .filter(e -> e.file().getFileName().toString().equals(FALLBACK_FILE)).findFirst()
                .or(() -> all.stream().filter(e -> e.card() != null && !e.isStudent()).findFirst());
        return fallback.map(t -> new ModelChoice(t, TEACHER_STEPS, t, STUDENT_STEPS));
    }

    /**
     * The pair around one model a user picked: a teacher with a student of its data set when the
     * library has one (else plain DDIM with 4 steps); a student with a teacher of its data set
     * (else itself sampled with 512 steps as the reference).
     */
    public static ModelChoice around(ModelLibrary library, ModelEntry picked) {
        List<ModelEntry> same = library.byDataset().getOrDefault(picked.dataset(), List.of());
        if (picked.isStudent()) {
            return same.stream().filter(e -> e.card() != null && !e.isStudent()).findFirst()
                    .map(t -> new ModelChoice(t, TEACHER_STEPS, picked, picked.steps()))
                    .orElse(new ModelChoice(picked, TEACHER_STEPS, picked, picked.steps()));
        }
        return same.stream().filter(ModelEntry::isStudent)
                .min(Comparator.comparingInt(e -> Math.abs(e.steps() - STUDENT_STEPS)))
                .map(st -> new ModelChoice(picked, TEACHER_STEPS, st, st.steps()))
                .orElse(plainDdim(picked, STUDENT_STEPS));
    }

    /** The same teacher at its default steps against itself at {@code steps} (plain DDIM). */
    public static ModelChoice plainDdim(ModelEntry teacher, int steps) {
        return new ModelChoice(teacher, TEACHER_STEPS, teacher, steps);
    }
}

package org.pdviz.app.phi;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.library.ModelLibrary;

/**
 * Which models the phi view compares: a teacher sampled with many steps and a student with few.
 * The student may be the teacher itself (plain DDIM with few steps), which is what a user sees
 * before any model has been distilled.
 */
public record PhiModelChoice(ModelEntry teacher, int teacherSteps, ModelEntry student, int studentSteps) {

    public static final int TEACHER_STEPS = 512;
    public static final int STUDENT_STEPS = 4;
    /** The fallback when no distilled student is in the library. */
    public static final String FALLBACK_FILE = "exact-mnist-class-means.onnx";

    public PhiModelChoice {
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
     * The library's default teacher (images first, one with students first: see
     * {@link org.pdviz.app.library.ModelChoice#defaultTeacher}) against its own student closest to 4
     * steps, found through the cards' lineage; without a student, against its own 4-step DDIM.
     */
    public static Optional<PhiModelChoice> choose(ModelLibrary library) {
        List<ModelEntry> all = library.entries();
        return org.pdviz.app.library.ModelChoice.defaultTeacher(all).map(t -> around(library, t));
    }

    /**
     * The pair around one model a user picked: a teacher against its own student closest to 4 steps
     * (else its plain 4-step DDIM); a student against the teacher it descends from (else itself
     * sampled with 512 steps as the reference).
     */
    public static PhiModelChoice around(ModelLibrary library, ModelEntry picked) {
        List<ModelEntry> all = library.entries();
        if (picked.isStudent()) {
            return org.pdviz.app.library.ModelChoice.rootTeacher(all, picked)
                    .map(t -> new PhiModelChoice(t, teacherSteps(t), picked, picked.steps()))
                    .orElse(new PhiModelChoice(picked, teacherSteps(picked), picked, picked.steps()));
        }
        return org.pdviz.app.library.ModelChoice.studentsOf(all, picked).stream()
                .min(Comparator.comparingInt(e -> Math.abs(e.steps() - STUDENT_STEPS)))
                .map(st -> new PhiModelChoice(picked, teacherSteps(picked), st, st.steps()))
                .orElse(plainDdim(picked, STUDENT_STEPS));
    }

    /** The same teacher at its default steps against itself at {@code steps} (plain DDIM). */
    public static PhiModelChoice plainDdim(ModelEntry teacher, int steps) {
        return new PhiModelChoice(teacher, teacherSteps(teacher), teacher, steps);
    }

    /** 512, or a discrete schedule's T when it has fewer timesteps. */
    private static int teacherSteps(ModelEntry e) {
        return org.pdviz.app.library.ModelChoice.teacherSteps(e.card());
    }
}

package org.pdviz.app.library;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.pdviz.app.i18n.Language;
import org.pdviz.app.i18n.Texts;
import org.pdviz.core.model.DataShape;
import org.pdviz.runtime.card.ModelCard;

/**
 * Default choices made from model cards (data set, steps, lineage), never from file names: the
 * steps a model is sampled with, a batch size that reads well on a projector, a student's teacher,
 * and the panes of the comparison.
 */
public final class ModelChoice {

    /** Steps for a teacher when the user has not chosen: the paper's many-step reference. */
    public static final int TEACHER_STEPS = 512;
    /** The student step count the comparison shows by default. */
    public static final int COMPARE_STEPS = 4;
    /** The data set the comparison prefers (the paper's MNIST experiment). */
    public static final String PREFERRED_DATASET = "mnist";

    /** One sampler of a comparison: a model at a step count. */
    public record Pane(ModelEntry model, int steps) {
        public String label() {
            return label(Texts.of(Language.EN));
        }

        public String label(Texts t) {
            return t.run(model.name(), steps);
        }
    }

    private ModelChoice() {
    }

    /**
     * The name to show for a model: its card's name, followed by its folder's name when another model
     * of the list has the same name (every run of the trainer writes its own "student-4").
     */
    public static String displayName(List<ModelEntry> all, ModelEntry e) {
        String name = e.name();
        boolean shared = all.stream().anyMatch(o -> o != e && !o.file().equals(e.file()) && o.name().equals(name));
        Path folder = e.file().getParent();
        return shared && folder != null && folder.getFileName() != null ? name + " (" + folder.getFileName() + ")"
                : name;
    }

    /** A student's own step count, else the teacher's default ({@link #teacherSteps}). */
    public static int steps(ModelEntry e) {
        return e.steps() != null ? e.steps() : teacherSteps(e.card());
    }

    /** {@link #TEACHER_STEPS}, or a discrete schedule's T when it has fewer timesteps. */
    public static int teacherSteps(org.pdviz.runtime.card.ModelCard card) {
        try {
            return card == null ? TEACHER_STEPS : Math.min(TEACHER_STEPS, card.scheduleValue().maxSteps());
        } catch (IllegalArgumentException e) {
            return TEACHER_STEPS; // a bad schedule is reported when the model is opened
        }
    }

    /** 16 images (a 4x4 grid legible from the back of a room) or 256 points. */
    public static int batch(DataShape shape) {
        return shape.isImage() ? 16 : 256;
    }

    /**
     * The teacher a student descends from: its lineage parent (by card name or file stem, same
     * folder first), followed until a model without steps. Empty for a teacher or a broken chain.
     */
    public static Optional<ModelEntry> rootTeacher(List<ModelEntry> library, ModelEntry student) {
        ModelEntry current = student;
        Set<ModelEntry> seen = new HashSet<>();
        while (current.isStudent()) {
            if (!seen.add(current)) {
                return Optional.empty();
            }
            Optional<ModelEntry> parent = parent(library, current);
            if (parent.isEmpty()) {
                return Optional.empty();
            }
            current = parent.get();
        }
        return current == student ? Optional.empty() : Optional.of(current);
    }

    static Optional<ModelEntry> parent(List<ModelEntry> library, ModelEntry child) {
        ModelCard card = child.card();
        if (card == null || card.lineage() == null || card.lineage().parent() == null) {
            return Optional.empty();
        }
        String p = card.lineage().parent();
        String stem = p.replaceAll(".*[/\\\\]", "").replaceAll("\\.onnx$", "");
        return library.stream()
                .filter(e -> e != child && (e.name().equals(p) || e.stem().equals(stem)))
                .min(Comparator.comparing(e -> e.file().getParent() != null
                        && e.file().getParent().equals(child.file().getParent()) ? 0 : 1));
    }

    /** Students in the library whose root teacher is {@code teacher}. */
    public static List<ModelEntry> studentsOf(List<ModelEntry> library, ModelEntry teacher) {
        List<ModelEntry> out = new ArrayList<>();
        for (ModelEntry e : library) {
            if (e.isStudent() && rootTeacher(library, e).filter(t -> t.equals(teacher)).isPresent()) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparing(ModelEntry::steps));
        return out;
    }

    /**
     * The teacher the comparison starts from: a teacher of the preferred data set (else of any data
     * set whose name starts with it, else any teacher), preferring one with students, then a trained
     * one over an exact mixture, then the mixture with more components (whose modes few-step DDIM
     * visibly blurs).
     */
    public static Optional<ModelEntry> defaultTeacher(List<ModelEntry> library) {
        Comparator<ModelEntry> rank = Comparator
                .comparing((ModelEntry e) -> datasetRank(e.dataset()))
                .thenComparing(e -> studentsOf(library, e).isEmpty() ? 1 : 0)
                .thenComparing(e -> isExactMixture(e) ? 1 : 0)
                .thenComparing(e -> -components(e))
                .thenComparing(ModelEntry::name);
        return library.stream().filter(e -> !e.isStudent() && e.card() != null).min(rank);
    }

    private static int datasetRank(String dataset) {
        String d = dataset.toLowerCase(Locale.ROOT);
        return d.equals(PREFERRED_DATASET) ? 0 : d.startsWith(PREFERRED_DATASET) ? 1 : 2;
    }

    private static boolean isExactMixture(ModelEntry e) {
        return e.card().family() != null && e.card().family().name() != null
                && e.card().family().name().startsWith("exact");
    }

    private static int components(ModelEntry e) {
        if (e.card().family() == null || !(e.card().family().params().get("components") instanceof Number n)) {
            return 0;
        }
        return n.intValue();
    }

    /**
     * The default comparison: the teacher at {@link #TEACHER_STEPS} (the reference), its student at
     * {@code S} steps when the library has one, and the teacher's plain S-step DDIM. With a focus
     * model: a student compares against its root teacher at its own step count; a teacher takes the
     * place of the default teacher.
     */
    public static List<Pane> comparison(List<ModelEntry> library, ModelEntry focus) {
        ModelEntry teacher;
        ModelEntry student = null;
        int s = COMPARE_STEPS;
        if (focus != null && focus.isStudent()) {
            student = focus;
            s = focus.steps();
            teacher = rootTeacher(library, focus).orElse(null);
            if (teacher == null) {
                return List.of(new Pane(focus, s));
            }
        } else {
            teacher = focus != null ? focus : defaultTeacher(library).orElse(null);
            if (teacher == null) {
                return List.of();
            }
            int want = s;
            student = studentsOf(library, teacher).stream().filter(e -> e.steps() == want).findFirst().orElse(null);
        }
        List<Pane> panes = new ArrayList<>();
        panes.add(new Pane(teacher, teacherSteps(teacher.card())));
        if (student != null) {
            panes.add(new Pane(student, s));
        }
        panes.add(new Pane(teacher, s));
        return panes;
    }
}

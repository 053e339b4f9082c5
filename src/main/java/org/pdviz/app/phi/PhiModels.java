package org.pdviz.app.phi;

import org.pdviz.app.i18n.Language;
import org.pdviz.app.i18n.Texts;
import org.pdviz.core.model.DataRange;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.model.Denoiser;
import org.pdviz.core.schedule.Schedule;
import org.pdviz.runtime.ModelFileException;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.card.ModelCard;

/** The two samplers of the phi view, opened: a teacher with many steps and a student with few. */
public final class PhiModels implements AutoCloseable {

    /** One sampler: a model, its display name and the steps it samples with. */
    public record Sampler(String label, String model, Denoiser denoiser, int steps) {
    }

    private final Sampler teacher, student;
    private final Schedule schedule;
    private final DataRange range;
    private final String dataset;
    private final boolean distilled;

    public PhiModels(Sampler teacher, Sampler student, Schedule schedule, DataRange range, String dataset,
                     boolean distilled) {
        if (!teacher.denoiser().shape().equals(student.denoiser().shape())) {
            throw new IllegalArgumentException("teacher and student take different data: "
                    + teacher.denoiser().shape() + " and " + student.denoiser().shape());
        }
        this.teacher = teacher;
        this.student = student;
        this.schedule = schedule;
        this.range = range;
        this.dataset = dataset;
        this.distilled = distilled;
    }

    /** Opens the chosen model files (one session when the student is the teacher itself). */
    public static PhiModels open(PhiModelChoice choice) throws ModelFileException {
        OnnxDenoiser t = open(choice.teacher());
        try {
            OnnxDenoiser s = choice.distilled() ? open(choice.student()) : t;
            if (choice.distilled() && !s.card().scheduleValue().equals(t.card().scheduleValue())) {
                s.close();
                throw new ModelFileException(choice.student().file(), "uses another schedule than the teacher");
            }
            ModelCard tc = t.card(), sc = s.card();
            String studentLabel = choice.distilled()
                    ? sc.name() + ", " + choice.studentSteps() + " steps (distilled)"
                    : tc.name() + ", " + choice.studentSteps() + " steps (plain DDIM)";
            return new PhiModels(new Sampler(tc.name() + ", " + choice.teacherSteps() + " steps", tc.name(), t,
                    choice.teacherSteps()), new Sampler(studentLabel, sc.name(), s, choice.studentSteps()),
                    tc.scheduleValue(), tc.rangeValue(), tc.dataset(), choice.distilled());
        } catch (ModelFileException | RuntimeException e) {
            t.close();
            throw e;
        }
    }

    /** Opens a library entry with its card (completed by the user for a file without one). */
    static OnnxDenoiser open(org.pdviz.app.library.ModelEntry e) throws ModelFileException {
        return OnnxDenoiser.open(e.file(), e.card() == null ? org.pdviz.runtime.card.CardOverrides.NONE
                : org.pdviz.runtime.card.CardOverrides.of(e.card()), org.pdviz.runtime.Device.CPU, line -> { });
    }

    /** A short name for the pair, e.g. "m: 512 steps vs 4 (plain DDIM)" or "m: 512 steps vs s, 4 steps". */
    public String pairLabel() {
        return pairLabel(Texts.of(Language.EN));
    }

    public String pairLabel(Texts t) {
        return distilled ? t.format("phi.pair.distilled", teacher.model(), t.steps(teacher.steps()), student.model(),
                t.steps(student.steps())) : t.format("phi.pair.plain", teacher.model(), t.steps(teacher.steps()),
                student.steps());
    }

    /** "m, 512 steps" in a language. */
    public String teacherLabel(Texts t) {
        return t.run(teacher.model(), teacher.steps());
    }

    /** "s, 4 steps (distilled)" or "m, 4 steps (plain DDIM)" in a language. */
    public String studentLabel(Texts t) {
        return t.format(distilled ? "phi.label.distilled" : "phi.label.plain", t.run(student.model(), student.steps()));
    }

    public Sampler teacher() {
        return teacher;
    }

    public Sampler student() {
        return student;
    }

    public Schedule schedule() {
        return schedule;
    }

    public DataRange range() {
        return range;
    }

    public DataShape shape() {
        return teacher.denoiser().shape();
    }

    public String dataset() {
        return dataset;
    }

    public boolean distilled() {
        return distilled;
    }

    @Override
    public void close() {
        teacher.denoiser().close();
        if (student.denoiser() != teacher.denoiser()) {
            student.denoiser().close();
        }
    }
}

package org.pdviz.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.pdviz.app.i18n.Message;
import org.pdviz.app.jobs.DistillJob;
import org.pdviz.app.jobs.RoundPreview;
import org.pdviz.app.jobs.RoundSummary;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.library.ModelImport;
import org.pdviz.runtime.card.CardOverrides;
import org.pdviz.ui.task.BackgroundTask;
import org.pdviz.ui.task.TaskSlot;

/**
 * The trainer's preview (a model: no layout): each finished stage sampled next to the teacher's
 * plain DDIM with as many steps, from the noise of the teacher's many-step reference. Previews run
 * in a task slot, so while stages finish faster than they are sampled only the newest is shown. The
 * teacher's reference is sampled once per job, when the job starts.
 */
final class StagePreviews implements AutoCloseable {

    static final int PREVIEW_POINTS = 256;
    static final int PREVIEW_IMAGES = 16;
    /** The step count a new teacher is previewed with, and the few-step DDIM shown beside it. */
    static final int TEACHER_PREVIEW_STEPS = 512;
    static final int FEW_STEPS = 4;

    /** What the preview shows: a stage's picture and what it is ("stage 2 of 3, the 4-step student"). */
    record Shown(RoundPreview.View view, Message what) {
    }

    /** The teacher's reference a job's stages are compared with. */
    private record Reference(Path teacher, CardOverrides overrides, int steps, int count) {
    }

    private final AppContext ctx;
    private final Consumer<String> log;
    private final TaskSlot<Shown> slot;
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Message> placeholder = new ReadOnlyObjectWrapper<>(Message.of("text.as_is", ""));
    /** The job's reference (set on the UI thread, read by the preview tasks). */
    private volatile Reference wanted;
    /** Touched by one preview task at a time, under this object's lock. */
    private Reference openedFor;
    private RoundPreview opened;

    /** {@code log} receives one line when a stage cannot be previewed. */
    StagePreviews(AppContext ctx, Consumer<String> log) {
        this.ctx = ctx;
        this.log = log;
        this.slot = ctx.tasks.slot();
    }

    /** The stage on show, or null (then {@link #placeholderProperty} says what will come). */
    ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Message> placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** Nothing on show; {@code text} says what will be. */
    void clear(Message text) {
        slot.clear();
        shown.set(null);
        placeholder.set(text);
    }

    /** A distillation starts: its teacher's reference is sampled now, for the stages to come. */
    void distillation(DistillJob d) {
        ModelEntry teacher = ctx.models.stream().filter(m -> m.file().equals(d.teacher().toAbsolutePath()
                .normalize())).findFirst().orElse(null);
        CardOverrides overrides = teacher == null || teacher.card() == null ? CardOverrides.NONE
                : ModelImport.overridesOf(teacher.card());
        boolean images = teacher != null && teacher.card() != null && teacher.card().shapeValue().isImage();
        wanted = new Reference(d.teacher(), overrides, d.from() == null ? TEACHER_PREVIEW_STEPS : d.from(),
                images ? PREVIEW_IMAGES : PREVIEW_POINTS);
        slot.queue(BackgroundTask.<Shown>of(Message.of("task.preview.reference"), m -> {
            reference(wanted);
            return null;
        }).onFailure(f -> log.accept(ctx.i18n.format("trainer.preview.failed", f.reason()))));
    }

    /** A teacher training starts: its stage is previewed against its own few-step DDIM. */
    void training() {
        wanted = null;
    }

    /** A stage wrote {@code r}: sample it (a newer stage replaces it if it has not started). */
    void stageWritten(RoundSummary r, boolean teacherTraining) {
        Reference ref = wanted;
        slot.queue(BackgroundTask.of(Message.of("task.preview", r.file().getFileName()), m -> preview(r, teacherTraining, ref))
                .onSuccess(s -> {
                    if (s != null) {
                        shown.set(s);
                    }
                })
                .onFailure(f -> log.accept(ctx.i18n.format("trainer.preview.failed.of", r.file().getFileName(),
                        f.reason()))));
    }

    private Shown preview(RoundSummary r, boolean teacherTraining, Reference ref) throws Exception {
        if (teacherTraining) {
            RoundPreview p = reference(new Reference(r.file(), CardOverrides.NONE, TEACHER_PREVIEW_STEPS,
                    PREVIEW_POINTS));
            synchronized (this) {
                RoundPreview.View few = p.of(r.file(), FEW_STEPS);
                return new Shown(new RoundPreview.View(few.reference(), few.reference(), few.teacherDdim()),
                        Message.of("trainer.preview.new_teacher"));
            }
        }
        if (ref == null) {
            return null;
        }
        synchronized (this) {
            RoundPreview p = reference(ref);
            int steps = r.steps() != null ? r.steps() : p.reference().steps();
            Message what = r.steps() == null ? Message.of("trainer.preview.copy")
                    : Message.of("trainer.preview.stage", r.round() + 1, r.rounds(), r.steps());
            return new Shown(p.of(r.file(), steps), what);
        }
    }

    /** The reference for {@code ref}, opened (and its samples drawn) when it changed. */
    private synchronized RoundPreview reference(Reference ref) throws Exception {
        if (!ref.equals(openedFor)) {
            closeOpened();
            opened = RoundPreview.open(ref.teacher(), ref.overrides(), ref.steps(), 0, ref.count());
            openedFor = ref;
        }
        return opened;
    }

    private synchronized void closeOpened() {
        if (opened != null) {
            opened.close();
            opened = null;
            openedFor = null;
        }
    }

    /** Drops what is still to come and closes the teacher (after a preview being drawn). */
    @Override
    public void close() {
        slot.clear();
        closeOpened();
    }
}

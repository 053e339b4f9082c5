package org.pdviz.ui.phi;

import java.nio.file.Path;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.pdviz.app.export.Animation;
import org.pdviz.app.i18n.Message;
import org.pdviz.app.i18n.Texts;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.library.ModelLibrary;
import org.pdviz.app.phi.PhiData;
import org.pdviz.app.phi.PhiFrame;
import org.pdviz.app.phi.PhiGrid;
import org.pdviz.app.phi.PhiModelChoice;
import org.pdviz.app.phi.PhiModels;
import org.pdviz.app.phi.PhiPoint;
import org.pdviz.app.phi.PhiPredictions;
import org.pdviz.app.phi.PhiSession;
import org.pdviz.app.phi.RotationPath;
import org.pdviz.app.phi.SamplePanel;
import org.pdviz.ui.Localizer;
import org.pdviz.ui.SaidText;
import org.pdviz.ui.task.BackgroundTask;
import org.pdviz.ui.task.TaskSlot;
import org.pdviz.ui.task.UiExecutor;

/**
 * The v-trajectory view as a model (no layout; the panes of {@link PhiView} bind to it, and tests
 * drive it without a window): the pair of models and the seed, the angle phi, the sample and the
 * coordinate followed, whose predictions are shown, and the commands (load, pick, scrub, export).
 * Loading samples both runs off the UI thread; predictions are computed in the background and
 * cached per slider position, so scrubbing back is instant and the slider never waits. Every change
 * of the picture bumps {@link #revisionProperty}, which the panes repaint on.
 */
public final class PhiModel implements AutoCloseable {

    /** Samples followed at once: the images shown in the strip, or the points of the scatter. */
    static final int IMAGE_COUNT = 8, POINT_COUNT = 512;
    /** Frames of an exported scrub. */
    static final int EXPORT_FRAMES = 49;
    /** Seconds of a scrub from noise to data. */
    static final double SCRUB_SECONDS = 6;

    /** What the export menu writes. */
    public enum Export { PHI, TEACHER_SAMPLING, STUDENT_SAMPLING }

    /** The models opened and both runs sampled from one seed: what a load delivers. */
    record Loaded(PhiModelChoice choice, PhiModels models, PhiData data) {
    }

    // the choice of models and noise
    final ObservableList<ModelEntry> teachers;
    final ObservableList<ModelEntry> students;
    final ObjectProperty<ModelEntry> teacher = new SimpleObjectProperty<>();
    /** A distilled student, or null: the teacher itself with {@link #studentSteps} (plain DDIM). */
    final ObjectProperty<ModelEntry> student = new SimpleObjectProperty<>();
    final ObjectProperty<Integer> studentSteps = new SimpleObjectProperty<>(PhiModelChoice.STUDENT_STEPS);
    final ObjectProperty<Integer> seed = new SimpleObjectProperty<>(0);
    /** Whose predictions are shown. */
    final ObjectProperty<PhiSession.Source> source = new SimpleObjectProperty<>(PhiSession.Source.TEACHER);
    /** The angle phi (radians) on the slider. */
    final DoubleProperty phi = new SimpleDoubleProperty(Math.PI / 4);

    private final ReadOnlyDoubleWrapper phiMin = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyDoubleWrapper phiMax = new ReadOnlyDoubleWrapper(Math.PI / 2);
    private final ReadOnlyStringWrapper studentLabel = new ReadOnlyStringWrapper();
    private final javafx.beans.property.BooleanProperty distilled = new javafx.beans.property.SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final SaidText status;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();

    private final UiExecutor executor;
    private final Localizer i18n;
    private final TaskSlot<Loaded> loading;
    private final TaskSlot<PhiPredictions> predicting;
    private Timeline scrub;
    private PhiModels models;
    private PhiModelChoice modelsChoice;
    private PhiSession session;
    private PhiGrid grid;
    private int index = -1, sample, coordinate;
    private PhiPredictions lastPredictions;
    private PhiPoint current;
    private RotationPath teacherPath, studentPath;

    /**
     * A model of {@code choice} (null: none in the library); its background work runs on {@code executor},
     * its words are in {@code i18n}'s language (the window's).
     */
    public PhiModel(ModelLibrary library, PhiModelChoice choice, UiExecutor executor, Localizer i18n) {
        this.executor = executor;
        this.i18n = i18n;
        studentLabel.bind(i18n.text(x -> x.get(distilled.get() ? "phi.source.student" : "phi.source.few_step"), distilled));
        this.status = new SaidText(i18n);
        this.loading = executor.slot();
        this.predicting = executor.slot();
        teachers = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(library.entries()
                .stream().filter(e -> e.card() != null && !e.isStudent()).toList()));
        ObservableList<ModelEntry> st = FXCollections.observableArrayList();
        st.add(null);
        st.addAll(library.entries().stream().filter(ModelEntry::isStudent).toList());
        students = FXCollections.unmodifiableObservableList(st);
        loading.statusProperty().addListener((o, a, b) -> status.set(b));
        if (choice == null) {
            status.set(Message.of("phi.no_model"));
        } else {
            teacher.set(choice.teacher());
            student.set(choice.distilled() ? choice.student() : null);
            studentSteps.set(choice.studentSteps());
        }
        teacher.addListener((o, a, b) -> reloadFromChoice());
        student.addListener((o, a, b) -> {
            if (b != null) {
                studentSteps.set(b.steps());
            }
            reloadFromChoice();
        });
        studentSteps.addListener((o, a, b) -> reloadFromChoice());
        seed.addListener((o, a, b) -> reloadFromChoice());
        source.addListener((o, a, b) -> {
            lastPredictions = null;
            index = -1;
            update();
        });
        phi.addListener((o, a, b) -> update());
        if (choice != null) {
            reload(choice);
        }
    }

    // ---- loading -------------------------------------------------------------------------------

    private void reloadFromChoice() {
        ModelEntry t = teacher.get();
        if (t == null) {
            return;
        }
        ModelEntry s = student.get();
        int steps = s != null && s.steps() != null ? s.steps() : studentSteps.get();
        reload(new PhiModelChoice(t, PhiModelChoice.TEACHER_STEPS, s == null ? t : s, steps));
    }

    /** Opens the models (when they changed) and samples both runs from the current seed, off the UI thread. */
    private void reload(PhiModelChoice choice) {
        ready.set(false);
        long noise = seed.get();
        PhiModels reuse = choice.equals(modelsChoice) ? models : null;
        follow(loading.progressProperty());
        loading.start(BackgroundTask.<Loaded>of(Message.of("task.phi.load", choice.teacher().name(), noise), task -> {
            Texts t = i18n.texts();
            task.message(t.format("phi.opening", choice.teacher().name()));
            PhiModels m = reuse != null ? reuse : PhiModels.open(choice);
            try {
                task.message(t.format("phi.sampling", m.teacherLabel(t), m.studentLabel(t), noise));
                int count = m.shape().isImage() ? IMAGE_COUNT : POINT_COUNT;
                return new Loaded(choice, m, PhiData.sample(m, noise, count, task));
            } catch (Exception | Error e) {
                if (m != reuse) {
                    m.close();
                }
                throw e;
            }
        }).onSuccess(l -> {
            working.set(false);
            install(l);
        }).onDiscarded(l -> {
            if (l.models() != models) {
                l.models().close(); // opened for a load that a newer one replaced
            }
        }).onFailure(f -> working.set(false)).onCancelled(() -> working.set(false)));
    }

    private void follow(ReadOnlyDoubleProperty p) { // the progress bar shows p until the work ends
        progress.unbind();
        progress.bind(p);
        working.set(true);
    }

    private void install(Loaded loaded) {
        PhiModels m = loaded.models();
        PhiData data = loaded.data();
        PhiSession old = session;
        if (old != null) {
            old.close();
        }
        if (models != null && models != m) {
            models.close();
        }
        models = m;
        modelsChoice = loaded.choice();
        grid = PhiGrid.of(m.schedule());
        session = new PhiSession(m, data, grid);
        boolean keep = old != null && old.samples().shape().equals(data.samples().shape())
                && sample < data.samples().count();
        if (!keep) {
            sample = data.xFromSameNoise() ? 0 : data.bestConditionedSample();
            coordinate = brightest(sample);
        }
        double value = phi.get();
        phiMin.set(grid.phiMin());
        phiMax.set(grid.phiMax());
        distilled.set(m.distilled());
        lastPredictions = null;
        paths();
        index = -1;
        phi.set(old == null ? grid.phi(grid.resolution() * 5 / 8) : Math.max(grid.phiMin(), Math.min(grid.phiMax(),
                value)));
        status.set(data.xFromSameNoise() ? Message.of("phi.status.same_noise", data.samples().seed())
                : Message.of("phi.status.points"));
        update();
        ready.set(true);
    }

    private int brightest(int s) {
        int dim = session.samples().dim(), best = 0;
        float[] x = session.samples().x();
        for (int j = 1; j < dim; j++) {
            if (x[s * dim + j] > x[s * dim + best]) {
                best = j;
            }
        }
        return session.samples().shape().isImage() ? best : 0;
    }

    private void paths() {
        teacherPath = session.teacherPath(sample);
        studentPath = session.studentPath(sample);
    }

    // ---- following the slider ------------------------------------------------------------------

    /** The picture for the slider's position: geometry at once, predictions when they are ready. */
    private void update() {
        if (session == null) {
            return;
        }
        int i = grid.indexOf(phi.get());
        boolean moved = i != index;
        index = i;
        PhiSession.Source src = source.get();
        current = session.point(i, sample, coordinate, src);
        PhiPredictions cached = session.cached(src, i);
        if (cached != null) {
            lastPredictions = cached;
        }
        revision.set(revision.get() + 1);
        if (cached == null && moved) {
            PhiSession asked = session;
            String t = String.format(Locale.ROOT, "%.3f", grid.level(i).t());
            Message what = src == PhiSession.Source.TEACHER ? Message.of("task.phi.evaluate.teacher", t)
                    : session.models().distilled() ? Message.of("task.phi.evaluate.student", t)
                    : Message.of("task.phi.evaluate.few_step", t);
            predicting.queue(BackgroundTask.of(what, m -> asked.predictNow(src, i))
                    .onSuccess(p -> {
                        if (asked == session && p.index() == index && source.get() == src) {
                            index = -1; // redraw with the predictions
                            update();
                        }
                    })
                    .onFailure(f -> {
                        if (asked == session) {
                            status.set(f.message());
                        }
                    }));
        }
    }

    // ---- picking -------------------------------------------------------------------------------

    /** A click at (x, y) on the panel of {@code q} sized w x h: follows the pixel or the nearest point there. */
    void pickAt(PhiFrame.Quantity q, double x, double y, double w, double h) {
        if (session == null) {
            return;
        }
        var set = session.samples();
        if (set.shape().isImage()) {
            int pixel = SamplePanel.pixelAt(x, y, w, h, set.shape());
            if (pixel >= 0) {
                pickPixel(pixel);
            }
            return;
        }
        float[] data = PhiFrame.values(q, set, q == PhiFrame.Quantity.Z ? null : lastPredictions, grid.level(index));
        if (data == null) {
            return;
        }
        double lim = PhiFrame.pointLimit(session);
        int s = SamplePanel.nearestPoint(x, y, w, h, data, set.count(), set.dim(), -lim, lim);
        if (s >= 0) {
            pickSample(s);
        }
    }

    /** A click at x on the strip of samples (w x h): follows that sample. */
    void pickFromStrip(double x, double w, double h) {
        if (session == null || !session.samples().shape().isImage()) {
            return;
        }
        int n = session.samples().count();
        int s = (int) (x / Math.min(w / n, h));
        if (s >= 0 && s < n) {
            pickSample(s);
        }
    }

    /** Follows another coordinate (for images, a pixel index within one channel). */
    public void pickPixel(int pixel) {
        if (pixel < 0 || pixel >= session.samples().dim()) {
            throw new IllegalArgumentException("pixel " + pixel + " outside 0.." + (session.samples().dim() - 1));
        }
        coordinate = pixel;
        index = -1;
        update();
    }

    /** Follows another sample. */
    public void pickSample(int s) {
        session.samples().checkSample(s);
        sample = s;
        paths();
        index = -1;
        update();
    }

    // ---- playing and exporting -----------------------------------------------------------------

    /** Scrubs phi from where it is down to data (as sampling runs), or pauses a scrub. */
    void togglePlay() {
        if (scrub == null) {
            scrub = new Timeline();
            scrub.setOnFinished(e -> playing.set(false));
        }
        if (playing.get()) {
            scrub.stop();
            playing.set(false);
            return;
        }
        if (session == null) {
            return;
        }
        if (phi.get() <= phiMin.get() + 1e-9) {
            phi.set(phiMax.get());
        }
        double seconds = SCRUB_SECONDS * (phi.get() - phiMin.get()) / (phiMax.get() - phiMin.get());
        scrub.getKeyFrames().setAll(new KeyFrame(Duration.seconds(Math.max(0.2, seconds)),
                new KeyValue(phi, phiMin.get())));
        playing.set(true);
        scrub.playFromStart();
    }

    /**
     * Writes an animation (PNG frames, and a GIF when asked) into a folder, off the UI thread; the
     * task's value is what was written, the status line says so (or why not).
     */
    public BackgroundTask<Animation.Written> export(Export what, Path dir, boolean gif) {
        return export(what, dir, gif, EXPORT_FRAMES);
    }

    /** As {@link #export(Export, Path, boolean)} with at most {@code frames} frames. */
    public BackgroundTask<Animation.Written> export(Export what, Path dir, boolean gif, int frames) {
        BackgroundTask<Animation.Written> task = PhiExports.task(session, sample, coordinate, source.get(), what, dir,
                gif, frames, i18n.texts());
        follow(task.progressProperty());
        status.set(Message.of("phi.exporting", dir));
        task.onSuccess(w -> {
            working.set(false);
            status.set(w.gif() == null ? Message.of("phi.wrote", w.frames().size(), dir)
                    : Message.of("phi.wrote.gif", w.frames().size(), dir, w.gif().getFileName()));
        }).onFailure(f -> {
            working.set(false);
            status.set(f.message());
        });
        return executor.execute(task);
    }

    // ---- state ---------------------------------------------------------------------------------

    /** True once both sampling runs are done and the picture shows them. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** Bumped at every change of the picture (the panes repaint). */
    ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty phiMinProperty() {
        return phiMin.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty phiMaxProperty() {
        return phiMax.getReadOnlyProperty();
    }

    /** The window's language (the panes bind their words to it). */
    Localizer i18n() {
        return i18n;
    }

    /** "student" for a distilled student, "few-step" for the teacher's own plain DDIM, in the window's language. */
    ReadOnlyStringProperty studentLabelProperty() {
        return studentLabel.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** What the view is doing or did last: loading, the pair shown, an export, a failure in the task's words. */
    public ReadOnlyStringProperty statusProperty() {
        return status.textProperty();
    }

    /** The loading's or the export's progress, while {@link #workingProperty} holds. */
    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** The picture now shown (geometry and, when computed, predictions); null before the first load. */
    public PhiPoint current() {
        return current;
    }

    /** The slider's grid position. */
    public int index() {
        return index;
    }

    public int sample() {
        return sample;
    }

    public int coordinate() {
        return coordinate;
    }

    public PhiSession session() {
        return session;
    }

    PhiGrid grid() {
        return grid;
    }
    /** The newest predictions at hand (at this position, else the last shown), or null. */
    PhiPredictions lastPredictions() {
        return lastPredictions;
    }

    RotationPath teacherPath() {
        return teacherPath;
    }

    RotationPath studentPath() {
        return studentPath;
    }

    /** Stops the background work and closes the models. */
    @Override
    public void close() {
        if (scrub != null) {
            scrub.stop();
        }
        loading.clear();
        predicting.clear();
        if (session != null) {
            session.close();
        }
        if (models != null) {
            models.close();
        }
    }
}

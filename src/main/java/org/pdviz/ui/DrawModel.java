package org.pdviz.ui;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.pdviz.app.i18n.LocalizedException;
import org.pdviz.app.i18n.Message;
import org.pdviz.app.i18n.Texts;
import org.pdviz.app.jobs.Progress;
import org.pdviz.app.jobs.Runs;
import org.pdviz.app.live.LiveListener;
import org.pdviz.app.live.LiveService;
import org.pdviz.app.live.LiveSettings;
import org.pdviz.app.live.PointsTeacher;
import org.pdviz.app.live.TextPoints;
import org.pdviz.core.data.DataTable;
import org.pdviz.core.data.Normalization;
import org.pdviz.core.data.PointSets;
import org.pdviz.core.data.read.DataReaders;
import org.pdviz.core.model.DataRange;
import org.pdviz.ui.task.BackgroundTask;

/**
 * The trainer panel's Draw source as a model (no layout; {@link DrawPane} binds to it, tests drive
 * it): 2-D points over the data range [-1, 1] that a brush paints and erases, or that come from a
 * file, a word's glyphs or a preset; then one live run ({@link LiveService}: an exact teacher from the
 * points, a fresh mlp distilled down to {@link #STUDENT_STEPS} steps) on the window's executor. Each
 * finished round arrives with its model's few-step samples and joins the library at once; the
 * finished run opens the comparison on its student.
 */
final class DrawModel {

    /** The data range the canvas covers; the view shows a margin around it. */
    static final DataRange RANGE = DataRange.SYMMETRIC_UNIT;
    /** The canvas holds at most this many points (a file or a preset beyond is thinned evenly). */
    static final int MAX_POINTS = 4000;
    /** Points of a word or a preset. */
    static final int PRESET_POINTS = 1500;
    /** A teacher needs at least this many points to be worth distilling. */
    static final int MIN_POINTS = 20;
    static final int STUDENT_STEPS = 4;
    /** Samples of each round's preview. */
    static final int PREVIEW_POINTS = 400;

    enum Tool { PAINT, ERASE }

    final AppContext ctx;
    /** Brush radius in data units. */
    final DoubleProperty brushRadius = new SimpleDoubleProperty(0.08);
    /** Points one dab of the brush adds. */
    final IntegerProperty density = new SimpleIntegerProperty(6);
    final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(Tool.PAINT);
    /**
     * How the run distils: the classroom defaults on the trainer panel's threads (half the cores: the
     * window keeps one, and PyTorch's spinning threads on a busy machine can run 5-20x slower); tests
     * make it tiny.
     */
    LiveSettings settings = LiveSettings.classroom().withPreviews(PREVIEW_POINTS)
            .with("threads", Integer.toString(TrainerSettings.defaultThreads()));
    long seed = 0;

    private final BiConsumer<Path, PdvizApp.View> open;
    private final Random rng = new Random(1);
    private float[] points = new float[2 * 256];
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(0);
    /** Changes whenever the points do (views redraw on it). */
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper(0);
    private String name = "drawing";
    private double lastX = Double.NaN;
    private double lastY = Double.NaN;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final SaidText status;
    private final SaidText outcome;
    private final ObservableList<LiveService.Round> rounds = FXCollections.observableArrayList();
    private final ObservableList<LiveService.Round> roundsView = FXCollections.unmodifiableObservableList(rounds);
    private final ReadOnlyObjectWrapper<LiveService.Result> result = new ReadOnlyObjectWrapper<>();
    private BackgroundTask<LiveService.Result> task;

    /** @param open opens a model file in a view (the comparison, the player), adding it to the library first */
    DrawModel(AppContext ctx, BiConsumer<Path, PdvizApp.View> open) {
        this.ctx = ctx;
        this.open = open;
        this.status = new SaidText(ctx.i18n, Message.of("draw.status.idle"));
        this.outcome = new SaidText(ctx.i18n);
    }

    // ---- the points ----------------------------------------------------------------------------------

    /** A stroke starts at data point (x, y): one dab there. */
    void strokeStart(double x, double y) {
        lastX = x;
        lastY = y;
        dab(x, y);
        changed();
    }

    /** The stroke moves to (x, y): dabs every half radius along the way, so density does not depend on the hand's speed. */
    void strokeTo(double x, double y) {
        if (Double.isNaN(lastX)) {
            strokeStart(x, y);
            return;
        }
        double spacing = brushRadius.get() / 2, dist = Math.hypot(x - lastX, y - lastY);
        if (dist < spacing) {
            return;
        }
        int n = (int) (dist / spacing);
        double x0 = lastX, y0 = lastY, ux = (x - x0) / dist, uy = (y - y0) / dist;
        for (int i = 1; i <= n; i++) {
            lastX = x0 + ux * spacing * i;
            lastY = y0 + uy * spacing * i;
            dab(lastX, lastY);
        }
        changed();
    }

    void strokeEnd() {
        lastX = Double.NaN;
        lastY = Double.NaN;
    }

    private void dab(double x, double y) {
        double r = brushRadius.get();
        if (tool.get() == Tool.ERASE) {
            int kept = 0, n = count.get();
            for (int i = 0; i < n; i++) {
                if (Math.hypot(points[2 * i] - x, points[2 * i + 1] - y) > r) {
                    points[2 * kept] = points[2 * i];
                    points[2 * kept + 1] = points[2 * i + 1];
                    kept++;
                }
            }
            count.set(kept);
            return;
        }
        for (int k = 0; k < density.get() && count.get() < MAX_POINTS; k++) {
            // uniform in the disc: the radius goes as the square root of a uniform number
            double a = 2 * Math.PI * rng.nextDouble(), d = r * Math.sqrt(rng.nextDouble());
            add(clamp(x + d * Math.cos(a)), clamp(y + d * Math.sin(a)));
        }
    }

    private void add(double x, double y) {
        int n = count.get();
        if (2 * n + 2 > points.length) {
            points = Arrays.copyOf(points, 2 * points.length);
        }
        points[2 * n] = (float) x;
        points[2 * n + 1] = (float) y;
        count.set(n + 1);
    }

    private static double clamp(double v) {
        return Math.max(RANGE.lo(), Math.min(RANGE.hi(), v));
    }

    void clear() {
        count.set(0);
        name = "drawing";
        changed();
    }

    /** Replaces the points (already in the data range) and names them. */
    void setPoints(String newName, float[] values) {
        points = Arrays.copyOf(values, Math.max(values.length, 2 * 256));
        count.set(values.length / 2);
        name = runName(newName);
        changed();
    }

    /** A built-in 2-D shape ({@link PointSets#names()}), seeded. */
    void preset(String shape) {
        float[] v = PointSets.byName(shape).sample(new Random(seed), PRESET_POINTS);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) clamp(v[i]);
        }
        setPoints(shape, v);
    }

    /** A word set in the font's glyphs, turned into points (off the UI thread: fonts load slowly the first time). */
    void word(String word) {
        if (word == null || word.isBlank()) {
            return;
        }
        ctx.tasks.execute(BackgroundTask.of(Message.of("task.draw.word", word.strip()),
                m -> TextPoints.of(word, PRESET_POINTS, seed))
                .onSuccess(t -> setPoints(word.strip(), t.values()))
                .onFailure(f -> ctx.error("dialog.draw.word", f.reason())));
    }

    /** A file of 2-D points (as {@code --data}), mapped into [-1, 1] with its aspect kept, thinned to {@link #MAX_POINTS}. */
    void load(Path file) {
        ctx.tasks.execute(BackgroundTask.of(Message.of("task.draw.load", file.getFileName()), m -> {
            DataTable t = DataReaders.read(file);
            if (!t.shape().isPoints() || t.shape().size() != 2) {
                throw new LocalizedException(Message.of("draw.load.not_2d", file.getFileName(), t.shape()));
            }
            DataTable few = PointsTeacher.subset(t, MAX_POINTS, seed);
            try {
                return Normalization.fit(few.values(), 2).apply(few.values());
            } catch (IllegalArgumentException e) {
                throw new LocalizedException(Message.of("draw.load.one_point", file.getFileName()), e);
            }
        }).onSuccess(v -> setPoints(file.getFileName().toString().replaceFirst("\\.[^.]*$", ""), v))
                .onFailure(f -> ctx.error("dialog.draw.load", f.reason())));
    }

    /** A name usable for the run's folder and the models' names. */
    static String runName(String s) {
        String n = s.strip().replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        return n.isEmpty() ? "drawing" : n.length() > 40 ? n.substring(0, 40) : n;
    }

    private void changed() {
        version.set(version.get() + 1);
    }

    /** The points now, as [x0, y0, x1, y1, ...] (a copy). */
    float[] points() {
        return Arrays.copyOf(points, 2 * count.get());
    }

    String name() {
        return name;
    }

    ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    // ---- the live run --------------------------------------------------------------------------------

    /** Runs the live pipeline on the points; refuses (dialog) with too few. */
    void run() {
        if (running.get()) {
            return;
        }
        if (count.get() < MIN_POINTS) {
            ctx.error("dialog.draw.cannot_run", ctx.i18n.format("draw.too_few", count.get(), MIN_POINTS));
            return;
        }
        Path out;
        try {
            out = Runs.newRun(ctx.runs.get(), name);
        } catch (IllegalArgumentException e) {
            ctx.error("dialog.draw.cannot_run", e.getMessage());
            return;
        }
        DataTable drawn = DataTable.points(name, 2, points());
        LiveSettings s = settings;
        long runSeed = seed;
        Texts t = ctx.i18n.texts();
        rounds.clear();
        result.set(null);
        outcome.set("");
        running.set(true);
        progress.unbind();
        task = BackgroundTask.of(Message.of("task.draw.run", name), m -> new LiveService().run(
                new LiveService.Request(null, drawn, false, STUDENT_STEPS, runSeed, out, s, "pdviz app (Draw)"),
                new Relay(m, t, out), m::cancelled));
        task.onSuccess(this::finished)
                .onCancelled(() -> ended(Message.of("draw.status.cancelled", rounds.size())))
                .onFailure(f -> {
                    ended(Message.of("draw.status.failed"));
                    ctx.error("dialog.draw.failed", f.reason());
                });
        progress.bind(task.progressProperty());
        ctx.tasks.execute(task);
        status.set(task.messageProperty().get());
        BackgroundTask<LiveService.Result> current = task;
        task.messageProperty().addListener((o, a, b) -> {
            if (current.state() == BackgroundTask.State.RUNNING) {
                status.set(b);
            }
        });
    }

    void cancel() {
        if (task != null) {
            task.cancel();
        }
    }

    private void ended(Message why) {
        progress.unbind();
        running.set(false);
        status.set(why);
        ctx.refreshModels();
    }

    private void finished(LiveService.Result r) {
        result.set(r);
        ended(Message.of("draw.status.done", TrainerText.duration(r.seconds())));
        var c = r.comparison();
        if (c != null) {
            outcome.set(Message.of(c.improvement() >= 1 ? "draw.outcome" : "draw.outcome.worse", STUDENT_STEPS, String.format("%.1f", c.improvement()),
                    c.referenceSteps(), String.format("%.4f", c.student()), String.format("%.4f", c.teacherDdim()),
                    r.points()));
        }
        compare();
    }

    /** Opens the comparison on the run's student: teacher at 512 steps | student | the teacher's own few-step DDIM. */
    void compare() {
        if (result.get() != null && result.get().student() != null) {
            open.accept(result.get().student(), PdvizApp.View.COMPARE);
        }
    }

    /** Opens the run's student in the player, to animate its steps. */
    void play() {
        if (result.get() != null && result.get().student() != null) {
            open.accept(result.get().student(), PdvizApp.View.PLAYER);
        }
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    SaidText status() {
        return status;
    }

    /** The closing comparison in words, once done. */
    SaidText outcome() {
        return outcome;
    }

    /** The finished rounds of the current run, with their previews, in order. */
    ObservableList<LiveService.Round> rounds() {
        return roundsView;
    }

    ReadOnlyObjectProperty<LiveService.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /**
     * The run's events, on its thread: what it does as the task's message and progress (the task hands
     * them to the UI thread a few at a time); the teacher and each round join the library as they are
     * written, and rounds reach the view at once.
     */
    private final class Relay implements LiveListener {
        private final BackgroundTask.Monitor m;
        private final Texts t;
        private final Path out;

        Relay(BackgroundTask.Monitor m, Texts t, Path out) {
            this.m = m;
            this.t = t;
            this.out = out;
        }

        @Override
        public void stageStarted(String stage) {
            m.message(switch (stage) {
                case "data" -> t.get("draw.stage.data");
                case "teacher" -> t.get("draw.stage.teacher");
                case "distill" -> t.get("draw.stage.distill");
                default -> t.get("draw.stage.evaluate");
            });
        }

        @Override
        public void stageFinished(String stage, double seconds) {
            if (stage.equals("teacher")) {
                join(out.resolve(LiveService.TEACHER_FILE));
            }
        }

        @Override
        public void progress(Progress p) {
            m.progress(p.round() + (double) p.iteration() / p.iterations(), p.rounds());
            Message what = p.studentSteps() == null ? Message.of("draw.progress.copy")
                    : Message.of("draw.progress.halving", 2 * p.studentSteps(), p.studentSteps());
            m.message(t.format("draw.progress", p.round() + 1, p.rounds(), what, TrainerText.compact(p.loss()),
                    TrainerText.duration(p.etaSeconds())));
        }

        @Override
        public void roundFinished(LiveService.Round r) {
            join(r.file());
            Platform.runLater(() -> {
                if (running.get()) {
                    rounds.add(r);
                }
            });
        }

        private void join(Path file) {
            try {
                ctx.library.add(file);
                Platform.runLater(ctx::refreshModels);
            } catch (Exception e) {
                m.message(t.format("trainer.join.failed", file, e.getMessage()));
            }
        }
    }
}

package org.pdviz.ui.lesson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import javafx.scene.Node;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.pdviz.app.PdvizHome;
import org.pdviz.app.draw.Painter;
import org.pdviz.app.draw.Palette;
import org.pdviz.app.i18n.LocalizedException;
import org.pdviz.app.i18n.Message;
import org.pdviz.app.lesson.LessonFigures;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.library.ModelLibrary;
import org.pdviz.app.phi.PhiModelChoice;
import org.pdviz.core.data.Mnist;
import org.pdviz.core.ddim.DdimSampler;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.ddim.SamplingMonitor;
import org.pdviz.core.ddim.StartNoise;
import org.pdviz.core.ddim.Trajectory;
import org.pdviz.core.model.Denoiser;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.core.schedule.Schedule;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.ui.Localizer;
import org.pdviz.ui.phi.CanvasPane;
import org.pdviz.ui.phi.FxPainter;
import org.pdviz.ui.phi.PhiView;
import org.pdviz.ui.task.BackgroundTask;
import org.pdviz.ui.task.UiExecutor;

/**
 * The live view of each lesson step, built the first time the step is shown. Whatever needs a
 * model or sampling is computed on the window's executor; the slide shows "computing" meanwhile.
 */
final class LiveViews implements AutoCloseable {

    /** The MNIST digit the lesson noises (index 0: a held-out zero). */
    static final int DIGIT = 0;
    static final long SEED = 0;

    private final PdvizHome home;
    private final ModelLibrary library;
    private final Optional<PhiModelChoice> choice;
    private final Map<String, Node> built = new HashMap<>();
    private final UiExecutor executor;
    private final Localizer i18n;
    /** Every canvas built, repainted in the new language when it changes. */
    private final List<CanvasPane> canvases = new ArrayList<>();
    private Models models;
    private PhiView phi;

    /** The models the figures use, opened once. */
    private record Models(PhiModelChoice choice, OnnxDenoiser teacher, OnnxDenoiser student, OnnxDenoiser exact)
            implements AutoCloseable {
        @Override
        public void close() {
            teacher.close();
            if (student != teacher) {
                student.close();
            }
            if (exact != teacher) {
                exact.close();
            }
        }
    }

    LiveViews(PdvizHome home, UiExecutor executor, Localizer i18n) {
        this.home = home;
        this.executor = executor;
        this.i18n = i18n;
        i18n.onChange(() -> canvases.forEach(CanvasPane::repaint));
        this.library = ModelLibrary.scan(home.models());
        // the lesson is told with digits: an image teacher, else the exact MNIST class-means teacher
        this.choice = PhiModelChoice.choose(library).filter(c -> isImage(c.teacher()))
                .or(() -> library.entries().stream()
                        .filter(e -> e.file().getFileName().toString().equals(PhiModelChoice.FALLBACK_FILE)).findFirst()
                        .map(t -> PhiModelChoice.plainDdim(t, PhiModelChoice.STUDENT_STEPS)));
    }

    private static boolean isImage(ModelEntry e) {
        return e.card() != null && e.card().dataShape() != null && e.card().dataShape().length == 3;
    }

    /** The view for a step's live id (the same node every time). */
    Node view(String id) {
        return built.computeIfAbsent(id, this::build);
    }

    private Node build(String id) {
        CosineSchedule s = CosineSchedule.CLIPPED;
        return switch (id) {
            case "halving" -> canvas(p -> LessonFigures.halving(p, i18n.texts(), PhiModelChoice.TEACHER_STEPS));
            case "schedule" -> column(canvas(p -> LessonFigures.scheduleAlphaSigma(p, i18n.texts(), s)),
                    canvas(p -> LessonFigures.scheduleLogSnr(p, i18n.texts(), s)));
            case "zt" -> computed(() -> {
                float[] x = digit();
                float[] eps = StartNoise.batch(SEED, 0, 1, x.length);
                return LessonFigures.NoisyRow.of(x, eps, Mnist.SHAPE, s, 0, 0.2, 0.4, 0.6, 0.8, 1.0);
            }, LessonFigures::noisyRow);
            case "param" -> column(computed(() -> {
                Models m = models();
                float[] x = digit();
                float[] eps = StartNoise.batch(SEED, 0, 1, x.length);
                float[] error = StartNoise.batch(SEED + 1, 0, 1, x.length);
                return LessonFigures.ParamDemo.compute(m.exact(), s, x, eps, error, 0.05, 0.5, 0.9, 0.99, 1.0);
            }, (p, d) -> LessonFigures.paramGrid(p, i18n.texts(), d)),
                    canvas(p -> LessonFigures.amplification(p, i18n.texts(), s)));
            case "phi" -> phiView();
            case "fewsteps" -> computed(() -> {
                Models m = models();
                return LessonFigures.StepsDemo.compute(m.teacher(), m.choice().teacher().name(), schedule(m), SEED, 16,
                        SamplingMonitor.NONE, 512, 16, 4, 1);
            }, (p, d) -> LessonFigures.stepsGrids(p, i18n.texts(), d, steps(d.steps()),
                    new int[] {Palette.TEACHER, Palette.AXIS, Palette.STUDENT, Palette.V}));
            case "target" -> computed(() -> {
                Models m = models();
                float[] x = digit();
                float[] eps = StartNoise.batch(SEED, 0, 1, x.length);
                return LessonFigures.TargetDemo.compute(m.teacher(), schedule(m), x, eps, 3, 4);
            }, (p, d) -> LessonFigures.target(p, i18n.texts(), d));
            case "weights" -> canvas(p -> LessonFigures.weights(p, i18n.texts(), s));
            case "result" -> computed(this::result, (p, d) -> LessonFigures.stepsGrids(p, i18n.texts(), d.demo(),
                    d.titles(i18n.texts()), new int[] {Palette.TEACHER, Palette.STUDENT}));
            default -> throw new IllegalArgumentException("unknown live view '" + id + "'");
        };
    }

    /** "512 steps", "16 steps", ... in the current language. */
    private String[] steps(int[] counts) {
        String[] out = new String[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = i18n.texts().steps(counts[i]);
        }
        return out;
    }

    private record Result(LessonFigures.StepsDemo demo, boolean distilled) {
        String[] titles(org.pdviz.app.i18n.Texts t) {
            int[] steps = demo.steps();
            return new String[] {t.format("lesson.result.teacher", t.steps(steps[0])),
                t.format(distilled ? "lesson.result.student" : "lesson.result.plain", t.steps(steps[1]))};
        }
    }

    /** Teacher with 512 steps against the distilled student (or, without one, plain DDIM with 4). */
    private Result result() throws Exception {
        Models m = models();
        PhiModelChoice c = m.choice();
        DdimSampler sampler = new DdimSampler(schedule(m));
        sampler.warmUp(m.teacher(), 16, 3); // times of warmed sessions, as in the comparison
        sampler.warmUp(m.student(), 16, 3);
        Trajectory t = sampler.sample(c.teacher().name(), m.teacher(), new SamplerSettings(c.teacherSteps(), SEED, 16,
                null, SamplerSettings.Recording.FINAL), SamplingMonitor.NONE);
        Trajectory st = sampler.sample(c.student().name(), m.student(), new SamplerSettings(c.studentSteps(), SEED, 16,
                null, SamplerSettings.Recording.FINAL), SamplingMonitor.NONE);
        return new Result(new LessonFigures.StepsDemo(m.teacher().shape(), 16, new int[] {c.teacherSteps(),
            c.studentSteps()}, java.util.List.of(t.finalSample(), st.finalSample()), new long[] {t.nanos(), st.nanos()}),
                c.distilled());
    }

    private Node phiView() {
        if (choice.isEmpty()) {
            return message("lesson.no_model");
        }
        phi = new PhiView(library, choice.get(), executor, i18n);
        phi.setCompact(true);
        return phi.root();
    }

    private static Schedule schedule(Models m) {
        return m.teacher().card().scheduleValue();
    }

    private float[] digit() throws IOException {
        Mnist mnist = Mnist.load(home.mnist());
        float[] x = new float[Mnist.SHAPE.size()];
        mnist.image(DIGIT, x, 0);
        return x;
    }

    /** The models, opened by the first figure that needs them (on the executor). */
    private synchronized Models models() throws Exception {
        if (models == null) {
            PhiModelChoice c = choice.orElseThrow(() -> new LocalizedException(Message.of("lesson.no_model")));
            OnnxDenoiser teacher = OnnxDenoiser.open(c.teacher().file());
            OnnxDenoiser student = teacher;
            try {
                student = c.distilled() ? OnnxDenoiser.open(c.student().file()) : teacher;
                OnnxDenoiser exact = teacher.parameterization() == Parameterization.X && isExact(c.teacher())
                        ? teacher : OnnxDenoiser.open(exactFile());
                models = new Models(c, teacher, student, exact);
            } catch (Exception | Error e) {
                if (student != teacher) {
                    student.close();
                }
                teacher.close();
                throw e;
            }
        }
        return models;
    }

    private static boolean isExact(ModelEntry e) {
        return e.card() != null && e.card().family() != null && "exact-gaussian-mixture".equals(e.card().family().name());
    }

    private Path exactFile() {
        return home.models().resolve("exact").resolve(PhiModelChoice.FALLBACK_FILE);
    }

    // ---- building blocks -----------------------------------------------------------------------

    private CanvasPane canvas(java.util.function.Consumer<FxPainter> painter) {
        CanvasPane pane = new CanvasPane(640, 480);
        pane.painter(painter);
        canvases.add(pane);
        return pane;
    }

    private static Node column(Node... nodes) {
        VBox box = new VBox(8, nodes);
        for (Node n : nodes) {
            VBox.setVgrow(n, Priority.ALWAYS);
        }
        return box;
    }

    /** A canvas with one line, the text for {@code key} in the current language. */
    private CanvasPane message(String key) {
        return canvas(p -> {
            p.clear(Palette.BACKGROUND);
            p.font(Math.max(14, p.height() * 0.04), false, true);
            p.color(Palette.MUTED);
            p.text(i18n.get(key), p.width() / 2, p.height() / 2, Painter.Anchor.CENTER);
        });
    }

    /** A canvas that shows "computing" until the value is ready, then paints it. */
    private <T> CanvasPane computed(Callable<T> compute, BiConsumer<FxPainter, T> paint) {
        CanvasPane pane = message("lesson.computing");
        pane.setId("computing");
        executor.execute(BackgroundTask.of(Message.of("task.lesson.figure"), m -> compute.call())
                .onSuccess(value -> {
                    pane.setId("computed");
                    pane.painter(p -> paint.accept(p, value));
                })
                .onFailure(f -> {
                    pane.setId("failed");
                    pane.painter(p -> {
                        p.clear(Palette.BACKGROUND);
                        p.font(16, false, true);
                        p.color(Palette.V);
                        p.text(f.message(), 12, p.height() / 2, Painter.Anchor.LEFT);
                    });
                }));
        return pane;
    }

    @Override
    public void close() {
        if (phi != null) {
            phi.close();
        }
        synchronized (this) {
            if (models != null) {
                models.close();
                models = null;
            }
        }
    }
}

package org.pdviz.app.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.pdviz.app.PdvizHome;
import org.pdviz.app.eval.DistillComparison;
import org.pdviz.app.jobs.MeteredMonitor;
import org.pdviz.core.data.DataTable;
import org.pdviz.core.data.PointSets;
import org.pdviz.core.ddim.DdimSampler;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.ddim.SamplingMonitor;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.param.Parameterization;
import org.pdviz.runtime.AtomicFiles;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.card.CardOverrides;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.train.Checkpointer;
import org.pdviz.train.DistillConfig;
import org.pdviz.train.Distillation;
import org.pdviz.train.RoundResult;
import org.pdviz.train.data.TrainingData;
import org.pdviz.train.djl.Torch;
import org.pdviz.train.family.Families;
import org.pdviz.train.family.Family;

/**
 * Live distillation in class ({@code pdviz live}, and the trainer panel's Draw source): a set of
 * points (a file, a preset, or points drawn in memory) becomes an exact teacher in a second (one
 * Gaussian per point, {@link PointsTeacher}); a fresh {@code mlp} first learns to copy it, then
 * progressive distillation halves its steps down to {@code to}; finally, from the same noise, the
 * student's samples and the teacher's own few-step DDIM are compared with the teacher's
 * many-step samples. Writes {@code DIR/teacher.onnx}, {@code DIR/teacher-copy.onnx},
 * {@code DIR/student-<n>.onnx} (as {@code pdviz distill} does) and {@code DIR/live.json}.
 * Reports every stage and round to a {@link LiveListener}; stops between iterations when cancelled.
 */
public final class LiveService {

    public static final String TEACHER_FILE = "teacher.onnx";
    public static final String SUMMARY_FILE = "live.json";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * What to run. Exactly one of {@code data} (a file, a built-in shape such as {@code rings}, or
     * {@code text:WORD}) and {@code points} (points in memory, e.g. drawn, already in the data range).
     *
     * @param normalize map a file's or the given points into [-1, 1] first (presets are in range already)
     */
    public record Request(String data, DataTable points, boolean normalize, int to, long seed, Path out,
                          LiveSettings settings, String command) {
        public Request {
            if ((data == null) == (points == null)) {
                throw new IllegalArgumentException("give the data as a file or preset, or as points, not both");
            }
            if (to < 1 || settings.from() <= to || settings.from() % to != 0
                    || Integer.bitCount(settings.from() / to) != 1) {
                throw new IllegalArgumentException("--to " + to + ": the live run starts from " + settings.from()
                        + " steps and halves them, so --to must be a power of two below that");
            }
            if (out == null) {
                throw new IllegalArgumentException("--out DIR is required");
            }
        }
    }

    /** A finished distillation stage: the copy (steps null) or a round's student, with its preview samples. */
    public record Round(int stage, int stages, Integer steps, Path file, long iterations, double finalLoss,
                        double seconds, int previewSteps, float[] preview, DataShape shape) {
    }

    /** Wall time of one stage. */
    public record Timing(String stage, double seconds) {
    }

    /**
     * What a run did. {@code comparison} is null when cancelled or when the comparison is off.
     *
     * @param points the teacher's components; {@code std} their std
     */
    public record Result(Path teacher, List<Round> rounds, List<Timing> timings, DistillComparison.Comparison comparison,
                         boolean cancelled, double seconds, String dataset, int points, double std,
                         LiveSettings settings) {
        public Path student() {
            return rounds.isEmpty() ? null : rounds.get(rounds.size() - 1).file();
        }
    }

    public Result run(Request r, LiveListener listener, BooleanSupplier cancelled) throws Exception {
        long started = System.nanoTime();
        LiveSettings s = r.settings();
        List<Timing> timings = new ArrayList<>();
        Path out = r.out().toAbsolutePath().normalize();
        checkFresh(out);

        long t = stage(listener, "data");
        TrainingData.Source data = data(r);
        if (!data.dataset().shape().isPoints()) {
            throw new IllegalArgumentException(data.name() + ": live distillation is for points; these are images of"
                    + " shape " + data.dataset().shape());
        }
        timings.add(finish(listener, "data", t));

        t = stage(listener, "teacher");
        Path teacherFile = out.resolve(TEACHER_FILE);
        Files.createDirectories(out);
        PointsTeacher.Result teacher = PointsTeacher.write(new PointsTeacher.Request(data, s.std(), s.maxPoints(),
                r.seed(), "exact-" + stem(data.name()), teacherFile, r.command()));
        listener.message(String.format(java.util.Locale.ROOT, "exact teacher: %,d points of %s, std %.4g (%s)",
                teacher.mixture().components(), data.name(), teacher.std(),
                teacher.stdFromRule() ? "bandwidth rule" : "given"));
        timings.add(finish(listener, "teacher", t));

        t = stage(listener, "distill");
        Torch.threads(s.threads() > 0 ? s.threads() : Torch.defaultThreads());
        Device device = Torch.device(Device.CPU, listener::message);
        Family mlp = Families.build("mlp", data.dataset().shape(), 1, Map.of("width", Integer.toString(s.width()),
                "depth", Integer.toString(s.depth())));
        // the student learns from the teacher's own points
        TrainingData.Source points = new TrainingData.Source(
                PointsTeacher.subset(data.table(), s.maxPoints(), r.seed()), data.name(), data.origin());
        DistillConfig config = DistillConfig.builder(teacherFile, r.to(), s.iterationsPerRound(), s.batch(), s.lr(), out)
                .student(mlp, Parameterization.V).from(s.from()).data(null, points, null)
                .optimiser(Weighting.SNR_PLUS_ONE, 1.0, r.seed())
                .stages(s.copyIterations(), s.copyLr(), s.firstRoundIterations())
                .context(PdvizHome.locate().mnist(), r.command()).build();
        Distillation.Plan plan = Distillation.plan(config);
        List<Round> rounds = new ArrayList<>();
        Relay relay = new Relay(plan, listener, cancelled, rounds, s, r.to(), r.seed());
        Distillation.Result d = Distillation.run(config, device, Checkpointer.none(), relay);
        if (relay.failure != null) {
            throw relay.failure;
        }
        timings.add(finish(listener, "distill", t));

        DistillComparison.Comparison comparison = null;
        if (!d.cancelled() && s.evalCount() > 0) {
            t = stage(listener, "evaluate");
            comparison = DistillComparison.compare(teacherFile, CardOverrides.NONE,
                    Distillation.studentFile(out, r.to()), s.referenceSteps(), r.to(), s.evalCount(), r.seed());
            timings.add(finish(listener, "evaluate", t));
        }
        Result result = new Result(teacherFile, List.copyOf(rounds), List.copyOf(timings), comparison, d.cancelled(),
                (System.nanoTime() - started) / 1e9, data.name(), teacher.mixture().components(), teacher.std(), s);
        writeSummary(out.resolve(SUMMARY_FILE), result, r);
        return result;
    }

    /** The points to learn from: in memory, a preset's sample (a shape or a word), or a file. */
    static TrainingData.Source data(Request r) throws IOException {
        LiveSettings s = r.settings();
        if (r.points() != null) {
            return TrainingData.fromTable(r.points(), "points", r.normalize());
        }
        String spec = r.data();
        DataTable preset = null;
        String what = null;
        if (TextPoints.isText(spec)) {
            preset = TextPoints.of(spec.substring(TextPoints.PREFIX.length()), s.presetPoints(), r.seed());
            what = "the word '" + spec.substring(TextPoints.PREFIX.length()) + "'";
        } else if (PointSets.names().contains(spec) && !Files.exists(Path.of(spec))) {
            float[] v = PointSets.byName(spec).sample(new Random(r.seed()), s.presetPoints());
            preset = DataTable.points(spec, 2, v);
            what = "the built-in shape '" + spec + "'";
        }
        if (preset != null) {
            return new TrainingData.Source(preset, preset.name(), new ModelCard.DataOrigin("preset", null,
                    preset.sha256(), preset.count(), null, preset.count() + " points of " + what + ", seed " + r.seed()));
        }
        return TrainingData.resolve(spec, r.normalize(), PdvizHome.locate().mnist());
    }

    private static void checkFresh(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return;
        }
        try (Stream<Path> s = Files.list(out)) {
            if (s.anyMatch(p -> p.getFileName().toString().matches("student-\\d+\\.onnx|" + TEACHER_FILE))) {
                throw new IOException(out + " already holds a teacher or students; choose another --out or empty it");
            }
        }
    }

    private static String stem(String name) {
        String n = name.replaceFirst("\\.[A-Za-z0-9]+$", "").replaceAll("[^A-Za-z0-9_-]+", "-");
        return n.isEmpty() ? "points" : n;
    }

    private static long stage(LiveListener l, String name) {
        l.stageStarted(name);
        return System.nanoTime();
    }

    private static Timing finish(LiveListener l, String name, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        l.stageFinished(name, seconds);
        return new Timing(name, seconds);
    }

    private static void writeSummary(Path file, Result r, Request q) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", r.dataset());
        m.put("teacher", Map.of("file", r.teacher().getFileName().toString(), "points", r.points(), "std", r.std()));
        m.put("to", q.to());
        m.put("seed", q.seed());
        m.put("settings", r.settings().asMap());
        m.put("cancelled", r.cancelled());
        m.put("seconds", r.seconds());
        Map<String, Double> times = new LinkedHashMap<>();
        r.timings().forEach(x -> times.put(x.stage(), x.seconds()));
        m.put("stageSeconds", times);
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (Round x : r.rounds()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("stage", x.stage() + 1);
            e.put("steps", x.steps());
            e.put("file", x.file().getFileName().toString());
            e.put("iterations", x.iterations());
            e.put("finalLoss", x.finalLoss());
            e.put("seconds", x.seconds());
            rounds.add(e);
        }
        m.put("rounds", rounds);
        if (r.comparison() != null) {
            m.put("sameNoiseRmse", r.comparison());
            m.put("ratio", r.comparison().student() / r.comparison().teacherDdim());
        }
        m.put("command", q.command());
        AtomicFiles.writeString(file, JSON.writeValueAsString(m));
    }

    /** Distillation's monitor calls as live events: progress with rate and ETA, rounds with their previews. */
    private static final class Relay extends MeteredMonitor {
        private final LiveListener listener;
        private final List<Round> rounds;
        private final LiveSettings settings;
        private final int previewSteps;
        private final long seed;
        private Exception failure;

        Relay(Distillation.Plan plan, LiveListener listener, BooleanSupplier cancelled, List<Round> rounds,
              LiveSettings settings, int previewSteps, long seed) {
            super(listener::progress, listener::message, cancelled);
            plan(plan);
            this.listener = listener;
            this.rounds = rounds;
            this.settings = settings;
            this.previewSteps = previewSteps;
            this.seed = seed;
        }

        @Override
        protected void finished(RoundResult r) {
            float[] preview = null;
            DataShape shape = null;
            if (settings.previewCount() > 0) {
                try (OnnxDenoiser m = OnnxDenoiser.open(r.file())) {
                    shape = m.shape();
                    preview = new DdimSampler(m.card().scheduleValue()).sample(m.card().name(), m,
                            new SamplerSettings(previewSteps, seed, settings.previewCount(), null,
                                    SamplerSettings.Recording.FINAL), SamplingMonitor.NONE).finalSample();
                } catch (Exception e) {
                    failure = e;
                }
            }
            Round round = new Round(r.round(), r.rounds(), r.steps(), r.file(), r.iterations(), r.finalLoss(),
                    r.seconds(), previewSteps, preview, shape);
            rounds.add(round);
            listener.roundFinished(round);
        }

        @Override
        public boolean cancelled() {
            return failure != null || super.cancelled();
        }
    }
}

package org.pdviz.app.eval;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.pdviz.app.Capacity;
import org.pdviz.app.PdvizHome;
import org.pdviz.core.data.Mnist;
import org.pdviz.core.ddim.DdimSampler;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.ddim.Trajectory;
import org.pdviz.core.metrics.Bootstrap;
import org.pdviz.core.metrics.EnergyDistance;
import org.pdviz.core.metrics.Estimate;
import org.pdviz.core.metrics.FeatureMap;
import org.pdviz.core.metrics.KernelDistance;
import org.pdviz.core.metrics.RandomReluFeatures;
import org.pdviz.core.metrics.SameNoise;
import org.pdviz.core.metrics.SampleSet;
import org.pdviz.core.metrics.SlicedWasserstein;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.schedule.DiscreteSchedule;
import org.pdviz.core.schedule.GridOptions;
import org.pdviz.runtime.AtomicFiles;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.ModelFileException;
import org.pdviz.runtime.OutputFolder;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.card.CardJson;
import org.pdviz.runtime.card.CardOverrides;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.runtime.exact.ExactTeachers;
import org.pdviz.runtime.features.OnnxClassifier;

/**
 * The quality-against-steps evaluation ({@code pdviz eval}): samples the teacher with plain DDIM
 * at each requested step count and every distilled student at its own step count, all from the
 * same starting noise, scores each set against samples of the true distribution (or the teacher's
 * largest-step samples when the distribution is unknown) and against the teacher's largest-step
 * samples from the same noise, and writes {@code report.json} and {@code report.png}.
 */
public final class EvalService {

    public static final String JSON = "report.json";
    public static final String PNG = "report.png";
    /** Where {@code --features auto} looks for the project's trained MNIST classifier. */
    public static final Path CLASSIFIER = Path.of("classifier", "mnist-classifier.onnx");

    public enum Clip { AUTO, ON, OFF }

    /**
     * What to evaluate. {@code students} may be null (teacher only). {@code features}: "auto" (the
     * trained classifier under models/classifier/ when present, else the fixed random-ReLU map),
     * "random-relu", or an ONNX classifier file. {@code exact}: "auto" (an exact teacher under
     * models/exact/ for the same data set), "none", or a file. {@code data}: a data file to measure
     * against instead of the data set the teacher's card names (null: the card's); its points get
     * the normalisation the card records.
     */
    public record Request(Path teacher, Path students, List<Integer> steps, int samples, long seed, Path out,
                          String features, Clip clip, int bootstrap, String exact, Device device, String command,
                          Path data, CardOverrides teacherCard, GridOptions grid,
                          SamplerSettings.ClipStyle clipStyle) {
        public Request {
            steps = List.copyOf(steps);
            teacherCard = teacherCard == null ? CardOverrides.NONE : teacherCard;
            grid = grid == null ? GridOptions.DEFAULT : grid;
            clipStyle = clipStyle == null ? SamplerSettings.ClipStyle.OFFICIAL : clipStyle;
        }

        public Request(Path teacher, Path students, List<Integer> steps, int samples, long seed, Path out,
                       String features, Clip clip, int bootstrap, String exact, Device device, String command) {
            this(teacher, students, steps, samples, seed, out, features, clip, bootstrap, exact, device, command, null,
                    null, null, null);
        }
    }

    public record Result(EvalReport report, Path json, Path png) {
    }

    private final PdvizHome home;

    public EvalService(PdvizHome home) {
        this.home = home;
    }

    public Result run(Request r, EvalMonitor monitor) throws Exception {
        validate(r);
        try (OutputFolder out = OutputFolder.create(r.out())) {
            Result result = evaluate(r, monitor);
            out.keep();
            return result;
        }
    }

    private Result evaluate(Request r, EvalMonitor monitor) throws Exception {
        List<String> notes = new ArrayList<>();
        Consumer<String> note = line -> {
            notes.add(line);
            monitor.note(line);
        };
        try (OnnxDenoiser teacher = OnnxDenoiser.open(r.teacher(), r.teacherCard(), r.device(), note)) {
            // everything that can fail on bad input is resolved before the first sampling run
            ModelCard card = teacher.card();
            DataShape shape = teacher.shape();
            List<Integer> steps = r.steps().stream().distinct().sorted().toList();
            // kept at once: the teacher's set at every step count, the reference and its independent draw, the
            // run being sampled and its working arrays (z, next, x_hat, the output), and a resampled copy
            long perSample = 4L * shape.size() * (steps.size() + 4 + 4 + teacher.parameterization().outputFactor());
            Capacity.requireMemory(perSample * r.samples(), "evaluating " + r.samples() + " samples of " + shape
                    + " at " + steps.size() + " step counts", "use fewer --samples or --steps");
            List<Student> students = findStudents(r, card, note);
            Path exactFile = isExact(card) ? null : findExact(r.exact(), card, note);
            ReferenceData ref = r.data() != null ? ReferenceData.fromFile(r.data(), card, shape, r.samples(), r.seed())
                    : ReferenceData.resolve(card.dataset(), shape, r.samples(), r.seed(), home.mnist());
            // the paper clips x_hat when sampling images; a Gaussian mixture's own samples leave the data
            // range, so clipping would then bias the comparison with its reference samples
            boolean mixture = ref != null && ref.info().kind().equals("mixture");
            boolean clip = r.clip() == Clip.ON || (r.clip() == Clip.AUTO && shape.isImage() && !mixture);
            if (ref == null) {
                note.accept("data set '" + card.dataset() + "' is unknown: quality is measured against the teacher's "
                        + steps.get(steps.size() - 1) + "-step samples from independent noise, not against the true"
                        + " distribution");
            }
            FeatureMap featureMap = shape.isImage() ? features(r.features(), shape, note) : null;
            try {
                Plan plan = new Plan(r, teacher, card, steps, clip, students, exactFile, ref, featureMap);
                return write(evaluate(plan, monitor, notes, note), r.out());
            } finally {
                if (featureMap instanceof AutoCloseable c) {
                    c.close();
                }
            }
        }
    }

    /** What one evaluation will do, resolved from the request. */
    private record Plan(Request request, OnnxDenoiser teacher, ModelCard card, List<Integer> steps, boolean clip,
                        List<Student> students, Path exactFile, ReferenceData reference, FeatureMap features) {
        int maxSteps() {
            return steps.get(steps.size() - 1);
        }

        boolean images() {
            return features != null;
        }

        int runs() {
            return steps.size() + students.size() + (exactFile != null ? 1 : 0) + (reference == null ? 1 : 0);
        }
    }

    private EvalReport evaluate(Plan p, EvalMonitor monitor, List<String> notes, Consumer<String> note)
            throws Exception {
        Request r = p.request();
        ModelCard card = p.card();
        int total = p.runs(), index = 0;
        List<Sampled> teacherSets = new ArrayList<>();
        for (int n : p.steps()) {
            monitor.runStarted(card.name() + ", plain DDIM, " + n + " steps", ++index, total);
            teacherSets.add(sample(p.teacher(), card, n, r, p.clip(), 0, monitor, true));
        }
        SampleSet rmseReference = teacherSets.get(teacherSets.size() - 1).samples();

        EvalReport.Reference refInfo;
        SampleSet reference, independent;
        if (p.reference() == null) {
            monitor.runStarted(card.name() + ", " + p.maxSteps() + " steps, independent noise (reference)", ++index,
                    total);
            // sample indices M .. 2M-1: noise independent of the runs being scored
            reference = sample(p.teacher(), card, p.maxSteps(), r, p.clip(), r.samples(), monitor, true).samples();
            independent = null;
            refInfo = new EvalReport.Reference("teacher", card.name(), r.samples(), "the teacher's own "
                    + p.maxSteps() + "-step samples from independent starting noise (data set unknown)");
        } else {
            reference = p.reference().samples();
            independent = p.reference().independent();
            refInfo = p.reference().info();
        }

        Bootstrap bootstrap = new Bootstrap(r.bootstrap(), 0.95, r.seed());
        SlicedWasserstein swd = new SlicedWasserstein(128, r.seed());
        KernelDistance kid = new KernelDistance(100, 1000, r.seed());
        Scorer scorer = p.images() ? new Scorer.Images(p.features(), reference, bootstrap, kid)
                : new Scorer.Points(reference, bootstrap, swd, new EnergyDistance(r.seed()));

        List<EvalReport.Run> teacherRuns = new ArrayList<>();
        for (Sampled set : teacherSets) {
            teacherRuns.add(run("teacher", card.name(), r.teacher(), set, scorer, rmseReference, bootstrap));
        }
        List<EvalReport.Run> studentRuns = new ArrayList<>();
        for (Student s : p.students()) {
            monitor.runStarted(s.card().name() + ", student, " + s.card().steps() + " steps", ++index, total);
            try (OnnxDenoiser d = OnnxDenoiser.open(s.file(), CardOverrides.NONE, r.device(), note)) {
                Sampled set = sample(d, s.card(), s.card().steps(), r, p.clip(), 0, monitor, false);
                studentRuns.add(run("student", s.card().name(), s.file(), set, scorer, rmseReference, bootstrap));
            } catch (org.pdviz.core.model.DenoiserException | ModelFileException e) {
                // one broken student is a result about that student, not the end of the evaluation
                note.accept(s.file().getFileName() + " failed: " + e.getMessage());
                studentRuns.add(EvalReport.Run.failed("student", s.card().name(), s.file().toString(),
                        s.card().steps(), e.getMessage()));
            }
        }
        EvalReport.Run exactRun = null;
        if (p.exactFile() != null) {
            try (OnnxDenoiser d = OnnxDenoiser.open(p.exactFile(), CardOverrides.NONE, r.device(), note)) {
                monitor.runStarted(d.card().name() + ", exact teacher, " + p.maxSteps() + " steps", ++index, total);
                Sampled set = sample(d, d.card(), p.maxSteps(), r, p.clip(), 0, monitor, false);
                exactRun = run("exact", d.card().name(), p.exactFile(), set, scorer, rmseReference, bootstrap);
            }
        }
        Map<String, Estimate> floor = independent == null ? null : scorer.score(independent);
        boolean images = p.images();
        return new EvalReport(EvalReport.FORMAT, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                EvalReport.Machine.current(p.teacher().device().id()), r.command(),
                new EvalReport.ModelRef(card.name(), r.teacher().toString(), card.dataset(), card.parameterization(),
                        isExact(card)),
                images ? "images" : "points", refInfo, images ? describe(p.features()) : null,
                new EvalReport.Settings(r.samples(), r.seed(), p.steps(), p.clip(), r.bootstrap(),
                        bootstrap.confidence(), images ? null : swd.projections(), images ? kid.subsets() : null,
                        images ? kid.subsetSize() : null, describe(r.grid(), r.clipStyle())),
                scorer.primary(), scorer.descriptions(), new EvalReport.RmseReference(card.name(), p.maxSteps()),
                floor, teacherRuns, studentRuns, exactRun, notes);
    }

    private record Student(Path file, ModelCard card) {
    }

    private record Sampled(int steps, SampleSet samples, long nanos) {
    }

    private static void validate(Request r) {
        if (r.steps().isEmpty()) {
            throw new IllegalArgumentException("--steps needs at least one step count");
        }
        for (int s : r.steps()) {
            if (s < 1) {
                throw new IllegalArgumentException("--steps must be positive, got " + s);
            }
        }
        if (r.samples() < 2) {
            throw new IllegalArgumentException("--samples must be at least 2, got " + r.samples());
        }
        if (r.bootstrap() < 2) {
            throw new IllegalArgumentException("--bootstrap must be at least 2, got " + r.bootstrap());
        }
        if (r.students() != null && !Files.isDirectory(r.students())) {
            throw new IllegalArgumentException("--students: '" + r.students() + "' is not a folder");
        }
    }

    /**
     * The grid options apply to the teacher (a cosine teacher refuses other than the defaults) and to
     * any other model on a discrete schedule ({@code teacher} false); the clip style to every model.
     */
    private static Sampled sample(OnnxDenoiser model, ModelCard card, int steps, Request r, boolean clip,
                                  long firstIndex, EvalMonitor monitor, boolean teacher) throws Exception {
        GridOptions grid = teacher || model.schedule() instanceof DiscreteSchedule ? r.grid() : GridOptions.DEFAULT;
        SamplerSettings settings = new SamplerSettings(steps, r.seed(), r.samples(), firstIndex,
                clip ? card.rangeValue() : null, SamplerSettings.Recording.FINAL, grid, r.clipStyle());
        Trajectory tr = new DdimSampler(card.scheduleValue()).sample(card.name(), model, settings, monitor);
        return new Sampled(steps, new SampleSet(tr.finalSample(), model.shape().size()), tr.nanos());
    }

    /** The DDIM options in words, or null for the defaults. */
    static String describe(GridOptions g, SamplerSettings.ClipStyle style) {
        List<String> parts = new ArrayList<>();
        if (g.spacing() != null) {
            parts.add("spacing " + g.spacing().id());
        }
        if (g.stepsOffset() != 0) {
            parts.add("steps offset " + g.stepsOffset());
        }
        if (g.finalAlpha() != null) {
            parts.add("final alpha " + g.finalAlpha().id());
        }
        if (g.stepTo() != null) {
            parts.add("step to " + g.stepTo().id());
        }
        if (style != SamplerSettings.ClipStyle.OFFICIAL) {
            parts.add("clip style " + style.id());
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static EvalReport.Run run(String role, String name, Path file, Sampled set, Scorer scorer,
                                      SampleSet rmseReference, Bootstrap bootstrap) throws Exception {
        Map<String, Estimate> metrics = new LinkedHashMap<>(scorer.score(set.samples()));
        metrics.put(Scorer.RMSE, SameNoise.estimate(set.samples(), rmseReference, bootstrap));
        double seconds = set.nanos() / 1e9;
        return new EvalReport.Run(role, name, file.toString(), set.steps(), set.steps(), seconds,
                1e3 * seconds / set.samples().count(), metrics, null);
    }

    static boolean isExact(ModelCard card) {
        return card.family() != null && ExactTeachers.FAMILY.equals(card.family().name());
    }

    /** Students in the folder (recursively): cards with steps, the teacher's data shape and data set. */
    private List<Student> findStudents(Request r, ModelCard teacher, Consumer<String> note)
            throws IOException {
        if (r.students() == null) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(r.students())) {
            files = walk.filter(p -> p.toString().endsWith(".onnx") && Files.isRegularFile(p)).sorted().toList();
        }
        Path teacherFile = r.teacher().toAbsolutePath().normalize();
        List<Student> out = new ArrayList<>();
        for (Path f : files) {
            if (f.toAbsolutePath().normalize().equals(teacherFile)) {
                continue;
            }
            String name = f.getFileName().toString();
            ModelCard c;
            try {
                OnnxDenoiser.Inspection info = OnnxDenoiser.inspect(f);
                if (!info.usable()) {
                    note.accept("skipped " + info.describeProblems());
                    continue;
                }
                c = info.card();
            } catch (ModelFileException e) {
                note.accept("skipped " + e.getMessage());
                continue;
            }
            if (c == null || c.steps() == null) {
                note.accept("skipped " + name + ": not a student (its card has no 'steps')");
                continue;
            }
            if (c.dataShape() == null || !Arrays.equals(c.dataShape(), teacher.dataShape())) {
                note.accept("skipped " + name + ": data shape " + Arrays.toString(c.dataShape())
                        + " differs from the teacher's " + Arrays.toString(teacher.dataShape()));
                continue;
            }
            if (!Objects.equals(c.dataset(), teacher.dataset())) {
                note.accept("skipped " + name + ": data set '" + c.dataset() + "' differs from the teacher's '"
                        + teacher.dataset() + "'");
                continue;
            }
            out.add(new Student(f, c));
        }
        out.sort(Comparator.comparing((Student s) -> s.card().steps()).thenComparing(s -> s.file().toString()));
        if (out.isEmpty()) {
            note.accept("no students of '" + teacher.dataset() + "' found in " + r.students());
        }
        return out;
    }

    private Path findExact(String exact, ModelCard teacher, Consumer<String> note) {
        if (exact == null || exact.equals("auto")) {
            Path dir = home.models().resolve("exact");
            if (!Files.isDirectory(dir)) {
                return null;
            }
            try (Stream<Path> list = Files.list(dir)) {
                for (Path f : list.filter(p -> p.toString().endsWith(".onnx")).sorted().toList()) {
                    try {
                        OnnxDenoiser.Inspection info = OnnxDenoiser.inspect(f);
                        ModelCard c = info.usable() ? info.card() : null;
                        if (c != null && Objects.equals(c.dataset(), teacher.dataset())
                                && Arrays.equals(c.dataShape(), teacher.dataShape())) {
                            return f;
                        }
                    } catch (ModelFileException e) {
                        // not a usable exact teacher; keep looking
                    }
                }
            } catch (IOException e) {
                note.accept("cannot list " + dir + ": " + e.getMessage());
            }
            return null;
        }
        if (exact.equals("none")) {
            return null;
        }
        Path f = Path.of(exact);
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException("--exact: no such file '" + exact + "'");
        }
        return f;
    }

    private FeatureMap features(String spec, DataShape shape, Consumer<String> note)
            throws ModelFileException {
        String s = spec == null ? "auto" : spec;
        boolean mnistShaped = shape.equals(Mnist.SHAPE);
        if (s.equals("random-relu") || (s.equals("auto") && !mnistShaped)) {
            note.accept("FID/KID use fixed random-ReLU features (not a trained classifier): numbers rank samplers"
                    + " but are not comparable to published FID");
            return new RandomReluFeatures(shape.size(), RandomReluFeatures.DEFAULT_DIM);
        }
        if (s.equals("auto")) {
            Path trained = home.models().resolve(CLASSIFIER);
            if (Files.isRegularFile(trained)) {
                return OnnxClassifier.open(trained);
            }
            note.accept("no trained classifier at models/" + CLASSIFIER.toString().replace('\\', '/')
                    + ": FID/KID use fixed random-ReLU features, which rank samplers but are not comparable to"
                    + " published FID");
            return new RandomReluFeatures(shape.size(), RandomReluFeatures.DEFAULT_DIM);
        }
        if (!mnistShaped) {
            throw new IllegalArgumentException("--features " + s + ": a classifier takes 1x28x28 digits, the models"
                    + " here make " + shape);
        }
        return OnnxClassifier.open(Path.of(s));
    }

    private EvalReport.Features describe(FeatureMap f) throws Exception {
        if (f instanceof OnnxClassifier c) {
            double accuracy = c.heldOutAccuracy(Mnist.load(home.mnist())).fraction();
            return new EvalReport.Features(c.id(), "classifier", c.dim(), c.file().toString(), accuracy);
        }
        return new EvalReport.Features(f.id(), "fixed", f.dim(), null, null);
    }

    /** Both files appear only when both are complete. */
    private static Result write(EvalReport report, Path out) throws IOException {
        Path json = out.resolve(JSON), png = out.resolve(PNG);
        byte[] bytes = CardJson.mapper().writeValueAsBytes(report);
        java.awt.image.BufferedImage picture = ReportPlot.render(report);
        Map<Path, AtomicFiles.Writer> files = new LinkedHashMap<>();
        files.put(json, (OutputStream os) -> os.write(bytes));
        files.put(png, os -> javax.imageio.ImageIO.write(picture, "png", os));
        AtomicFiles.writeAll(files);
        return new Result(report, json, png);
    }
}

package org.pdviz.app.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.pdviz.app.Capacity;
import org.pdviz.app.i18n.Language;
import org.pdviz.app.i18n.Texts;
import org.pdviz.app.library.ModelImport;
import org.pdviz.app.phi.PhiData;
import org.pdviz.app.phi.PhiGrid;
import org.pdviz.app.phi.PhiModelChoice;
import org.pdviz.app.phi.PhiModels;
import org.pdviz.app.phi.PhiSession;
import org.pdviz.app.sampling.StartTensor;
import org.pdviz.core.ddim.DdimSampler;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.ddim.SamplingMonitor;
import org.pdviz.core.ddim.Trajectory;
import org.pdviz.core.model.DenoiserException;
import org.pdviz.core.schedule.GridOptions;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.ModelFileException;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.OutputFolder;
import org.pdviz.runtime.card.CardOverrides;
import org.pdviz.runtime.card.ModelCard;

/**
 * Animations for slides from a model file (the {@code export} command): the sampling run, or the
 * phi scrub of the model against itself with few steps (or against a distilled student).
 */
public final class ExportService {

    public enum What { SAMPLING, PHI }

    /**
     * @param steps       sampling steps (null: a student's own count, else 512 for sampling; 512 for the phi
     *                    view's teacher)
     * @param student     for phi: a distilled student to compare with (null: the model itself, plain DDIM)
     * @param studentSteps for phi: the few-step sampler's steps (null: the student's own count, else 4)
     */
    public record Request(Path model, What what, Integer steps, long seed, int count, int frames, boolean gif,
                          Path student, Integer studentSteps, Path out, CardOverrides modelCard, boolean clip,
                          GridOptions grid, SamplerSettings.ClipStyle clipStyle, Path start) {
        public Request {
            modelCard = modelCard == null ? CardOverrides.NONE : modelCard;
            grid = grid == null ? GridOptions.DEFAULT : grid;
        }

        /** The model with its own card, the default sampler, the seed's noise. */
        public Request(Path model, What what, Integer steps, long seed, int count, int frames, boolean gif,
                       Path student, Integer studentSteps, Path out) {
            this(model, what, steps, seed, count, frames, gif, student, studentSteps, out, null, false, null, null,
                    null);
        }
    }

    public record Result(String model, What what, int frames, Animation.Written written) {
    }

    public static final String SAMPLING_STEM = "sampling", PHI_STEM = "phi";

    /** As {@link #run(Request, Texts, Consumer, Animation.Progress)} with the slides in English. */
    public Result run(Request r, Consumer<String> notices, Animation.Progress progress)
            throws IOException, ModelFileException, DenoiserException {
        return run(r, Texts.of(Language.EN), notices, progress);
    }

    /** Writes the frames (and the GIF); the words on the slides are in {@code texts}' language. */
    public Result run(Request r, Texts texts, Consumer<String> notices, Animation.Progress progress)
            throws IOException, ModelFileException, DenoiserException {
        if (r.count() < 1) {
            throw new IllegalArgumentException("--count must be at least 1, got " + r.count());
        }
        if (r.frames() < 2) {
            throw new IllegalArgumentException("--frames must be at least 2, got " + r.frames());
        }
        if (r.steps() != null && r.steps() < 1) {
            throw new IllegalArgumentException("--steps must be at least 1, got " + r.steps());
        }
        try (OutputFolder out = OutputFolder.create(r.out())) {
            Result result = r.what() == What.SAMPLING ? sampling(r, texts, progress) : phi(r, texts, notices, progress);
            out.keep();
            return result;
        }
    }

    private Result sampling(Request r, Texts texts, Animation.Progress progress)
            throws IOException, ModelFileException, DenoiserException {
        try (OnnxDenoiser model = OnnxDenoiser.open(r.model(), r.modelCard(), Device.CPU, line -> { })) {
            ModelCard card = model.card();
            int steps = r.steps() != null ? r.steps() : card.steps() != null ? card.steps()
                    : org.pdviz.app.library.ModelChoice.teacherSteps(card);
            StartTensor start = r.start() == null ? null : StartTensor.read(r.start(), model.shape());
            int count = start == null ? r.count() : start.count();
            // every frame is drawn from the recorded run: z, x_hat, eps_hat and v_hat of every step are kept
            Capacity.requireMemory(Trajectory.recordedBytes(model.shape().size(), count, steps), "recording "
                    + steps + " steps of " + count + " samples of " + model.shape(), "use a smaller --count or fewer"
                    + " --steps");
            SamplerSettings settings = new SamplerSettings(steps, r.seed(), count, 0, r.clip() ? card.rangeValue()
                    : null, SamplerSettings.Recording.ALL, r.grid(), r.clipStyle());
            DdimSampler sampler = new DdimSampler(card.scheduleValue());
            Trajectory run = start == null ? sampler.sample(card.name(), model, settings, SamplingMonitor.NONE)
                    : sampler.run(card.name(), model, settings, SamplingMonitor.NONE, start.values());
            SamplingFrames frames = new SamplingFrames(run, card.rangeValue(), start == null
                    ? texts.format("export.sampling.title", card.name(), texts.steps(steps), r.seed())
                    : texts.format("export.sampling.title_start", card.name(), texts.steps(steps),
                    start.file().getFileName()), r.frames() - 1, texts);
            return new Result(card.name(), What.SAMPLING, frames.count(),
                    Animation.write(frames, r.out(), SAMPLING_STEM, r.gif(), progress));
        }
    }

    private Result phi(Request r, Texts texts, Consumer<String> notices, Animation.Progress progress)
            throws IOException, ModelFileException, DenoiserException {
        if (!r.grid().isDefault() || r.clip()) {
            throw new IllegalArgumentException("the phi scrub samples without clipping on the schedule's own grid (each"
                    + " step a rotation): --clip, --spacing, --steps-offset, --final-alpha and --step-to apply to"
                    + " --what sampling");
        }
        var teacher = ModelImport.complete(r.model(), r.modelCard());
        var student = r.student() == null ? teacher : ModelImport.complete(r.student(), CardOverrides.NONE);
        int teacherSteps = r.steps() != null ? r.steps() : org.pdviz.app.library.ModelChoice.teacherSteps(teacher.card());
        int studentSteps = r.studentSteps() != null ? r.studentSteps()
                : student.steps() != null && r.student() != null ? student.steps() : PhiModelChoice.STUDENT_STEPS;
        PhiModelChoice choice = new PhiModelChoice(teacher, teacherSteps, student, studentSteps);
        try (PhiModels models = PhiModels.open(choice)) {
            int cap = models.shape().isImage() ? 64 : 4096;
            StartTensor start = r.start() == null ? null : StartTensor.read(r.start(), models.shape());
            int count = Math.min(start == null ? r.count() : start.count(), cap);
            PhiData data = PhiData.sample(models, r.seed(), count, start == null ? null
                    : java.util.Arrays.copyOf(start.values(), count * models.shape().size()), SamplingMonitor.NONE);
            int sample = models.shape().isImage() ? 0 : data.bestConditionedSample();
            int coordinate = brightest(data, sample);
            if (!data.xFromSameNoise()) {
                notices.accept("2-D data: x on the circle is the teacher's sample from independent noise");
            }
            try (PhiSession session = new PhiSession(models, data, PhiGrid.of(models.schedule()))) {
                PhiFrames frames = new PhiFrames(session, sample, coordinate, PhiSession.Source.TEACHER, r.frames(),
                        models.pairLabel(), texts);
                return new Result(models.teacher().model(), What.PHI, frames.count(),
                        Animation.write(frames, r.out(), PHI_STEM, r.gif(), progress));
            }
        }
    }

    /** The coordinate with the largest x of a sample: for digits, a pixel on the stroke. */
    static int brightest(PhiData data, int sample) {
        int dim = data.samples().dim(), best = 0;
        float[] x = data.samples().x();
        for (int j = 1; j < dim; j++) {
            if (x[sample * dim + j] > x[sample * dim + best]) {
                best = j;
            }
        }
        return best;
    }
}

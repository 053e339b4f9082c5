package org.pdviz.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.pdviz.app.io.TrajectoryJson;
import org.pdviz.app.render.SamplePlots;
import org.pdviz.app.sampling.StartTensor;
import org.pdviz.core.ddim.DdimSampler;
import org.pdviz.core.ddim.Frame;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.ddim.SamplingMonitor;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.model.DenoiserException;
import org.pdviz.core.schedule.GridOptions;
import org.pdviz.runtime.AtomicFiles;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.ModelFileException;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.OutputFolder;
import org.pdviz.runtime.card.CardOverrides;
import org.pdviz.runtime.card.ModelCard;

/**
 * Samples a model file and writes {@code samples.png} and {@code trajectory.json} (the `sample`
 * command). Nothing is kept in memory that need not be: frames are written to the JSON as they are
 * made, and a run that records only the final samples goes in chunks of samples. What the run still
 * needs, in memory and on disk, is estimated before it starts and refused, with the numbers, when it
 * will not fit. The model is checked, and the output folder created, before any sampling; a failed
 * run leaves neither file nor an empty folder it made.
 */
public final class SampleService {

    public static final String PNG = "samples.png";
    public static final String JSON = "trajectory.json";
    /** A teacher's default step count. */
    public static final int TEACHER_STEPS = 512;
    /** samples.png shows the first this many images (points are all drawn). */
    public static final int MAX_IMAGES = 1024;
    /** About what one value takes in trajectory.json ("-0.12345678," is 12 characters). */
    static final int JSON_BYTES_PER_VALUE = 12;
    /** The working arrays of one chunk of a final-only run stay under this (by default). */
    static final long CHUNK_BYTES = 64L << 20;
    /** The most values one Java array holds, with room for the VM's header words. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    /**
     * @param steps null: a student's own step count, else {@link #TEACHER_STEPS} (or a discrete
     *              schedule's T, if fewer)
     * @param grid  how the grid is laid on a discrete schedule (null: the defaults)
     * @param start a .npy start tensor in place of the seed's noise (null: the noise); it sets the count
     */
    public record Request(Path model, CardOverrides overrides, Device device, Integer steps, long seed, int count,
                          boolean clip, SamplerSettings.Recording recording, Path out, GridOptions grid,
                          SamplerSettings.ClipStyle clipStyle, Path start) {

        public Request(Path model, CardOverrides overrides, Device device, Integer steps, long seed, int count,
                       boolean clip, SamplerSettings.Recording recording, Path out) {
            this(model, overrides, device, steps, seed, count, clip, recording, out, null, null, null);
        }
    }

    public record Result(ModelCard card, Device device, int steps, int count, long nanos, Path png, Path json) {
    }

    /** How a run goes: samples per sampler call (all of them unless final-only), and what is kept for the picture. */
    record Plan(int count, int steps, int dim, int outFactor, boolean frames, int chunk, int shown, boolean images) {

        /** Floats kept for samples.png: the first images, or the first two coordinates of every point. */
        long keptValues() {
            return images ? (long) shown * dim : 2L * count;
        }

        /** Floats the sampler holds per sample: z, next, the output, t, x_hat (and eps_hat, v_hat for frames). */
        long workingValuesPerSample() {
            return (long) dim * ((frames ? 5 : 3) + outFactor) + 1;
        }

        long memoryBytes() {
            long picture = images ? 2L * 4 * shown * (long) dim * 4 : 2L * 4 * 640 * 640;
            return 4 * (keptValues() + workingValuesPerSample() * chunk) + picture;
        }

        long diskBytes() {
            long values = (long) count * dim * (1 + (frames ? 4L * steps : 0));
            return values * JSON_BYTES_PER_VALUE;
        }
    }

    private final long chunkBytes;

    public SampleService() {
        this(CHUNK_BYTES);
    }

    /** @param chunkBytes the most the working arrays of one chunk of a final-only run may take */
    SampleService(long chunkBytes) {
        this.chunkBytes = chunkBytes;
    }

    static Plan plan(int count, int steps, DataShape shape, int outFactor, boolean frames, int maxBatch,
                     long chunkBytes) {
        int dim = shape.size();
        boolean images = shape.isImage();
        Plan whole = new Plan(count, steps, dim, outFactor, frames, count, images ? Math.min(count, MAX_IMAGES) : count,
                images);
        if (frames) {
            return whole; // every frame spans the whole batch: no chunks
        }
        long perSample = 4 * whole.workingValuesPerSample();
        long fit = Math.max(1, chunkBytes / perSample / maxBatch) * maxBatch;
        return new Plan(count, steps, dim, outFactor, false, (int) Math.min(count, fit), whole.shown(), images);
    }

    public Result run(Request r, SamplingMonitor monitor, Consumer<String> notices)
            throws ModelFileException, DenoiserException, IOException {
        if (r.steps() != null && r.steps() < 1) {
            throw new IllegalArgumentException("--steps must be at least 1, got " + r.steps());
        }
        if (r.count() < 1) {
            throw new IllegalArgumentException("--count must be at least 1, got " + r.count());
        }
        try (OnnxDenoiser model = OnnxDenoiser.open(r.model(), r.overrides(), r.device(), notices)) {
            ModelCard card = model.card();
            int steps = r.steps() != null ? r.steps() : card.steps() != null ? card.steps()
                    : org.pdviz.app.library.ModelChoice.teacherSteps(card);
            StartTensor start = r.start() == null ? null : StartTensor.read(r.start(), model.shape());
            int count = start == null ? r.count() : start.count();
            boolean frames = r.recording() != SamplerSettings.Recording.FINAL;
            Plan plan = plan(count, steps, model.shape(), model.parameterization().outputFactor(), frames,
                    model.maxBatch(), chunkBytes);
            check(plan, r, model.shape());
            // the grid is laid (and a bad option refused) before anything is written
            card.scheduleValue().grid(steps, r.grid() == null ? GridOptions.DEFAULT : r.grid());
            try (OutputFolder out = OutputFolder.create(r.out())) {
                Path png = r.out().resolve(PNG), json = r.out().resolve(JSON);
                float[] kept = new float[(int) plan.keptValues()];
                long started = System.nanoTime();
                Map<Path, AtomicFiles.Writer> files = new LinkedHashMap<>();
                files.put(json, os -> sample(model, card, r, start, plan, kept, monitor, os));
                files.put(png, os -> ImageIO.write(picture(card, plan, kept, model.shape()), "png", os));
                try {
                    AtomicFiles.writeAll(files);
                } catch (Failed e) {
                    throw e.getCause();
                }
                out.keep();
                return new Result(card, model.device(), steps, count, System.nanoTime() - started, png, json);
            }
        }
    }

    /** Refuses, before anything is written, a run that would not fit in memory or on the disk. */
    private static void check(Plan plan, Request r, DataShape shape) throws IOException {
        String what = "sampling " + plan.count() + " samples of " + shape + " with " + plan.steps() + " steps"
                + (plan.frames() ? ", every frame recorded," : "");
        long biggest = Math.max(plan.keptValues(), (long) plan.chunk() * plan.dim() * plan.outFactor());
        if (biggest > MAX_ARRAY) {
            throw new IllegalArgumentException(what + " needs arrays of " + biggest + " values, more than one Java"
                    + " array holds (" + MAX_ARRAY + "): use a smaller --count"
                    + (plan.frames() ? " or --record final" : ""));
        }
        Capacity.requireMemory(plan.memoryBytes(), what, plan.frames()
                ? "use a smaller --count or --record final" : "use a smaller --count");
        Capacity.requireDisk(r.out(), plan.diskBytes(), what, plan.frames()
                ? "use --record final, fewer --steps or a smaller --count, or another --out" : "use a smaller --count"
                + " or another --out");
    }

    /** Runs the sampler, writing trajectory.json as it goes, and keeps what samples.png shows. */
    private static void sample(OnnxDenoiser model, ModelCard card, Request r, StartTensor start, Plan plan,
                               float[] kept, SamplingMonitor monitor, java.io.OutputStream os) throws IOException {
        DdimSampler sampler = new DdimSampler(card.scheduleValue());
        int count = plan.count(), dim = plan.dim();
        SamplerSettings all = settings(plan, r, card, 0, count);
        try (TrajectoryJson.Streamed w = new TrajectoryJson.Streamed(os, card.name(), model.parameterization().id(),
                all, model.shape().batched(count), sampler.schedule(), start)) {
            int chunks = (count + plan.chunk() - 1) / plan.chunk();
            for (int c = 0; c < chunks; c++) {
                int first = c * plan.chunk(), n = Math.min(plan.chunk(), count - first);
                SamplerSettings part = settings(plan, r, card, first, n);
                SamplingMonitor m = chunkMonitor(monitor, w, c, chunks);
                float[] done = (start == null ? sampler.sample(card.name(), model, part, m)
                        : sampler.run(card.name(), model, part, m, java.util.Arrays.copyOfRange(start.values(),
                        first * dim, (first + n) * dim))).finalSample();
                w.finalValues(done, 0, done.length);
                keep(plan, model.shape(), done, first, n, kept);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (DenoiserException e) {
            throw new Failed(e);
        }
    }

    private static SamplerSettings settings(Plan plan, Request r, ModelCard card, long first, int n) {
        return new SamplerSettings(plan.steps(), r.seed(), n, first, r.clip() ? card.rangeValue() : null,
                plan.frames() ? SamplerSettings.Recording.STREAM : SamplerSettings.Recording.FINAL, r.grid(),
                r.clipStyle());
    }

    /** Progress over all chunks; frames go to the file as they are made. */
    private static SamplingMonitor chunkMonitor(SamplingMonitor monitor, TrajectoryJson.Streamed w, int chunk,
                                                int chunks) {
        return new SamplingMonitor() {
            @Override
            public void stepDone(int done, int total) {
                long all = (long) chunks * total, scale = all / Integer.MAX_VALUE + 1;
                monitor.stepDone((int) (((long) chunk * total + done) / scale), (int) (all / scale));
            }

            @Override
            public void frame(Frame frame) {
                try {
                    w.frame(frame);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean cancelled() {
                return monitor.cancelled();
            }
        };
    }

    private static void keep(Plan plan, DataShape shape, float[] done, int first, int n, float[] kept) {
        if (plan.images()) {
            int upTo = Math.min(first + n, plan.shown());
            if (upTo > first) {
                System.arraycopy(done, 0, kept, first * plan.dim(), (upTo - first) * plan.dim());
            }
            return;
        }
        float[] two = SamplePlots.firstTwo(done, n, shape);
        System.arraycopy(two, 0, kept, 2 * first, 2 * n);
    }

    private static java.awt.image.BufferedImage picture(ModelCard card, Plan plan, float[] kept, DataShape shape) {
        String title = card.name() + ", " + plan.steps() + " steps";
        return plan.images() ? SamplePlots.samples(title, kept, plan.shown(), shape, card.rangeValue())
                : SamplePlots.samples(title, kept, plan.count(), DataShape.of(2), card.rangeValue());
    }

    /** A sampling failure carried out of the file writer (which may only throw I/O errors) unchanged. */
    private static final class Failed extends RuntimeException {
        Failed(DenoiserException cause) {
            super(cause);
        }

        @Override
        public synchronized DenoiserException getCause() {
            return (DenoiserException) super.getCause();
        }
    }
}

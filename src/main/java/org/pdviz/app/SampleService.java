package org.pdviz.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.pdviz.app.io.TrajectoryJson;
import org.pdviz.app.render.Png;
import org.pdviz.app.render.SamplePlots;
import org.pdviz.core.ddim.DdimSampler;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.ddim.SamplingMonitor;
import org.pdviz.core.ddim.Trajectory;
import org.pdviz.core.model.DenoiserException;
import org.pdviz.runtime.AtomicFiles;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.ModelFileException;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.card.CardOverrides;
import org.pdviz.runtime.card.ModelCard;

/** Samples a model file and writes {@code samples.png} and {@code trajectory.json} (the `sample` command). */
public final class SampleService {

    public static final String PNG = "samples.png";
    public static final String JSON = "trajectory.json";

    public record Request(Path model, CardOverrides overrides, Device device, int steps, long seed, int count,
                          boolean clip, SamplerSettings.Recording recording, Path out) {
    }

    public record Result(ModelCard card, Device device, Trajectory trajectory, Path png, Path json) {
    }

    public Result run(Request r, SamplingMonitor monitor, Consumer<String> notices)
            throws ModelFileException, DenoiserException, IOException {
        if (r.steps() < 1) {
            throw new IllegalArgumentException("--steps must be at least 1, got " + r.steps());
        }
        if (r.count() < 1) {
            throw new IllegalArgumentException("--count must be at least 1, got " + r.count());
        }
        checkWritable(r.out());
        try (OnnxDenoiser model = OnnxDenoiser.open(r.model(), r.overrides(), r.device(), notices)) {
            ModelCard card = model.card();
            SamplerSettings settings = new SamplerSettings(r.steps(), r.seed(), r.count(),
                    r.clip() ? card.rangeValue() : null, r.recording());
            Trajectory tr = new DdimSampler(card.scheduleValue()).sample(card.name(), model, settings, monitor);
            Path png = r.out().resolve(PNG), json = r.out().resolve(JSON);
            // Both files appear only once both are complete.
            Path tmpJson = Files.createTempFile(r.out(), "." + JSON + ".", ".partial");
            try {
                AtomicFiles.write(tmpJson, out -> TrajectoryJson.write(tr, out));
                Png.write(SamplePlots.samples(card.name() + ", " + r.steps() + " steps", tr.finalSample(), r.count(),
                        tr.shape(), card.rangeValue()), png);
                Files.move(tmpJson, json, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmpJson);
            }
            return new Result(card, model.device(), tr, png, json);
        }
    }

    /** Fails early, before any sampling, when the output folder cannot be written. */
    static void checkWritable(Path dir) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create output folder '" + dir + "' (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new IOException("cannot write to output folder '" + dir + "'");
        }
    }
}

package org.pdviz.app.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.pdviz.app.sampling.StartTensor;
import org.pdviz.core.ddim.Frame;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.ddim.Trajectory;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.core.schedule.DiscreteSchedule;
import org.pdviz.core.schedule.GridOptions;
import org.pdviz.core.schedule.NoiseLevel;
import org.pdviz.core.schedule.Schedule;
import org.pdviz.runtime.AtomicFiles;

/**
 * The trajectory file for users' notebooks (stable format, documented in README):
 * <pre>
 * { "model", "parameterization", "steps", "seed" (null with a start file), "start": null or {"file", "sha256"},
 *   "clip", "clipStyle", "shape": [B, d1, ...],
 *   "schedule": {"name": "cosine", "logSnrMin", "logSnrMax"} or {"name": "discrete", "timesteps", "alphasCumprod"},
 *   discrete only: "spacing", "stepsOffset", "finalAlpha", "stepTo",
 *   "frames": [ {"index", "t", ("timestep",) "s", ("toTimestep",) "alpha", "sigma", "logSnr", "phi", "z", "xHat",
 *                "epsHat", "vHat"} ],
 *   "final": [...] }
 * </pre>
 * Frames in sampling order (t = 1 first), arrays flattened row-major; streamed, so large runs
 * do not need a second copy in memory.
 */
public final class TrajectoryJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private TrajectoryJson() {
    }

    public static void write(Trajectory tr, Path file) throws IOException {
        write(tr, null, file);
    }

    /** With the start file the run began from (null: the seed's noise). */
    public static void write(Trajectory tr, StartTensor start, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(tr, start, out));
    }

    public static void write(Trajectory tr, OutputStream out) throws IOException {
        write(tr, null, out);
    }

    public static void write(Trajectory tr, StartTensor start, OutputStream out) throws IOException {
        try (Streamed w = new Streamed(out, tr.model(), tr.parameterization().id(), tr.settings(), tr.batchShape(),
                tr.schedule(), start)) {
            for (Frame f : tr.frames()) {
                w.frame(f);
            }
            w.finalValues(tr.finalSample(), 0, tr.finalSample().length);
        }
    }

    /**
     * The same file written as the run goes: the header first, then each frame as it is made, then
     * the final samples in as many pieces as they come in; {@link #close()} ends the document. So a
     * run never needs its frames, or all its final samples, in memory at once.
     */
    public static final class Streamed implements AutoCloseable {
        private final JsonGenerator g;
        private boolean inFinal;
        private boolean discrete;

        /** @param start the start file (null: the seed's noise) */
        public Streamed(OutputStream out, String model, String parameterization, SamplerSettings settings,
                        long[] batchShape, Schedule schedule, StartTensor start) throws IOException {
            g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("model", model);
            g.writeStringField("parameterization", parameterization);
            g.writeNumberField("steps", settings.steps());
            if (start == null) {
                g.writeNumberField("seed", settings.seed());
                g.writeNullField("start");
            } else {
                g.writeNullField("seed");
                g.writeObjectFieldStart("start");
                g.writeStringField("file", start.file().toString());
                g.writeStringField("sha256", start.sha256());
                g.writeEndObject();
            }
            g.writeBooleanField("clip", settings.clip());
            g.writeStringField("clipStyle", settings.clipStyle().id());
            g.writeArrayFieldStart("shape");
            for (long d : batchShape) {
                g.writeNumber(d);
            }
            g.writeEndArray();
            schedule(g, schedule);
            discrete = schedule instanceof DiscreteSchedule;
            if (discrete) {
                GridOptions o = settings.grid();
                g.writeStringField("spacing", o.spacingOrDefault().id());
                g.writeNumberField("stepsOffset", o.stepsOffset());
                g.writeStringField("finalAlpha", o.finalAlphaOrDefault().id());
                g.writeStringField("stepTo", o.stepToOrDefault().id());
            }
            g.writeArrayFieldStart("frames");
        }

        public void frame(Frame f) throws IOException {
            NoiseLevel at = f.at();
            g.writeStartObject();
            g.writeNumberField("index", f.index());
            g.writeNumberField("t", at.t());
            if (discrete) {
                g.writeNumberField("timestep", (long) at.position());
            }
            g.writeNumberField("s", f.to().t());
            if (discrete) {
                g.writeNumberField("toTimestep", (long) f.to().position());
            }
            g.writeNumberField("alpha", at.alpha());
            g.writeNumberField("sigma", at.sigma());
            g.writeNumberField("logSnr", at.logSnr());
            g.writeNumberField("phi", at.phi());
            array(g, "z", f.z());
            array(g, "xHat", f.xHat());
            array(g, "epsHat", f.epsHat());
            array(g, "vHat", f.vHat());
            g.writeEndObject();
        }

        /** The next {@code length} final values (row-major, continuing where the last piece ended). */
        public void finalValues(float[] values, int from, int length) throws IOException {
            if (!inFinal) {
                g.writeEndArray();
                g.writeArrayFieldStart("final");
                inFinal = true;
            }
            for (int i = from; i < from + length; i++) {
                g.writeNumber(values[i]);
            }
        }

        @Override
        public void close() throws IOException {
            if (!inFinal) {
                finalValues(new float[0], 0, 0);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.close();
        }
    }

    private static void schedule(JsonGenerator g, Schedule s) throws IOException {
        g.writeObjectFieldStart("schedule");
        g.writeStringField("name", s.name());
        if (s instanceof CosineSchedule c) {
            g.writeNumberField("logSnrMin", c.logSnrMin());
            g.writeNumberField("logSnrMax", c.logSnrMax());
        } else if (s instanceof DiscreteSchedule d) {
            g.writeNumberField("timesteps", d.timesteps());
            g.writeArrayFieldStart("alphasCumprod");
            for (double v : d.alphaBar()) {
                g.writeNumber(v);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void array(JsonGenerator g, String name, float[] values) throws IOException {
        g.writeArrayFieldStart(name);
        for (float v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }
}

package org.pdviz.app.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.pdviz.core.ddim.Frame;
import org.pdviz.core.ddim.Trajectory;
import org.pdviz.core.schedule.NoiseLevel;
import org.pdviz.runtime.AtomicFiles;

/**
 * The trajectory file for users' notebooks (stable format, documented in README):
 * <pre>
 * { "model", "parameterization", "steps", "seed", "clip", "shape": [B, d1, ...],
 *   "schedule": {"name", "logSnrMin", "logSnrMax"},
 *   "frames": [ {"index", "t", "s", "alpha", "sigma", "logSnr", "phi", "z", "xHat", "epsHat", "vHat"} ],
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
        AtomicFiles.write(file, out -> write(tr, out));
    }

    public static void write(Trajectory tr, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("model", tr.model());
            g.writeStringField("parameterization", tr.parameterization().id());
            g.writeNumberField("steps", tr.steps());
            g.writeNumberField("seed", tr.settings().seed());
            g.writeBooleanField("clip", tr.settings().clip());
            g.writeArrayFieldStart("shape");
            for (long d : tr.batchShape()) {
                g.writeNumber(d);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("schedule");
            g.writeStringField("name", "cosine");
            g.writeNumberField("logSnrMin", tr.schedule().logSnrMin());
            g.writeNumberField("logSnrMax", tr.schedule().logSnrMax());
            g.writeEndObject();
            g.writeArrayFieldStart("frames");
            for (Frame f : tr.frames()) {
                NoiseLevel at = f.at();
                g.writeStartObject();
                g.writeNumberField("index", f.index());
                g.writeNumberField("t", at.t());
                g.writeNumberField("s", f.to().t());
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
            g.writeEndArray();
            array(g, "final", tr.finalSample());
            g.writeEndObject();
        }
    }

    private static void array(JsonGenerator g, String name, float[] values) throws IOException {
        g.writeArrayFieldStart(name);
        for (float v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }
}

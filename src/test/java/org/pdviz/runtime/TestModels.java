package org.pdviz.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.pdviz.runtime.card.CardJson;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.runtime.onnx.OnnxGraph;

/** Small ONNX models for tests: well-behaved, foreign and broken ones. */
public final class TestModels {

    private TestModels() {
    }

    /** out = scale * z, for 2-D points; a card only if {@code card} is not null. */
    public static Path scaled(Path file, float scale, ModelCard card) throws IOException {
        OnnxGraph g = new OnnxGraph("scaled");
        g.input("z", "B", 2);
        g.input("t", "B");
        g.opNamed("out", "Mul", Map.of(), "z", g.scalar("scale", scale));
        g.output("out", "B", 2);
        OnnxGraph.write(g.model("test", card == null ? Map.of() : Map.of(ModelCard.METADATA_KEY,
                CardJson.write(card))), file);
        return file;
    }

    /** Inputs named as another toolkit would name them. */
    public static Path foreignNames(Path file) throws IOException {
        OnnxGraph g = new OnnxGraph("foreign");
        g.input("input", "B", 2);
        g.input("timesteps", "B");
        g.opNamed("out", "Identity", Map.of(), "input");
        g.output("out", "B", 2);
        OnnxGraph.write(g.model("test", Map.of()), file);
        return file;
    }

    /** z of rank 3 where a card says the data are 2-D points. */
    public static Path wrongRank(Path file, ModelCard card) throws IOException {
        OnnxGraph g = new OnnxGraph("rank");
        g.input("z", "B", 2, 2);
        g.input("t", "B");
        g.opNamed("out", "Identity", Map.of(), "z");
        g.output("out", "B", 2, 2);
        OnnxGraph.write(g.model("test", Map.of(ModelCard.METADATA_KEY, CardJson.write(card))), file);
        return file;
    }

    /** Returns NaN everywhere (log of a negative number). */
    public static Path nan(Path file, ModelCard card) throws IOException {
        OnnxGraph g = new OnnxGraph("nan");
        g.input("z", "B", 2);
        g.input("t", "B");
        String negative = g.op("Sub", g.op("Mul", "z", g.scalar("zero", 0f)), g.scalar("one", 1f));
        g.opNamed("out", "Log", Map.of(), negative);
        g.output("out", "B", 2);
        OnnxGraph.write(g.model("test", Map.of(ModelCard.METADATA_KEY, CardJson.write(card))), file);
        return file;
    }

    /** A card for 2-D points with the given parameterisation and student steps (null: a teacher). */
    public static ModelCard pointsCard(String name, String parameterization, Integer steps) {
        return new ModelCard(ModelCard.FORMAT, name, "test", parameterization,
                ModelCard.ScheduleSpec.of(org.pdviz.core.schedule.CosineSchedule.CLIPPED), new int[] {2}, new double[] {-1, 1}, steps, null, null,
                null);
    }
}

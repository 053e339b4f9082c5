package org.pdviz.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pdviz.runtime.card.CardJson;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.runtime.onnx.OnnxGraph;

/**
 * Hostile models, built from ONNX protobuf in the test: the card as raw JSON (so any field can be
 * wrong or of the wrong type), a fixed batch dimension, extra outputs, NaN outputs.
 */
final class CraftedModels {

    private CraftedModels() {
    }

    /**
     * A usable card for 2-D points, as JSON, with one field (a dotted path such as "schedule.logSnrMin")
     * replaced by raw JSON text, which may be of any type (null: unchanged).
     */
    static String pointsCard(String name, Integer steps, String field, String rawValue) {
        ModelCard c = new ModelCard(ModelCard.FORMAT, name, "moons", "x", ModelCard.ScheduleSpec.of(org.pdviz.core.schedule.CosineSchedule.CLIPPED),
                new int[] {2}, new double[] {-1, 1}, steps, null, null, null);
        if (field == null) {
            return CardJson.write(c);
        }
        try {
            var mapper = CardJson.mapper();
            var root = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(CardJson.write(c));
            var node = root;
            String[] path = field.split("\\.");
            for (int i = 0; i < path.length - 1; i++) {
                node = (com.fasterxml.jackson.databind.node.ObjectNode) node.get(path[i]);
            }
            node.set(path[path.length - 1], mapper.readTree(rawValue));
            return mapper.writeValueAsString(root);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** out = 0.5 z for 2-D points: a well-behaved x-predictor with the given card JSON (null: no card). */
    static Path points(Path file, String cardJson) throws IOException {
        return points(file, "B", cardJson, 1, false);
    }

    /**
     * @param batch   "B" (symbolic) or an Integer (fixed) for z, t and the output
     * @param outputs how many outputs (the contract wants one)
     * @param nan     the output is NaN everywhere
     */
    static Path points(Path file, Object batch, String cardJson, int outputs, boolean nan) throws IOException {
        OnnxGraph g = new OnnxGraph("crafted");
        g.input("z", batch, 2);
        g.input("t", batch);
        if (nan) {
            String negative = g.op("Sub", g.op("Mul", "z", g.scalar("zero", 0f)), g.scalar("one", 1f));
            g.opNamed("out", "Log", Map.of(), negative);
        } else {
            g.opNamed("out", "Mul", Map.of(), "z", g.scalar("half", 0.5f));
        }
        g.output("out", batch, 2);
        for (int k = 1; k < outputs; k++) {
            g.opNamed("extra" + k, "Identity", Map.of(), "z");
            g.output("extra" + k, batch, 2);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        if (cardJson != null) {
            meta.put(ModelCard.METADATA_KEY, cardJson);
        }
        OnnxGraph.write(g.model("test", meta), file);
        return file;
    }
}

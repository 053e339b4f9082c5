package org.pdviz.runtime.card;

import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.pdviz.runtime.onnx.OnnxGraph;

/**
 * Renames a checkpoint in place: its card's {@code name} and {@code lineage.parent}, and nothing
 * else: every other field of the card stays as it is (edited as JSON, not re-made from a record),
 * and so do the graph, the weights and the other metadata. The file is written atomically.
 */
public final class CardNames {

    private CardNames() {
    }

    /** What a rename changed. */
    public record Change(Path file, String oldName, String newName, String oldParent, String newParent) {
    }

    /**
     * Applies {@code rename} to the card's name and its lineage's parent; writes the file only when
     * one of them changes. Empty when the file has no pdviz card or nothing changes.
     */
    public static Optional<Change> rename(Path file, UnaryOperator<String> rename) throws IOException, CardException {
        OnnxMl.ModelProto model = OnnxGraph.read(file);
        String json = model.getMetadataPropsList().stream().filter(e -> e.getKey().equals(ModelCard.METADATA_KEY))
                .map(OnnxMl.StringStringEntryProto::getValue).findFirst().orElse(null);
        if (json == null) {
            return Optional.empty();
        }
        CardJson.read(json); // a card that does not read is not rewritten
        ObjectNode card = (ObjectNode) CardJson.mapper().readTree(json);
        String oldName = text(card.get("name"));
        String newName = rename.apply(oldName);
        JsonNode lineage = card.get("lineage");
        String oldParent = lineage instanceof ObjectNode l ? text(l.get("parent")) : null;
        String newParent = oldParent == null ? null : rename.apply(oldParent);
        if (java.util.Objects.equals(oldName, newName) && java.util.Objects.equals(oldParent, newParent)) {
            return Optional.empty();
        }
        if (newName != null) {
            card.put("name", newName);
        }
        if (newParent != null) {
            ((ObjectNode) lineage).put("parent", newParent);
        }
        OnnxGraph.write(OnnxGraph.withMetadata(model, ModelCard.METADATA_KEY,
                CardJson.mapper().writeValueAsString(card)), file);
        return Optional.of(new Change(file, oldName, newName, oldParent, newParent));
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}

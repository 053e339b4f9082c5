package org.pdviz.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.runtime.card.CardJson;
import org.pdviz.runtime.card.CardNames;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.runtime.card.ModelNames;
import org.pdviz.runtime.onnx.OnnxGraph;

/** Data-set-prefixed names, and renaming a checkpoint's card without touching anything else. */
class CardNamesTest {

    @TempDir
    Path dir;

    @Test
    void theDataSetGoesFirstUnlessTheNameAlreadySaysIt() {
        assertEquals("moons-student-4", ModelNames.student("moons", 4));
        assertEquals("mnist-teacher", ModelNames.withDataset("mnist", "teacher"));
        assertEquals("mnist-teacher", ModelNames.withDataset("mnist", "mnist-teacher"), "no second prefix");
        assertEquals("exact-gaussians8", ModelNames.withDataset("gaussians8", "exact-gaussians8"));
        assertEquals("exact-mnist-class-means", ModelNames.withDataset("mnist-class-means", "exact-mnist-class-means"));
        assertEquals("mnist-teacher-v2", ModelNames.withDataset("mnist", "mnist-teacher-v2"));
        // a part of another word is not the data set
        assertEquals("mnist-mnistish", ModelNames.withDataset("mnist", "mnistish"));
        assertEquals("teacher", ModelNames.withDataset(null, "teacher"));
        assertNull(ModelNames.withDataset("moons", null));
    }

    @Test
    void renamingChangesTheNameAndParentAndNothingElse() throws Exception {
        Path file = dir.resolve("student-4.onnx");
        Files.copy(TestPaths.home().resolve("models/moons/student-4.onnx"), file);
        OnnxMl.ModelProto before = OnnxGraph.read(file);
        ObjectNode cardBefore = card(before);
        String name = cardBefore.get("name").asText(), parent = cardBefore.get("lineage").get("parent").asText();

        Optional<CardNames.Change> c = CardNames.rename(file, n -> n.startsWith("x-") ? n : "x-" + n);
        assertEquals(new CardNames.Change(file, name, "x-" + name, parent, "x-" + parent), c.orElseThrow());
        OnnxMl.ModelProto after = OnnxGraph.read(file);
        assertEquals(before.getGraph(), after.getGraph(), "graph and weights untouched");
        assertEquals(before.toBuilder().clearMetadataProps().build(), after.toBuilder().clearMetadataProps().build());
        ObjectNode cardAfter = card(after);
        assertEquals("x-" + name, cardAfter.get("name").asText());
        assertEquals("x-" + parent, cardAfter.get("lineage").get("parent").asText());
        cardAfter.put("name", name);
        ((ObjectNode) cardAfter.get("lineage")).put("parent", parent);
        assertEquals(cardBefore, cardAfter, "every other field of the card as it was");
        // and it still loads as a model
        try (OnnxDenoiser d = OnnxDenoiser.open(file)) {
            assertEquals("x-" + name, d.card().name());
        }
        assertTrue(CardNames.rename(file, n -> n.startsWith("x-") ? n : "x-" + n).isEmpty(), "nothing to change");
    }

    @Test
    void theShippedTrainedModelsSayTheirDataSet() throws Exception {
        // models/README.md: renamed with `pdviz models models --prefix-names`; lineage chains stay whole
        for (String set : new String[] {"moons", "swissroll", "gaussians8", "mnist"}) {
            try (var files = Files.list(TestPaths.home().resolve("models").resolve(set))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".onnx")).toList()) {
                    ModelCard card = OnnxDenoiser.inspect(f).card();
                    String stem = f.getFileName().toString().replace(".onnx", "");
                    assertEquals(set + "-" + stem, card.name(), f.toString());
                    if (card.lineage() != null && card.lineage().parent() != null) {
                        assertTrue(card.lineage().parent().startsWith(set + "-"), f + ": " + card.lineage().parent());
                    }
                }
            }
        }
    }

    private static ObjectNode card(OnnxMl.ModelProto m) throws Exception {
        String json = m.getMetadataPropsList().stream().filter(e -> e.getKey().equals(ModelCard.METADATA_KEY))
                .findFirst().orElseThrow().getValue();
        return (ObjectNode) CardJson.mapper().readTree(json);
    }
}

package org.pdviz.app.eval;

import ai.onnx.proto.OnnxMl;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.pdviz.runtime.card.CardJson;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.runtime.onnx.OnnxGraph;

/** Copies a model file with an edited card (how the tests make "students" without a trainer). */
final class Cards {

    private Cards() {
    }

    static void copyWithCard(Path from, Path to, UnaryOperator<ModelCard> edit) throws Exception {
        OnnxMl.ModelProto model = OnnxGraph.read(from);
        OnnxMl.ModelProto.Builder b = model.toBuilder().clearMetadataProps();
        ModelCard card = null;
        for (OnnxMl.StringStringEntryProto e : model.getMetadataPropsList()) {
            if (e.getKey().equals(ModelCard.METADATA_KEY)) {
                card = CardJson.read(e.getValue());
            } else {
                b.addMetadataProps(e);
            }
        }
        b.addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder().setKey(ModelCard.METADATA_KEY)
                .setValue(CardJson.write(edit.apply(card))));
        OnnxGraph.write(b.build(), to);
    }

    static ModelCard withDataset(ModelCard c, String dataset) {
        return new ModelCard(c.format(), c.name(), dataset, c.parameterization(), c.schedule(), c.dataShape(),
                c.dataRange(), c.steps(), c.family(), c.lineage(), c.description());
    }
}
